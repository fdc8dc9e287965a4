/*
 * Copyright 2026 The retail-stream authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.retailstream.stack.drill;

/** One fault of a drill: how it is made, how it is undone, and what else "recovered" means for it. */
public interface Fault {

    /** Makes the fault; returns what was done, for the console (e.g. "kill -9 TaskManager pid 1234"). */
    String inject(StackParts parts) throws Exception;

    /** Undoes it; returns what was done. */
    String restore(StackParts parts) throws Exception;

    /** Beyond every job and path having caught up: what must hold once this fault is over. */
    default boolean recovered(StackParts parts) throws Exception {
        return true;
    }
}

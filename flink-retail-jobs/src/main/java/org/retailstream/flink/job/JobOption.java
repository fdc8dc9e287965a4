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
package org.retailstream.flink.job;

import java.io.Serializable;

/**
 * One {@code --name value} option of a job, with its default and what it means (shown by --help).
 * An option whose default is {@code true} or {@code false} is a flag: given bare it means true.
 */
public record JobOption(String name, String defaultValue, String description) implements Serializable {

    public boolean isFlag() {
        return defaultValue.equals("true") || defaultValue.equals("false");
    }
}

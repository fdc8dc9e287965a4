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
package org.retailstream.stack.shop;

/**
 * How the simulated shop behaves.
 *
 * @param rate shop events per second (clicks, cart updates, checkouts, stock changes)
 * @param seed makes the shoppers' choices repeatable
 * @param malformedShare share of records written deliberately broken (0 to 1)
 */
public record ShopSettings(double rate, long seed, double malformedShare) {}

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
package org.retailstream.spark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the jar: {@code spark-submit --class org.retailstream.spark.cli.SparkRetailJobs
 * spark-retail-jobs-<version>.jar <job> [--option value ...]}. Help and option errors are picocli's and
 * come before any Spark class is touched.
 */
@Command(
        name = "spark-retail-jobs",
        mixinStandardHelpOptions = true,
        description = "The retail streaming jobs on Spark Structured Streaming: the Flink jobs' outputs from the"
                + " same topics.",
        subcommands = {CategoryRevenueCommand.class, SessionsCommand.class, CartPricingJoinCommand.class})
public final class SparkRetailJobs implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int status = new CommandLine(new SparkRetailJobs()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Name a job: category-revenue, sessions or cart-pricing-join");
    }
}

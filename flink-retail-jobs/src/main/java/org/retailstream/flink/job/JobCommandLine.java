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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A job's command line, built with picocli from its {@link JobSpec}: {@code --name value} and
 * {@code --name=value}, flags that mean true when given bare, help with the job's own options first,
 * and usage errors that name the option and suggest the closest one.
 * Options the job refuses are recognised, so that using one says why instead of "unknown".
 */
public final class JobCommandLine {

    private JobCommandLine() {}

    /**
     * The job's command line. An option given twice takes the last value, so a wrapper's defaults can
     * be overridden by the options that follow them.
     */
    public static CommandLine commandLine(JobSpec job) {
        return new CommandLine(command(job)).setOverwrittenOptionsAllowed(true);
    }

    private static CommandSpec command(JobSpec job) {
        CommandSpec command = CommandSpec.create().name(job.name());
        command.usageMessage()
                .description(job.description())
                .customSynopsis("Usage: flink run flink-retail-jobs-<version>.jar " + job.name() + " [OPTIONS]")
                .sortOptions(false)
                .optionListHeading(
                        job.options().isEmpty()
                                ? "Options of every job:%n"
                                : "Options of " + job.name() + " first, then those of every job:%n");
        command.addOption(OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help and exit.")
                .build());
        options(job, job.options()).forEach(command::addOption);
        options(job, job.commonOptions()).forEach(command::addOption);
        job.refused()
                .keySet()
                .forEach(name -> command.addOption(OptionSpec.builder("--" + name)
                        .arity("0..1")
                        .hidden(true)
                        .build()));
        return command;
    }

    /**
     * The option values of one run of {@code job}: what {@code args} give, the defaults for the rest.
     *
     * @throws IllegalArgumentException naming the option that is unknown, lacks its value or is refused
     */
    public static Map<String, String> parse(JobSpec job, List<String> args) {
        CommandLine commandLine = commandLine(job);
        ParseResult result;
        try {
            result = commandLine.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(message(e), e);
        }
        return values(job, result);
    }

    /** The values of a parse of {@link #command}, refused options rejected. */
    public static Map<String, String> values(JobSpec job, ParseResult result) {
        job.refused().forEach((name, why) -> {
            if (result.hasMatchedOption("--" + name)) {
                throw new IllegalArgumentException("--" + name + " is not supported by " + job.name() + ": " + why);
            }
        });
        Map<String, String> values = new HashMap<>();
        for (JobOption option : all(job)) {
            String value = job.refused().containsKey(option.name())
                    ? null
                    : result.matchedOptionValue("--" + option.name(), null);
            values.put(option.name(), value != null ? value : defaultOf(job, option));
        }
        return values;
    }

    /** A usage error's message with picocli's suggestions (e.g. "Possible solutions: --window"). */
    public static String message(CommandLine.ParameterException e) {
        StringBuilder message = new StringBuilder(e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message.append(". Did you mean ")
                        .append(String.join(" or ", suggestions))
                        .append('?');
            }
        }
        return message.append(" (see --help)").toString();
    }

    private static List<OptionSpec> options(JobSpec job, List<JobOption> options) {
        return options.stream()
                .map(option -> {
                    String defaultValue = defaultOf(job, option);
                    OptionSpec.Builder spec = OptionSpec.builder("--" + option.name())
                            .description(option.description()
                                    + (defaultValue.isEmpty() ? "" : " (default " + defaultValue + ")"));
                    if (option.isFlag()) {
                        // Bare means true; "--flag false" and "--flag=false" still work.
                        spec.arity("0..1").fallbackValue("true").paramLabel("true|false");
                    } else {
                        spec.arity("1").paramLabel("<" + option.name() + ">");
                    }
                    return spec.build();
                })
                .toList();
    }

    /** Every option with a value, refused ones included (at their defaults, which the job reads or ignores). */
    private static List<JobOption> all(JobSpec job) {
        return Stream.concat(job.options().stream(), CommonOptions.ALL.stream()).toList();
    }

    private static String defaultOf(JobSpec job, JobOption option) {
        return option.defaultValue().replace("<job>", job.name());
    }
}

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
package org.retailstream.events.provision;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.retailstream.events.provision.ProvisionerOptions.UsageException;

/**
 * Creates the catalogue's topics (and their dead-letter topics) on a Kafka cluster, idempotently:
 * topics that exist are left untouched, so it can run at every start of a deployment.
 *
 * <pre>
 * java -jar retail-events-&lt;version&gt;-cli.jar --bootstrap-servers kafka:9092 [--command-config client.properties]
 * </pre>
 */
public final class TopicProvisioner {

    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    public static void main(String[] args) {
        // The Kafka client logs every connection attempt at INFO; an operator needs warnings only.
        System.setProperty(
                "org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the process exit code (0 ok, 1 failed, 2 bad usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ProvisionerOptions options;
        try {
            options = ProvisionerOptions.parse(args);
        } catch (UsageException e) {
            boolean help = e.getMessage().isEmpty();
            (help ? out : err)
                    .println(help ? ProvisionerOptions.USAGE : e.getMessage() + "\n\n" + ProvisionerOptions.USAGE);
            return help ? 0 : 2;
        }
        try (Admin admin = Admin.create(withTimeouts(options.clientProperties()))) {
            ProvisionReport report = new TopicProvisioner(admin).provision(TopicSpec.catalogue(), options);
            out.println(report.summary());
            return 0;
        } catch (IOException e) {
            err.println("Cannot read --command-config: " + e.getMessage());
            return 1;
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            err.println("Provisioning failed against " + options.bootstrapServers() + ": " + cause);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return 1;
        }
    }

    /** Creates every spec'd topic that does not exist yet. */
    public ProvisionReport provision(List<TopicSpec> specs, ProvisionerOptions options)
            throws ExecutionException, InterruptedException {
        List<String> warnings = new ArrayList<>();
        short replication = replicationFactor(options, warnings);
        Set<String> existing = admin.listTopics().names().get();

        List<NewTopic> missing = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (TopicSpec spec : specs) {
            if (existing.contains(spec.name())) {
                present.add(spec.name());
            } else {
                missing.add(spec.toNewTopic(replication));
            }
        }
        List<String> created = create(missing, present);
        warnings.addAll(partitionWarnings(specs, present));
        return new ProvisionReport(created, present, warnings);
    }

    private List<String> create(List<NewTopic> missing, List<String> present)
            throws ExecutionException, InterruptedException {
        List<String> created = new ArrayList<>();
        if (missing.isEmpty()) {
            return created;
        }
        Map<String, org.apache.kafka.common.KafkaFuture<Void>> results =
                admin.createTopics(missing).values();
        for (NewTopic topic : missing) {
            try {
                results.get(topic.name()).get();
                created.add(topic.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Another provisioner (a second init container) won the race: the topic is there.
                present.add(topic.name());
            }
        }
        return created;
    }

    private short replicationFactor(ProvisionerOptions options, List<String> warnings)
            throws ExecutionException, InterruptedException {
        int brokers = admin.describeCluster().nodes().get().size();
        if (options.replicationFactor().isPresent()) {
            short requested = options.replicationFactor().get();
            if (requested > brokers) {
                throw new IllegalArgumentException("--replication-factor " + requested + " needs at least " + requested
                        + " brokers, but the cluster has " + brokers);
            }
            return requested;
        }
        short recommended = org.retailstream.events.topics.RetailTopic.RECOMMENDED_REPLICATION_FACTOR;
        if (brokers < recommended) {
            warnings.add("the cluster has " + brokers + " broker(s): replication factor lowered from " + recommended
                    + " to " + brokers + " (fine for development, not for production)");
            return (short) brokers;
        }
        return recommended;
    }

    private List<String> partitionWarnings(List<TopicSpec> specs, List<String> present)
            throws ExecutionException, InterruptedException {
        List<String> warnings = new ArrayList<>();
        if (present.isEmpty()) {
            return warnings;
        }
        Map<String, TopicDescription> described =
                admin.describeTopics(present).allTopicNames().get();
        for (TopicSpec spec : specs) {
            TopicDescription description = described.get(spec.name());
            if (description != null && description.partitions().size() < spec.partitions()) {
                warnings.add(spec.name() + " has " + description.partitions().size()
                        + " partition(s), the catalogue recommends " + spec.partitions());
            }
        }
        return warnings;
    }

    private static Properties withTimeouts(Properties props) {
        // Fail within a minute instead of retrying forever when the brokers are unreachable.
        props.putIfAbsent("default.api.timeout.ms", "60000");
        props.putIfAbsent("request.timeout.ms", "30000");
        return props;
    }
}

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
package org.retailstream.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailstream.events.provision.TopicSpec;

/** An existing topic is left alone, and the provisioner says when it has fewer partitions than recommended. */
class TopicProvisionerWarningTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.plaintext().withoutCatalogueTopics();

    @Test
    void warnsAboutAnExistingTopicWithTooFewPartitionsAndLeavesIt() throws Exception {
        KAFKA.createTopic("user_clickstream", 2);

        TopicProvisionerTest.Run run = TopicProvisionerTest.provision("--bootstrap-servers", KAFKA.bootstrapServers());

        assertEquals(0, run.code(), run.err());
        int created = TopicSpec.catalogue().size() - 1;
        assertTrue(run.out().startsWith("Created " + created + " topic(s), 1 already present."), run.out());
        assertTrue(
                run.out().contains("WARNING  user_clickstream has 2 partition(s), the catalogue recommends 12"),
                run.out());
        assertEquals(
                2,
                KAFKA.admin()
                        .describeTopics(java.util.List.of("user_clickstream"))
                        .allTopicNames()
                        .get()
                        .get("user_clickstream")
                        .partitions()
                        .size());
    }
}

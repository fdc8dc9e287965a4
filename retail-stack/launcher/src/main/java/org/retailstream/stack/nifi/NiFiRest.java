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
package org.retailstream.stack.nifi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retailstream.stack.rest.JsonHttp;

/**
 * The part of NiFi's REST API the launcher builds and runs its flows with, in the root process group
 * (root-level output ports are the ones site-to-site clients may read). Every change carries the
 * component's current revision, as the API requires.
 */
public final class NiFiRest {

    private static final ObjectMapper JSON = JsonHttp.JSON;

    private final JsonHttp http;
    private String rootGroup;

    NiFiRest(URI api) {
        this.http = new JsonHttp(api);
    }

    /** True once the API answers (NiFi has loaded its NARs and its flow). */
    public boolean isUp() {
        try {
            return get("/flow/about").has("about");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The root process group's id: fixed for the life of a flow, so asked for once. */
    public synchronized String rootGroup() throws IOException {
        if (rootGroup == null) {
            rootGroup = get("/flow/process-groups/root")
                    .path("processGroupFlow")
                    .path("id")
                    .asText();
        }
        return rootGroup;
    }

    /** The root group's processors, by name. */
    public Map<String, JsonNode> processors() throws IOException {
        Map<String, JsonNode> byName = new HashMap<>();
        get("/process-groups/" + rootGroup() + "/processors")
                .path("processors")
                .forEach(processor ->
                        byName.put(processor.path("component").path("name").asText(), processor));
        return byName;
    }

    public String createControllerService(String name, String type, Map<String, String> properties) throws IOException {
        ObjectNode body = withRevision(0);
        ObjectNode component = body.putObject("component").put("type", type).put("name", name);
        component.set("properties", JSON.valueToTree(properties));
        return send("POST", "/process-groups/" + rootGroup() + "/controller-services", body)
                .path("id")
                .asText();
    }

    public String createProcessor(
            String name, String type, Map<String, String> properties, String schedulingPeriod, List<String> terminated)
            throws IOException {
        ObjectNode body = withRevision(0);
        ObjectNode component = body.putObject("component").put("type", type).put("name", name);
        component.putObject("position").put("x", 0).put("y", 0);
        ObjectNode config = component.putObject("config");
        config.set("properties", JSON.valueToTree(properties));
        config.put("schedulingPeriod", schedulingPeriod);
        config.set("autoTerminatedRelationships", JSON.valueToTree(terminated));
        return send("POST", "/process-groups/" + rootGroup() + "/processors", body)
                .path("id")
                .asText();
    }

    /** Changes some properties of a stopped processor; the others keep their values. */
    public void updateProcessorProperties(String processorId, Map<String, String> properties) throws IOException {
        ObjectNode body = withRevision(revision("/processors/" + processorId));
        ObjectNode component = body.putObject("component").put("id", processorId);
        component.putObject("config").set("properties", JSON.valueToTree(properties));
        send("PUT", "/processors/" + processorId, body);
    }

    /** An output port of the root group: what a site-to-site client reads. */
    public String createOutputPort(String name) throws IOException {
        ObjectNode body = withRevision(0);
        body.putObject("component").put("name", name).put("allowRemoteAccess", true);
        return send("POST", "/process-groups/" + rootGroup() + "/output-ports", body)
                .path("id")
                .asText();
    }

    /** A funnel with no way out: what reaches it stays queued, in sight in the UI. */
    public String createFunnel() throws IOException {
        ObjectNode body = withRevision(0);
        body.putObject("component").putObject("position").put("x", 400).put("y", 200);
        return send("POST", "/process-groups/" + rootGroup() + "/funnels", body)
                .path("id")
                .asText();
    }

    public String connect(
            String sourceId,
            String sourceType,
            String destinationId,
            String destinationType,
            List<String> relationships)
            throws IOException {
        String root = rootGroup();
        ObjectNode body = withRevision(0);
        ObjectNode component = body.putObject("component");
        component.putObject("source").put("id", sourceId).put("groupId", root).put("type", sourceType);
        component
                .putObject("destination")
                .put("id", destinationId)
                .put("groupId", root)
                .put("type", destinationType);
        component.set("selectedRelationships", JSON.valueToTree(relationships));
        return send("POST", "/process-groups/" + root + "/connections", body)
                .path("id")
                .asText();
    }

    /** Enables every controller service, then starts every processor and port of the root group. */
    public void startAll() throws IOException {
        String root = rootGroup();
        send(
                "PUT",
                "/flow/process-groups/" + root + "/controller-services",
                JSON.createObjectNode().put("id", root).put("state", "ENABLED"));
        send(
                "PUT",
                "/flow/process-groups/" + root,
                JSON.createObjectNode().put("id", root).put("state", "RUNNING"));
    }

    public void stopProcessor(String processorId) throws IOException {
        ObjectNode body = withRevision(revision("/processors/" + processorId)).put("state", "STOPPED");
        send("PUT", "/processors/" + processorId + "/run-status", body);
    }

    /** FlowFiles waiting in the connections into each named component (output ports, say) of the root group. */
    public Map<String, Integer> queuedBefore(List<String> componentNames) throws IOException {
        Map<String, Integer> queued = new LinkedHashMap<>();
        componentNames.forEach(name -> queued.put(name, 0));
        for (JsonNode connection : get("/flow/process-groups/root/status")
                .path("processGroupStatus")
                .path("aggregateSnapshot")
                .path("connectionStatusSnapshots")) {
            JsonNode snapshot = connection.path("connectionStatusSnapshot");
            queued.computeIfPresent(
                    snapshot.path("destinationName").asText(),
                    (name, count) -> count + snapshot.path("flowFilesQueued").asInt());
        }
        return queued;
    }

    private long revision(String path) throws IOException {
        return get(path).path("revision").path("version").asLong();
    }

    private JsonNode get(String path) throws IOException {
        return send("GET", path, null);
    }

    private JsonNode send(String method, String path, JsonNode body) throws IOException {
        return http.send(method, path, body);
    }

    private static ObjectNode withRevision(long version) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("revision").put("version", version).put("clientId", "retail-stack");
        return body;
    }
}

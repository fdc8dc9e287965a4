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
package org.retailstream.nifi.e2e.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The few NiFi REST API calls the end-to-end test needs to build, run and inspect a flow. */
public final class NiFiRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI api;
    private final String rootGroup;

    public NiFiRestClient(URI api) throws IOException, InterruptedException {
        this.api = api;
        this.rootGroup = get("/flow/process-groups/root")
                .path("processGroupFlow")
                .path("id")
                .asText();
    }

    /** A FlowFile waiting in a queue: its attributes and content. */
    public record QueuedFlowFile(Map<String, String> attributes, byte[] content) {}

    public String createControllerService(String type, Map<String, String> properties)
            throws IOException, InterruptedException {
        ObjectNode body = withRevision(0);
        body.putObject("component").put("type", type);
        JsonNode created = send("POST", "/process-groups/" + rootGroup + "/controller-services", body);
        String id = created.path("id").asText();
        ObjectNode update =
                withRevision(created.path("revision").path("version").asLong());
        ObjectNode component = update.putObject("component").put("id", id);
        component.set("properties", JSON.valueToTree(properties));
        send("PUT", "/controller-services/" + id, update);
        enableControllerService(id);
        return id;
    }

    public void enableControllerService(String id) throws IOException, InterruptedException {
        JsonNode service = get("/controller-services/" + id);
        ObjectNode enable =
                withRevision(service.path("revision").path("version").asLong()).put("state", "ENABLED");
        send("PUT", "/controller-services/" + id + "/run-status", enable);
        await(
                "/controller-services/" + id,
                entity ->
                        "ENABLED".equals(entity.path("component").path("state").asText()),
                "controller service " + id + " enabled");
    }

    /** Imports a flow definition file the way the UI's "Upload flow definition" does; returns the new group's id. */
    public String uploadFlowDefinition(java.nio.file.Path file, String groupName)
            throws IOException, InterruptedException {
        String boundary = "retail-stream-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("groupName", groupName);
        fields.put("positionX", "0");
        fields.put("positionY", "600");
        fields.put("clientId", java.util.UUID.randomUUID().toString());
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + file.getFileName() + "\"\r\nContent-Type: application/json\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(java.nio.file.Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(api + "/process-groups/" + rootGroup + "/process-groups/upload"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("Uploading " + file + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    /** The processors of a group, by name. */
    public Map<String, JsonNode> processors(String groupId) throws IOException, InterruptedException {
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        get("/process-groups/" + groupId + "/processors")
                .path("processors")
                .forEach(processor ->
                        byName.put(processor.path("component").path("name").asText(), processor));
        return byName;
    }

    /** The controller services of a group, by name. */
    public Map<String, JsonNode> controllerServices(String groupId) throws IOException, InterruptedException {
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        get("/flow/process-groups/" + groupId + "/controller-services?includeAncestorGroups=false")
                .path("controllerServices")
                .forEach(service ->
                        byName.put(service.path("component").path("name").asText(), service));
        return byName;
    }

    /** The connection leaving {@code processorId} for {@code relationship} in a group. */
    public String connectionFrom(String groupId, String processorId, String relationship)
            throws IOException, InterruptedException {
        for (JsonNode connection :
                get("/process-groups/" + groupId + "/connections").path("connections")) {
            JsonNode component = connection.path("component");
            if (component.path("source").path("id").asText().equals(processorId)
                    && component.path("selectedRelationships").toString().contains("\"" + relationship + "\"")) {
                return connection.path("id").asText();
            }
        }
        throw new AssertionError("No connection from " + processorId + " for " + relationship);
    }

    public void setProcessorProperties(String processorId, Map<String, String> properties)
            throws IOException, InterruptedException {
        JsonNode processor = get("/processors/" + processorId);
        ObjectNode update =
                withRevision(processor.path("revision").path("version").asLong());
        ObjectNode component = update.putObject("component").put("id", processorId);
        component.putObject("config").set("properties", JSON.valueToTree(properties));
        send("PUT", "/processors/" + processorId, update);
    }

    public String createProcessor(String type, Map<String, String> properties)
            throws IOException, InterruptedException {
        ObjectNode body = withRevision(0);
        ObjectNode component = body.putObject("component").put("type", type);
        component.putObject("position").put("x", 0).put("y", 0);
        ObjectNode config = component.putObject("config");
        config.set("properties", JSON.valueToTree(properties));
        config.put("schedulingPeriod", "1 hour");
        return send("POST", "/process-groups/" + rootGroup + "/processors", body)
                .path("id")
                .asText();
    }

    /** Connects a processor relationship to a funnel with no way out, so its FlowFiles stay queued. */
    public String queue(String processorId, String relationship) throws IOException, InterruptedException {
        ObjectNode funnel = withRevision(0);
        funnel.putObject("component").putObject("position").put("x", 400).put("y", 0);
        String funnelId = send("POST", "/process-groups/" + rootGroup + "/funnels", funnel)
                .path("id")
                .asText();
        ObjectNode body = withRevision(0);
        ObjectNode component = body.putObject("component");
        component
                .putObject("source")
                .put("id", processorId)
                .put("groupId", rootGroup)
                .put("type", "PROCESSOR");
        component
                .putObject("destination")
                .put("id", funnelId)
                .put("groupId", rootGroup)
                .put("type", "FUNNEL");
        component.putArray("selectedRelationships").add(relationship);
        return send("POST", "/process-groups/" + rootGroup + "/connections", body)
                .path("id")
                .asText();
    }

    /** Waits until the processor is valid, then triggers it exactly once. */
    public void runOnce(String processorId) throws IOException, InterruptedException {
        JsonNode processor = await(
                "/processors/" + processorId,
                entity -> "VALID"
                        .equals(entity.path("component")
                                .path("validationStatus")
                                .asText()),
                "processor " + processorId + " valid");
        ObjectNode body = withRevision(
                        processor.path("revision").path("version").asLong())
                .put("state", "RUN_ONCE");
        send("PUT", "/processors/" + processorId + "/run-status", body);
    }

    public JsonNode processor(String processorId) throws IOException, InterruptedException {
        return get("/processors/" + processorId);
    }

    public List<QueuedFlowFile> awaitQueued(String connectionId, int count) throws IOException, InterruptedException {
        await(
                "/flow/connections/" + connectionId + "/status",
                status -> status.path("connectionStatus")
                                .path("aggregateSnapshot")
                                .path("flowFilesQueued")
                                .asInt()
                        >= count,
                count + " FlowFile(s) queued in " + connectionId);
        JsonNode listing = send("POST", "/flowfile-queues/" + connectionId + "/listing-requests", null);
        String requestPath = "/flowfile-queues/" + connectionId + "/listing-requests/"
                + listing.path("listingRequest").path("id").asText();
        JsonNode finished = await(
                requestPath,
                request -> request.path("listingRequest").path("finished").asBoolean(),
                "queue listing");
        List<QueuedFlowFile> flowFiles = new ArrayList<>();
        for (JsonNode summary : finished.path("listingRequest").path("flowFileSummaries")) {
            String path = "/flowfile-queues/" + connectionId + "/flowfiles/"
                    + summary.path("uuid").asText();
            Map<String, String> attributes = JSON.convertValue(
                    get(path).path("flowFile").path("attributes"),
                    JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            HttpResponse<byte[]> content = http.send(
                    HttpRequest.newBuilder(URI.create(api + path + "/content")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            flowFiles.add(new QueuedFlowFile(attributes, content.body()));
        }
        send("DELETE", requestPath, null);
        return flowFiles;
    }

    public int queuedCount(String connectionId) throws IOException, InterruptedException {
        return get("/flow/connections/" + connectionId + "/status")
                .path("connectionStatus")
                .path("aggregateSnapshot")
                .path("flowFilesQueued")
                .asInt();
    }

    private JsonNode await(String path, Predicate<JsonNode> condition, String what)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get(path);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Timed out after " + WAIT + " waiting for " + what + "; last answer: " + last);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    private JsonNode send(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static ObjectNode withRevision(long version) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("revision").put("version", version);
        return body;
    }
}

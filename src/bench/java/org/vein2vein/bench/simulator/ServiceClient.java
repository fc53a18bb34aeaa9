package org.vein2vein.bench.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The service's public REST API, as a client sees it: JSON in, status and JSON out. */
public final class ServiceClient {

    /** An answer: its status and its JSON body (missing when it had none). */
    public record Answer(int status, JsonNode body) {

        public boolean ok() {
            return status / 100 == 2;
        }

        /** The problem type of a 4xx/5xx answer, e.g. {@code urn:vein2vein:problem:identity-mismatch}. */
        public String problemType() {
            return body.path("type").asText("");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;

    public ServiceClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Answer get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Answer post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** Logs a step: {@code POST /api/v1/batches/{coi}/steps}. */
    public Answer logStep(String token, String coi, Map<String, Object> step) {
        return post("/api/v1/batches/" + coi + "/steps", token, step);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) {
        try {
            return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Answer answer(HttpResponse<String> response) {
        JsonNode body = MissingNode.getInstance();
        if (!response.body().isEmpty()) {
            try {
                body = JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                body = MissingNode.getInstance();
            }
        }
        return new Answer(response.statusCode(), body);
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

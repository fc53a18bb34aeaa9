package org.vein2vein.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/**
 * A write must say what its body is: without {@code Content-Type} it is refused with 415, with a
 * body or without one, and nothing is written. (REST Assured always names a type; the JDK's client
 * sends none unless told.)
 */
@QuarkusTest
class ContentTypeRequiredTest {

    private static final String REGISTRATION = "{\"type\": \"AUTOLOGOUS\", \"subjectReference\": \"PSN-CT-01\", "
            + "\"productCode\": \"CART-GD2-AUTO\", \"collectionSite\": \"SITE-LYON-01\"}";

    @TestHTTPResource("/")
    URI service;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRegistrationWithoutContentTypeIsRefusedAndRecordsNothing() throws Exception {
        long batches = Database.count("SELECT count(*) FROM batch");

        HttpResponse<String> answer = send("POST", "api/v1/batches", Tokens.technician(), REGISTRATION);

        assertUnsupportedMediaType(answer, "/api/v1/batches");
        assertThat(Database.count("SELECT count(*) FROM batch")).isEqualTo(batches);
    }

    @Test
    void anEmptyWriteWithoutContentTypeIsRefused() throws Exception {
        assertUnsupportedMediaType(send("POST", "api/v1/batches", Tokens.technician(), ""), "/api/v1/batches");
    }

    @Test
    void aChangeOfReferenceDataWithoutContentTypeIsRefused() throws Exception {
        assertUnsupportedMediaType(send("PUT", "api/v1/sites/SITE-LYON-01", Tokens.admin(), "{\"name\": \"x\"}"),
                "/api/v1/sites/SITE-LYON-01");
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(service.resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertUnsupportedMediaType(HttpResponse<String> answer, String path) throws IOException {
        assertThat(answer.request().headers().firstValue("Content-Type")).as("sent without Content-Type").isEmpty();
        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:vein2vein:problem:unsupported-media-type");
        assertThat(problem.get("detail").asText()).contains("Content-Type");
        assertThat(problem.get("instance").asText()).isEqualTo(path);
    }
}

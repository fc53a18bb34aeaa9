package org.vein2vein.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.testing.Database;
import org.vein2vein.testing.RawConnection;
import org.vein2vein.testing.RawConnection.Answer;
import org.vein2vein.testing.Tokens;

/**
 * What a client can do to a connection, through real sockets: send its request too slowly, send
 * too long a URL, too many header bytes, a control character in a header, or a body in chunks
 * beyond the limit. Each is answered with a problem and the connection closed; none holds a
 * connection past the deadlines (the test profile's: see application.properties).
 */
@QuarkusTest
class SlowAndMalformedRequestsTest {

    private static final String SITES = "/api/v1/sites";
    private static final String BATCHES = "/api/v1/batches";
    private static final Duration TRICKLE = Duration.ofMillis(200);

    @ConfigProperty(name = "vein2vein.http.header-timeout")
    Duration headerTimeout;

    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService trickler = Executors.newScheduledThreadPool(2);
    private final List<RawConnection> connections = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        trickler.shutdownNow();
        connections.forEach(RawConnection::close);
    }

    @Test
    void clientsThatTrickleTheirRequestHeadsAreCutOffAtTheHeaderDeadline() {
        List<RawConnection> slow = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            RawConnection connection = open().send("GET " + SITES + " HTTP/1.1\r\nHost: vein2vein\r\nX-Slow: ");
            trickle(connection, "a");
            slow.add(connection);
        }

        for (RawConnection connection : slow) {
            JsonNode problem = problem(connection.readUntilClosed(), 408, "request-timeout");
            assertThat(problem.get("detail").asText()).contains(headerTimeout.toSeconds() + " second");
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedWithoutAnAnswer() {
        Answer answer = open().readUntilClosed();

        assertThat(answer.status()).as("no answer, only the end of the connection").isZero();
    }

    @Test
    void aClientThatTricklesItsBodyIsCutOffAtTheBodyDeadlineAndNothingIsRecorded() {
        long batches = Database.count("SELECT count(*) FROM batch");
        RawConnection connection = open().send("POST " + BATCHES + " HTTP/1.1\r\nHost: vein2vein\r\n"
                + "Authorization: Bearer " + Tokens.technician() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{\"type\": \"AUTOLOGOUS\", \"subjectReference\": \"PSN-");
        trickle(connection, "A");

        JsonNode problem = problem(connection.readUntilClosed(), 408, "request-timeout");

        assertThat(problem.get("detail").asText()).contains("request body");
        assertThat(problem.get("instance").asText()).isEqualTo(BATCHES);
        assertThat(Database.count("SELECT count(*) FROM batch")).isEqualTo(batches);
    }

    @Test
    void aLongUrlIsAnswered414WithAProblem() {
        Answer answer = open().send("GET " + SITES + "?fromCode=" + "A".repeat(20 * 1024)
                + " HTTP/1.1\r\nHost: vein2vein\r\n\r\n").readUntilClosed();

        JsonNode problem = problem(answer, 414, "uri-too-long");
        assertThat(problem.get("detail").asText()).contains("4096 bytes");
    }

    @Test
    void largeHeadersAreAnswered431WithAProblem() {
        StringBuilder head = new StringBuilder("GET " + SITES + " HTTP/1.1\r\nHost: vein2vein\r\n");
        for (int i = 0; i < 40; i++) {
            head.append("X-Padding-").append(i).append(": ").append("a".repeat(1024)).append("\r\n");
        }

        Answer answer = open().send(head.append("\r\n").toString()).readUntilClosed();

        problem(answer, 431, "header-fields-too-large");
    }

    @Test
    void aControlCharacterInTheIdempotencyKeyIsAnswered400WithAProblem() {
        long batches = Database.count("SELECT count(*) FROM batch");
        String body = "{\"type\": \"AUTOLOGOUS\", \"subjectReference\": \"PSN-RAW-01\", \"productCode\": "
                + "\"CART-GD2-AUTO\", \"collectionSite\": \"SITE-LYON-01\"}";

        Answer answer = open().send("POST " + BATCHES + " HTTP/1.1\r\nHost: vein2vein\r\nAuthorization: Bearer "
                + Tokens.technician() + "\r\nContent-Type: application/json\r\nIdempotency-Key: key\u0001one\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).readUntilClosed();

        JsonNode problem = problem(answer, 400, "invalid-request");
        assertThat(problem.get("detail").asText()).contains("control character").doesNotContain("key");
        assertThat(Database.count("SELECT count(*) FROM batch")).isEqualTo(batches);
    }

    @Test
    void aChunkedBodyOverTheLimitIsAnswered413WithAProblem() {
        long batches = Database.count("SELECT count(*) FROM batch");
        RawConnection connection = open().send("POST " + BATCHES + " HTTP/1.1\r\nHost: vein2vein\r\n"
                + "Authorization: Bearer " + Tokens.technician() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        String start = "{\"type\": \"AUTOLOGOUS\", \"subjectReference\": \"";
        connection.send(Integer.toHexString(start.length()) + "\r\n" + start + "\r\n");
        String chunk = "400\r\n" + "P".repeat(1024) + "\r\n";
        for (int sent = 0; sent < 600 && connection.trySend(chunk); sent++) {
            // Sends until the server stops reading, or 600 KB.
        }

        JsonNode problem = problem(connection.readUntilClosed(), 413, "payload-too-large");

        assertThat(problem.get("instance").asText()).isEqualTo(BATCHES);
        assertThat(Database.count("SELECT count(*) FROM batch")).isEqualTo(batches);
    }

    private RawConnection open() {
        RawConnection connection = RawConnection.open();
        connections.add(connection);
        return connection;
    }

    /** Sends {@code text} every {@link #TRICKLE} until the server closes the connection. */
    private void trickle(RawConnection connection, String text) {
        trickler.scheduleAtFixedRate(() -> {
            if (!connection.trySend(text)) {
                throw new CancellationException("closed by the server");
            }
        }, TRICKLE.toMillis(), TRICKLE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private JsonNode problem(Answer answer, int status, String type) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.header("Connection")).isEqualTo("close");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        try {
            JsonNode problem = json.readTree(answer.body());
            assertThat(problem.get("type").asText()).isEqualTo("urn:vein2vein:problem:" + type);
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            return problem;
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON problem: " + answer.body(), e);
        }
    }
}

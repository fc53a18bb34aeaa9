package org.vein2vein.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/** Requests with one key that arrive while the first is still being processed. */
@QuarkusTest
class ConcurrentRetriesTest {

    private static final int CONCURRENT_REQUESTS = 50;

    @TestHTTPResource("/api/v1/batches")
    URI batches;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aRetryWhileTheFirstRequestIsInFlightIsRefusedThenReplaysItsAnswer() throws Exception {
        String coi = Api.registerAutologous("PSN-IDEM-10");
        String key = IdempotentWritesTest.newKey();
        String step = IdempotentWritesTest.collected(Instant.now());
        CompletableFuture<HttpResponse<String>> first;
        try (Connection test = Database.connect(); Statement statement = test.createStatement()) {
            // Holding the batch's row lock keeps the first request open inside its transaction.
            test.setAutoCommit(false);
            statement.execute("select coi from batch where coi = '" + coi + "' for update");
            first = logStep(coi, key, step);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitsForTheBatch(coi));

            Api.given().header(IdempotentExecution.HEADER, key).contentType(ContentType.JSON).body(step)
                    .post("/api/v1/batches/{coi}/steps", coi).then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vein2vein:problem:request-in-flight"));
            test.rollback();
        }

        HttpResponse<String> original = first.get();
        HttpResponse<String> replay = logStep(coi, key, step).get();
        assertThat(original.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue(IdempotentExecution.REPLAYED_HEADER)).hasValue("true");
        assertThat(replay.body()).isEqualTo(original.body());
        assertThat(ledgerEvents(coi)).isEqualTo(2);
    }

    @Test
    void fiftyConcurrentRequestsWithOneKeyRecordTheStepOnce() {
        String coi = Api.registerAutologous("PSN-IDEM-11");
        String key = IdempotentWritesTest.newKey();
        String step = IdempotentWritesTest.collected(Instant.now());

        List<HttpResponse<String>> answers = IntStream.range(0, CONCURRENT_REQUESTS)
                .mapToObj(i -> logStep(coi, key, step)).toList()
                .stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 409);
        List<HttpResponse<String>> recorded = answers.stream().filter(answer -> answer.statusCode() == 201).toList();
        assertThat(recorded).extracting(HttpResponse::body).containsOnly(recorded.get(0).body());
        assertThat(recorded).filteredOn(answer -> answer.headers().firstValue(IdempotentExecution.REPLAYED_HEADER)
                .isEmpty()).as("answers that were not replays").hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409).extracting(HttpResponse::body)
                .allSatisfy(body -> assertThat(body).contains("urn:vein2vein:problem:request-in-flight"));
        assertThat(ledgerEvents(coi)).as("registration and one step").isEqualTo(2);
        assertThat(Database.count("select count(*) from outbox_message where aggregate_id = '" + coi + "'"))
                .isEqualTo(2);
    }

    private CompletableFuture<HttpResponse<String>> logStep(String coi, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(batches + "/" + coi + "/steps"))
                .header("Authorization", "Bearer " + Tokens.technician())
                .header("Content-Type", "application/json")
                .header(IdempotentExecution.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Whether a request holds an idempotency key's lock and waits for the batch's row lock. */
    private static boolean waitsForTheBatch(String coi) {
        return Database.count("""
                select count(*) from pg_locks held join pg_locks waiting on held.pid = waiting.pid
                where held.locktype = 'advisory' and held.objsubid = 1 and held.granted
                and not waiting.granted""") == 1;
    }

    private static long ledgerEvents(String coi) {
        return Database.count("select count(*) from custody_event where coi = '" + coi + "'");
    }
}

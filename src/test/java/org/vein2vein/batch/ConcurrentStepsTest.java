package org.vein2vein.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.platform.security.Roles;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.LedgerHashes;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * Technicians who log a step on the same batch at the same moment: the batch's row lock lets one
 * step in at a time, so the stage plan is applied to each in turn and the ledger never forks.
 */
@QuarkusTest
class ConcurrentStepsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/batches")
    URI batches;

    @ParameterizedTest(name = "{0} technicians")
    @ValueSource(ints = { 2, 8 })
    void oneOfSimultaneousAcceptancesIsRecordedAndTheOthersAreOutOfOrder(int technicians) throws Exception {
        String coi = receivedAtManufacturing();
        long received = sequenceOf(coi);

        List<HttpResponse<String>> answers = Simultaneously.post(stepsOf(coi), IntStream.range(0, technicians)
                .mapToObj(i -> new Simultaneously.Call(gentTechnician(i), step("ACCEPTED",
                        sample(coi, "ACCEPTED", "condition", "INTACT")), Map.of()))
                .toList());

        assertThat(answers).extracting(HttpResponse::statusCode).as("statuses")
                .containsOnlyOnce(201).containsOnly(201, 409);
        answers.stream().filter(answer -> answer.statusCode() == 409).forEach(answer -> {
            JsonNode problem = read(answer);
            assertThat(problem.get("type").asText()).isEqualTo("urn:vein2vein:problem:step-out-of-order");
            assertThat(problem.get("currentStage").asText()).isEqualTo("ACCEPTED");
        });
        assertLedgerIsGaplessAndIntact(coi, (int) received + 1);
    }

    @Test
    void simultaneousRepeatableStepsAreAllRecordedOneAfterTheOther() throws Exception {
        String coi = receivedAtManufacturing();
        for (String stage : List.of("ACCEPTED", "GENE_MODIFIED")) {
            Api.logStep(coi, stage).statusCode(201);
        }
        long modified = sequenceOf(coi);

        List<HttpResponse<String>> answers = Simultaneously.post(stepsOf(coi), IntStream.range(0, 8)
                .mapToObj(i -> new Simultaneously.Call(gentTechnician(i), step("EXPANDED",
                        sample(coi, "EXPANDED", "cultureDay", i + 1)), Map.of())).toList());

        assertThat(answers).extracting(HttpResponse::statusCode).as("statuses").containsOnly(201);
        assertThat(answers).extracting(answer -> read(answer).at("/event/sequence").asLong())
                .as("sequences handed out").containsExactlyInAnyOrderElementsOf(LongStream
                        .rangeClosed(modified + 1, modified + 8).boxed().toList());
        assertLedgerIsGaplessAndIntact(coi, (int) modified + 8);
    }

    /**
     * Registered at SITE-LYON-01, collected, and on its way to MFG-GENT-01: its material packed on a
     * shipment (planned and packed, not picked up).
     */
    static String shippedToManufacturing() {
        String coi = Api.registerAutologous("PSN-RACE-01");
        Api.advance(coi, "COLLECTED");
        Api.advance(coi, "SHIPPED_TO_MANUFACTURING");
        return coi;
    }

    /**
     * Registered at SITE-LYON-01, collected, shipped to MFG-GENT-01 and received there: ready for a
     * step at MFG-GENT-01 (ACCEPTED), whatever its technicians. Its ledger is as long as
     * {@link #sequenceOf} says (the shipment's handovers are in it too).
     */
    static String receivedAtManufacturing() {
        String coi = shippedToManufacturing();
        Api.advance(coi, "RECEIVED_AT_MANUFACTURING");
        return coi;
    }

    /** The batch's ledger sequence: its ETag. */
    static long sequenceOf(String coi) {
        return Api.batch(coi).statusCode(200).extract().jsonPath().getLong("ledgerSequence");
    }

    /** Valid sample data for a step of the batch, with one field set to {@code value}. */
    static Map<String, Object> sample(String coi, String stage, String field, Object value) {
        Map<String, Object> data = StageSamples.of(coi, stage, Instant.now(), null);
        data.put(field, value);
        return data;
    }

    /** A technician at the manufacturing site; each index is another person. */
    static String gentTechnician(int index) {
        return Tokens.token("tech-gent-" + index, Roles.TECHNICIAN, "MFG-GENT", List.of("MFG-GENT-01"));
    }

    static String step(String stage, Map<String, ?> data) {
        try {
            return JSON.writeValueAsString(Map.of("stage", stage, "occurredAt", Instant.now().toString(),
                    "site", "MFG-GENT-01", "data", data));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    URI stepsOf(String coi) {
        return URI.create(batches + "/" + coi + "/steps");
    }

    static JsonNode read(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sequences 1..{@code events} without a gap or a repeat, each hash recomputing and linking to the one before. */
    static void assertLedgerIsGaplessAndIntact(String coi, int events) throws Exception {
        String served = Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi).then().statusCode(200)
                .body("verification.intact", equalTo(true))
                .body("verification.verifiedEvents", equalTo(events))
                .extract().asString();
        JsonNode history = LedgerHashes.read(served);
        List<Long> sequences = new ArrayList<>();
        history.get("events").forEach(event -> sequences.add(event.get("sequence").asLong()));
        assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(1, events).boxed().toList());
        LedgerHashes.assertChainRecomputes(history.get("events"));
        assertThat(Database.count("SELECT count(*) FROM custody_event WHERE coi = '" + coi + "'")).isEqualTo(events);
        assertThat(Database.count("SELECT count(*) FROM outbox_message WHERE aggregate_id = '" + coi + "'"))
                .as("one outbox message per event").isEqualTo(events);
    }

    /**
     * Sends requests at the same moment: every caller waits on one latch, released once all are
     * ready, each on its own connection.
     */
    static final class Simultaneously {

        record Call(String token, String body, Map<String, String> headers) {
        }

        private Simultaneously() {
        }

        static List<HttpResponse<String>> post(URI uri, List<Call> calls) throws Exception {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ExecutorService workers = Executors.newFixedThreadPool(calls.size());
            try {
                CountDownLatch ready = new CountDownLatch(calls.size());
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (Call call : calls) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + call.token())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(call.body()));
                    call.headers().forEach(request::header);
                    answers.add(workers.submit(() -> {
                        ready.countDown();
                        go.await();
                        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    }));
                }
                assertThat(ready.await(10, TimeUnit.SECONDS)).as("all callers ready").isTrue();
                go.countDown();
                List<HttpResponse<String>> responses = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : answers) {
                    responses.add(answer.get(60, TimeUnit.SECONDS));
                }
                return responses;
            } finally {
                workers.shutdownNow();
            }
        }
    }
}

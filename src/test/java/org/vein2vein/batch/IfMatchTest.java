package org.vein2vein.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.StageSamples;

/**
 * A step sent with If-Match is recorded only if the batch is still at the ledger sequence the
 * client read (its ETag); otherwise 412 and nothing is written.
 */
@QuarkusTest
class IfMatchTest {

    @TestHTTPResource("/api/v1/batches")
    URI batches;

    @Test
    void aStepMatchingTheCurrentEtagIsRecorded() {
        String coi = ConcurrentStepsTest.receivedAtManufacturing();
        long sequence = ConcurrentStepsTest.sequenceOf(coi);
        Api.batch(coi).statusCode(200).header("ETag", etag(sequence));

        step(coi, etag(sequence)).statusCode(201).header("ETag", etag(sequence + 1))
                .body("event.sequence", equalTo((int) sequence + 1));
    }

    @Test
    void aStaleEtagIsAPreconditionFailureThatNamesTheCurrentOneAndWritesNothing() {
        String coi = ConcurrentStepsTest.receivedAtManufacturing();
        long sequence = ConcurrentStepsTest.sequenceOf(coi);
        step(coi, etag(sequence)).statusCode(201);
        long events = eventsOf(coi);

        step(coi, etag(sequence)).statusCode(412)
                .contentType("application/problem+json")
                .header("ETag", etag(sequence + 1))
                .body("type", equalTo("urn:vein2vein:problem:precondition-failed"))
                .body("currentSequence", equalTo((int) sequence + 1));

        assertThat(eventsOf(coi)).isEqualTo(events);
        Api.batch(coi).body("stage", equalTo("ACCEPTED")).body("ledgerSequence", equalTo((int) sequence + 1));
    }

    @Test
    void ofTwoSimultaneousStepsWithTheSameEtagOneIsRecordedAndTheOtherFailsItsPrecondition() throws Exception {
        String coi = ConcurrentStepsTest.receivedAtManufacturing();
        Api.logStep(coi, "ACCEPTED").statusCode(201);
        Api.logStep(coi, "GENE_MODIFIED").statusCode(201);
        long sequence = ConcurrentStepsTest.sequenceOf(coi);
        // EXPANDED is repeatable: without If-Match both would be recorded.
        List<ConcurrentStepsTest.Simultaneously.Call> calls = List.of(0, 1).stream()
                .map(i -> new ConcurrentStepsTest.Simultaneously.Call(ConcurrentStepsTest.gentTechnician(i),
                        ConcurrentStepsTest.step("EXPANDED",
                                ConcurrentStepsTest.sample(coi, "EXPANDED", "cultureDay", 3 + i)),
                        Map.of("If-Match", etag(sequence))))
                .toList();

        List<HttpResponse<String>> answers = ConcurrentStepsTest.Simultaneously
                .post(URI.create(batches + "/" + coi + "/steps"), calls);

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 412);
        HttpResponse<String> refused = answers.stream().filter(answer -> answer.statusCode() == 412).findFirst()
                .orElseThrow();
        assertThat(ConcurrentStepsTest.read(refused).get("type").asText())
                .isEqualTo("urn:vein2vein:problem:precondition-failed");
        assertThat(refused.headers().firstValue("ETag")).hasValue(etag(sequence + 1));
        ConcurrentStepsTest.assertLedgerIsGaplessAndIntact(coi, (int) sequence + 1);
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = { "*", " * " })
    void aWildcardSetsNoCondition(String ifMatch) {
        String coi = ConcurrentStepsTest.receivedAtManufacturing();
        long sequence = ConcurrentStepsTest.sequenceOf(coi);
        step(coi, ifMatch).statusCode(201).header("ETag", etag(sequence + 1));
    }

    @Test
    void withoutIfMatchTheStepIsRecordedWhateverTheBatchsSequence() {
        String coi = ConcurrentStepsTest.receivedAtManufacturing();
        long sequence = ConcurrentStepsTest.sequenceOf(coi);
        step(coi, null).statusCode(201).header("ETag", etag(sequence + 1));
    }

    @Test
    void aWeakEtagNeverMatches() {
        String coi = ConcurrentStepsTest.receivedAtManufacturing();
        long sequence = ConcurrentStepsTest.sequenceOf(coi);
        long events = eventsOf(coi);

        step(coi, "W/" + etag(sequence)).statusCode(412)
                .header("ETag", etag(sequence))
                .body("type", equalTo("urn:vein2vein:problem:precondition-failed"));

        assertThat(eventsOf(coi)).isEqualTo(events);
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = { "3", "\"three\"", "\"3\", \"4\"", "\"-1\"", "\"3", "\"1234567890123456789\"" })
    void aMalformedIfMatchIsAnInvalidRequestAndWritesNothing(String ifMatch) {
        String coi = ConcurrentStepsTest.receivedAtManufacturing();
        long events = eventsOf(coi);

        step(coi, ifMatch).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations[0].field", equalTo("header.If-Match"));

        assertThat(eventsOf(coi)).isEqualTo(events);
    }

    /** ACCEPTED at MFG-GENT-01, where the batch was received, with If-Match when {@code ifMatch} is not null. */
    private static ValidatableResponse step(String coi, String ifMatch) {
        var request = Api.given().contentType(ContentType.JSON)
                .body(Map.of("stage", "ACCEPTED", "occurredAt", Instant.now().toString(),
                        "site", "MFG-GENT-01", "data", StageSamples.of(coi, "ACCEPTED", Instant.now(), null)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/batches/{coi}/steps", coi).then();
    }

    private static String etag(long sequence) {
        return "\"" + sequence + "\"";
    }

    private static long eventsOf(String coi) {
        return Database.count("SELECT count(*) FROM custody_event WHERE coi = '" + coi + "'");
    }
}

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
        String coi = ConcurrentStepsTest.shippedToManufacturing();
        Api.batch(coi).statusCode(200).header("ETag", "\"3\"");

        step(coi, "\"3\"").statusCode(201).header("ETag", "\"4\"").body("event.sequence", equalTo(4));
    }

    @Test
    void aStaleEtagIsAPreconditionFailureThatNamesTheCurrentOneAndWritesNothing() {
        String coi = ConcurrentStepsTest.shippedToManufacturing();
        step(coi, "\"3\"").statusCode(201);
        long events = eventsOf(coi);

        step(coi, "\"3\"").statusCode(412)
                .contentType("application/problem+json")
                .header("ETag", "\"4\"")
                .body("type", equalTo("urn:vein2vein:problem:precondition-failed"))
                .body("currentSequence", equalTo(4));

        assertThat(eventsOf(coi)).isEqualTo(events);
        Api.batch(coi).body("stage", equalTo("RECEIVED_AT_MANUFACTURING")).body("ledgerSequence", equalTo(4));
    }

    @Test
    void ofTwoSimultaneousStepsWithTheSameEtagOneIsRecordedAndTheOtherFailsItsPrecondition() throws Exception {
        String coi = ConcurrentStepsTest.shippedToManufacturing();
        Api.logStep(coi, "RECEIVED_AT_MANUFACTURING").statusCode(201);
        Api.logStep(coi, "ACCEPTED").statusCode(201);
        Api.logStep(coi, "GENE_MODIFIED").statusCode(201);
        // EXPANDED is repeatable: without If-Match both would be recorded.
        List<ConcurrentStepsTest.Simultaneously.Call> calls = List.of(0, 1).stream()
                .map(i -> new ConcurrentStepsTest.Simultaneously.Call(ConcurrentStepsTest.gentTechnician(i),
                        ConcurrentStepsTest.step("EXPANDED",
                                ConcurrentStepsTest.sample(coi, "EXPANDED", "cultureDay", 3 + i)),
                        Map.of("If-Match", "\"6\"")))
                .toList();

        List<HttpResponse<String>> answers = ConcurrentStepsTest.Simultaneously
                .post(URI.create(batches + "/" + coi + "/steps"), calls);

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 412);
        HttpResponse<String> refused = answers.stream().filter(answer -> answer.statusCode() == 412).findFirst()
                .orElseThrow();
        assertThat(ConcurrentStepsTest.read(refused).get("type").asText())
                .isEqualTo("urn:vein2vein:problem:precondition-failed");
        assertThat(refused.headers().firstValue("ETag")).hasValue("\"7\"");
        ConcurrentStepsTest.assertLedgerIsGaplessAndIntact(coi, 7);
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = { "*", " * " })
    void aWildcardSetsNoCondition(String ifMatch) {
        String coi = ConcurrentStepsTest.shippedToManufacturing();
        step(coi, ifMatch).statusCode(201).header("ETag", "\"4\"");
    }

    @Test
    void withoutIfMatchTheStepIsRecordedWhateverTheBatchsSequence() {
        String coi = ConcurrentStepsTest.shippedToManufacturing();
        step(coi, null).statusCode(201).header("ETag", "\"4\"");
    }

    @Test
    void aWeakEtagNeverMatches() {
        String coi = ConcurrentStepsTest.shippedToManufacturing();
        long events = eventsOf(coi);

        step(coi, "W/\"3\"").statusCode(412)
                .header("ETag", "\"3\"")
                .body("type", equalTo("urn:vein2vein:problem:precondition-failed"));

        assertThat(eventsOf(coi)).isEqualTo(events);
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = { "3", "\"three\"", "\"3\", \"4\"", "\"-1\"", "\"3", "\"1234567890123456789\"" })
    void aMalformedIfMatchIsAnInvalidRequestAndWritesNothing(String ifMatch) {
        String coi = ConcurrentStepsTest.shippedToManufacturing();
        long events = eventsOf(coi);

        step(coi, ifMatch).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations[0].field", equalTo("header.If-Match"));

        assertThat(eventsOf(coi)).isEqualTo(events);
    }

    /** RECEIVED_AT_MANUFACTURING at MFG-GENT-01, with If-Match when {@code ifMatch} is not null. */
    private static ValidatableResponse step(String coi, String ifMatch) {
        var request = Api.given().contentType(ContentType.JSON)
                .body(Map.of("stage", "RECEIVED_AT_MANUFACTURING", "occurredAt", Instant.now().toString(),
                        "site", "MFG-GENT-01", "data", StageSamples.of(coi, "RECEIVED_AT_MANUFACTURING", Instant.now(),
                                null)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/batches/{coi}/steps", coi).then();
    }

    private static long eventsOf(String coi) {
        return Database.count("SELECT count(*) FROM custody_event WHERE coi = '" + coi + "'");
    }
}

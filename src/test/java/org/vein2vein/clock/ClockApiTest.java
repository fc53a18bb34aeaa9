package org.vein2vein.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import org.vein2vein.kernel.Coi;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Tokens;

/** The running clocks of a batch, and those due soon across batches, as each kind of caller reads them. */
@QuarkusTest
class ClockApiTest {

    private static final String DUE = "/api/v1/clocks";
    private static final String OF_BATCH = "/api/v1/batches/{coi}/clocks";

    private final List<String> batches = new ArrayList<>();

    @AfterEach
    void endTheJourneys() {
        batches.forEach(ClockTesting::cancel);
        batches.clear();
    }

    @Test
    void aBatchShowsTheClocksItsStepsStarted() {
        String coi = batchOn(Duration.ofHours(1));
        Api.as(Tokens.qa()).get(OF_BATCH, coi).then().statusCode(200)
                .body("coi", equalTo(coi))
                .body("clocks", hasSize(0));
        Instant collected = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        ClockTesting.logStep(coi, "COLLECTED", collected);

        JsonNode answer = Api.as(Tokens.qa()).get(OF_BATCH, coi).then().statusCode(200)
                .contentType("application/json")
                .body("clocks", hasSize(1))
                .body("clocks[0].coi", equalTo(coi))
                .body("clocks[0].window", equalTo("collection-to-receipt"))
                .body("clocks[0].fromStage", equalTo("COLLECTED"))
                .body("clocks[0].toStage", equalTo("RECEIVED_AT_MANUFACTURING"))
                .body("clocks[0].startedAt", equalTo(collected.toString()))
                .body("clocks[0].deadline", equalTo(collected.plus(Duration.ofHours(1)).toString()))
                .body("clocks[0].state", equalTo("RUNNING"))
                .body("clocks[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("unitId")))
                .extract().as(JsonNode.class);
        Duration remaining = Duration.parse(answer.at("/clocks/0/remaining").asText());
        assertThat(remaining).isBetween(Duration.ofMinutes(50), Duration.ofHours(1));
        assertThat(Duration.between(Instant.parse(answer.get("asOf").asText()),
                collected.plus(Duration.ofHours(1))).truncatedTo(ChronoUnit.MILLIS)).isEqualTo(remaining);

        ClockTesting.logStep(coi, "COLLECTED", Instant.now());
        Api.as(Tokens.qa()).get(OF_BATCH, coi).then().body("clocks[0].startedAt", equalTo(collected.toString()));
    }

    @Test
    void theClocksDueSoonIncludeOverdueOnesSoonestFirst() {
        String inAnHour = batchOn(Duration.ofHours(1));
        ClockTesting.logStep(inAnHour, "COLLECTED", Instant.now());
        String overdue = batchOn(Duration.ofSeconds(4));
        ClockTesting.logStep(overdue, "COLLECTED", Instant.now().minusSeconds(60));

        JsonNode twoHours = due("PT2H", "1000", Tokens.qa()).statusCode(200).extract().as(JsonNode.class);

        assertThat(coisIn(twoHours)).contains(inAnHour, overdue);
        assertThat(clockOf(twoHours, overdue).get("state").asText()).isEqualTo("BREACHED");
        assertThat(clockOf(twoHours, overdue).get("remaining").asText()).startsWith("-PT");
        assertThat(clockOf(twoHours, inAnHour).get("state").asText()).isEqualTo("RUNNING");
        List<Instant> deadlines = new ArrayList<>();
        twoHours.get("clocks").forEach(clock -> deadlines.add(Instant.parse(clock.get("deadline").asText())));
        assertThat(deadlines).isSorted();
        assertThat(deadlines).allMatch(deadline -> deadline.isBefore(Instant.parse(twoHours.get("dueBefore").asText())));
        assertThat(Duration.between(Instant.parse(twoHours.get("asOf").asText()),
                Instant.parse(twoHours.get("dueBefore").asText()))).isEqualTo(Duration.ofHours(2));

        JsonNode halfAnHour = due("PT30M", "1000", Tokens.qa()).statusCode(200).extract().as(JsonNode.class);
        assertThat(coisIn(halfAnHour)).contains(overdue).doesNotContain(inAnHour);

        due("P30D", "1", Tokens.qa()).statusCode(200).body("clocks", hasSize(1));
    }

    @Test
    void eachCallerSeesTheClocksOfTheBatchesTheyMaySee() {
        String coi = batchOn(Duration.ofHours(1));
        ClockTesting.logStep(coi, "COLLECTED", Instant.now());

        assertThat(coisIn(due("PT2H", "1000", Tokens.qa()).statusCode(200).extract().as(JsonNode.class)))
                .contains(coi);
        assertThat(coisIn(due("PT2H", "1000", Tokens.logistics()).statusCode(200).extract().as(JsonNode.class)))
                .contains(coi);
        assertThat(coisIn(due("PT2H", "1000", Tokens.technicianAt(List.of("SITE-LYON-01"))).statusCode(200)
                .extract().as(JsonNode.class))).contains(coi);
        assertThat(coisIn(due("PT2H", "1000", Tokens.technicianAt(List.of("MFG-GENT-01"))).statusCode(200)
                .extract().as(JsonNode.class))).doesNotContain(coi);
        assertThat(coisIn(due("PT2H", "1000", Tokens.technicianAt(List.of())).statusCode(200)
                .extract().as(JsonNode.class))).isEmpty();
    }

    @ParameterizedTest(name = "{0} by {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # operation     | caller               | status | problem type (or the answer)
            BATCH_CLOCKS    | NO_TOKEN             | 401    | unauthenticated
            BATCH_CLOCKS    | TECHNICIAN_OF_BATCH  | 200    | listed
            BATCH_CLOCKS    | TECHNICIAN_ELSEWHERE | 404    | batch-not-found
            BATCH_CLOCKS    | LOGISTICS            | 403    | forbidden
            BATCH_CLOCKS    | QA                   | 200    | listed
            BATCH_CLOCKS    | ADMIN                | 403    | forbidden
            DUE_CLOCKS      | NO_TOKEN             | 401    | unauthenticated
            DUE_CLOCKS      | TECHNICIAN_OF_BATCH  | 200    | listed
            DUE_CLOCKS      | TECHNICIAN_ELSEWHERE | 200    | not listed
            DUE_CLOCKS      | LOGISTICS            | 200    | listed
            DUE_CLOCKS      | QA                   | 200    | listed
            DUE_CLOCKS      | ADMIN                | 403    | forbidden
            """)
    void eachCallerGetsWhatTheReadmeSays(String operation, Caller caller, int status, String outcome) {
        String coi = batchOn(Duration.ofHours(1));
        ClockTesting.logStep(coi, "COLLECTED", Instant.now());
        RequestSpecification request = caller.request();

        ValidatableResponse response = "BATCH_CLOCKS".equals(operation) ? request.get(OF_BATCH, coi).then()
                : request.queryParam("dueWithin", "PT2H").queryParam("limit", 1000).get(DUE).then();

        response.statusCode(status);
        if (status >= 400) {
            response.contentType("application/problem+json")
                    .body("type", equalTo("urn:vein2vein:problem:" + outcome));
        } else {
            List<String> listed = response.extract().jsonPath().getList("clocks.coi");
            if ("listed".equals(outcome)) {
                assertThat(listed).contains(coi);
            } else {
                assertThat(listed).doesNotContain(coi);
            }
        }
    }

    @Test
    void aBatchThatDoesNotExistOrAnInvalidCoiIsAProblem() {
        Api.as(Tokens.qa()).get(OF_BATCH, Coi.random().value()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:batch-not-found"));
        String valid = Coi.random().value();
        String typo = valid.substring(0, 5) + (valid.charAt(5) == 'A' ? 'B' : 'A') + valid.substring(6);
        Api.as(Tokens.qa()).get(OF_BATCH, typo).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:invalid-coi"))
                .body("violations[0].field", equalTo("path.coi"));
        Api.as(Tokens.qa()).get(OF_BATCH, "not-a-coi").then().statusCode(400)
                .body("type", equalTo("urn:vein2vein:problem:invalid-coi"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            (none)                        | query.dueWithin
            dueWithin=                    | query.dueWithin
            dueWithin=PT0S                | query.dueWithin
            dueWithin=-PT1H               | query.dueWithin
            dueWithin=PT-1H               | query.dueWithin
            dueWithin=P31D                | query.dueWithin
            dueWithin=PT720H0.000001S     | query.dueWithin
            dueWithin=2h                  | query.dueWithin
            dueWithin=P1W                 | query.dueWithin
            dueWithin=PT99999999999999999999H | query.dueWithin
            dueWithin=PT2H&limit=0        | query.limit
            dueWithin=PT2H&limit=1001     | query.limit
            dueWithin=PT2H&limit=ten      | query.limit
            dueWithin=PT2H&limit=-1       | query.limit
            """)
    void anInvalidSpanOrLimitIsAnInvalidRequest(String query, String field) {
        String path = "(none)".equals(query) ? DUE : DUE + "?" + query;

        Api.as(Tokens.qa()).urlEncodingEnabled(false).get(path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations.field", equalTo(List.of(field)))
                .body("detail", startsWith("Query parameter '"));
    }

    @Test
    void theLongestSpanIsThirtyDays() {
        due("P30D", "1", Tokens.qa()).statusCode(200);
        due("PT720H", null, Tokens.qa()).statusCode(200);
    }

    private String batchOn(Duration window) {
        String coi = ClockTesting.register(ClockTesting.productWithCollectionToReceipt(window));
        batches.add(coi);
        return coi;
    }

    private static ValidatableResponse due(String dueWithin, String limit, String token) {
        RequestSpecification request = Api.as(token).queryParam("dueWithin", dueWithin);
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        return request.get(DUE).then();
    }

    private static List<String> coisIn(JsonNode answer) {
        List<String> cois = new ArrayList<>();
        answer.get("clocks").forEach(clock -> cois.add(clock.get("coi").asText()));
        return cois;
    }

    private static JsonNode clockOf(JsonNode answer, String coi) {
        for (JsonNode clock : answer.get("clocks")) {
            if (coi.equals(clock.get("coi").asText())) {
                return clock;
            }
        }
        throw new AssertionError("no clock of " + coi + " in " + answer);
    }

    /** Who calls: each kind of token, or none. */
    enum Caller {
        NO_TOKEN(() -> null),
        TECHNICIAN_OF_BATCH(() -> Tokens.technicianAt(List.of("SITE-LYON-01"))),
        TECHNICIAN_ELSEWHERE(() -> Tokens.token("tech-gent", Roles.TECHNICIAN, "MFG-GENT", List.of("MFG-GENT-01"))),
        LOGISTICS(Tokens::logistics),
        QA(Tokens::qa),
        ADMIN(Tokens::admin);

        private final Supplier<String> token;

        Caller(Supplier<String> token) {
            this.token = token;
        }

        RequestSpecification request() {
            String bearer = token.get();
            return bearer == null ? RestAssured.given() : Api.as(bearer);
        }
    }
}

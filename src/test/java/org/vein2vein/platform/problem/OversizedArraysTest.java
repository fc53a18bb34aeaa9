package org.vein2vein.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * An array longer than its field allows is refused as a whole while the body is read, before any
 * of its items is bound or validated: one violation naming the array, in an answer of a few
 * hundred bytes, however many items were sent. Answers that list many violations list 20 of them
 * and say how many there were. Many such requests at once leave the service answering normally.
 */
@QuarkusTest
class OversizedArraysTest {

    private static final String BATCHES = "/api/v1/batches";
    /** 170,000 empty objects: 510 KB, just under the 512 KB body limit. */
    private static final int TINY_ITEMS = 170_000;
    private static final int SMALL_ANSWER = 1_000;

    private final ObjectMapper json = new ObjectMapper();
    private String coi;
    private String steps;

    @BeforeEach
    void registerABatch() {
        coi = Api.registerAutologous("PSN-OVERSIZED-01");
        steps = BATCHES + "/" + coi + "/steps";
    }

    @Test
    void refusesAFormulationOf170000EmptyUnitsWithOneViolationInASmallAnswer() {
        String body = stepWithData("FORMULATED", "{\"units\": [" + "{},".repeat(TINY_ITEMS - 1) + "{}]}");
        assertThat(body.length()).isBetween(500_000, 512 * 1024);

        JsonPath problem = refusedWithOneViolation(body, "data.units");

        assertThat(problem.getString("violations[0].message")).isEqualTo("must list at most 500 items");
    }

    @Test
    void refusesOneHundredThousandUnitIdsWithOneViolationInASmallAnswer() {
        String body = stepWithData("CRYOPRESERVED",
                "{\"freezerRun\": \"CRF-1\", \"unitIds\": [" + "\"A\",".repeat(99_999) + "\"A\"]}");

        refusedWithOneViolation(body, "data.unitIds");
    }

    @Test
    void refusesAnArrayOneItemOverItsFieldsBoundBeforeValidatingAnyItem() {
        // 21 empty bags, where 20 are allowed: without the bound, 63 missing fields and the size.
        ObjectNode body = step("FORMULATED");
        for (int i = 0; i < 20; i++) {
            body.withArray("/data/units").addObject();
        }

        JsonPath problem = refusedWithOneViolation(body.toString(), "data.units");

        assertThat(problem.getString("violations[0].message")).isEqualTo("must list 1 to 20 bags");
    }

    @Test
    void listsTwentyViolationsAndHowManyThereWereInAll() {
        // 20 empty bags, within the bound: each misses its three fields.
        ObjectNode body = step("FORMULATED");
        for (int i = 0; i < 19; i++) {
            body.withArray("/data/units").addObject();
        }
        body.withArray("/data/units").set(0, json.createObjectNode());

        Response response = post(body.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonPath problem = response.jsonPath();
        assertThat(problem.getList("violations")).hasSize(Problem.MAX_VIOLATIONS);
        assertThat(problem.getInt("totalViolations")).isEqualTo(60);
        assertThat(problem.getString("detail")).isEqualTo("60 fields are not valid.");
        assertThat(problem.getString("violations[0].field")).isEqualTo("data.units[0].carPositiveViableCells");
    }

    @Test
    void answersNoTotalWhenEveryViolationIsListed() {
        ObjectNode body = step("FORMULATED");
        body.withArray("/data/units").set(0, json.createObjectNode());

        JsonPath problem = post(body.toString()).then().statusCode(400).extract().jsonPath();

        assertThat(problem.getList("violations")).hasSize(3);
        assertThat(problem.getMap("$")).doesNotContainKey("totalViolations");
    }

    @Test
    void refusesAProductWithOneHundredThousandTimeWindowsWithOneViolation() {
        String body = "{\"code\": \"CART-HUGE\", \"timeWindows\": [" + "{},".repeat(99_999) + "{}]}";
        long versions = Database.count("SELECT count(*) FROM product_version");

        Response response = Api.as(Tokens.admin()).contentType("application/json").body(body)
                .post("/api/v1/products");

        assertSmallProblemNaming(response, "timeWindows");
        assertThat(Database.count("SELECT count(*) FROM product_version")).isEqualTo(versions);
    }

    @Test
    void answersEightOversizedRequestsAtOnceAndThenServesNormally() throws Exception {
        String body = stepWithData("FORMULATED", "{\"units\": [" + "{},".repeat(TINY_ITEMS - 1) + "{}]}");
        LedgerRowCounts before = LedgerRowCounts.now();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> post(body), clients));
            }
            for (CompletableFuture<Response> answer : answers) {
                assertSmallProblemNaming(answer.get(2, TimeUnit.MINUTES), "data.units");
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(LedgerRowCounts.now()).isEqualTo(before);

        Api.logStep(coi, "COLLECTED").statusCode(201);
        Api.custody(coi).statusCode(200);
    }

    private JsonPath refusedWithOneViolation(String body, String field) {
        LedgerRowCounts before = LedgerRowCounts.now();
        JsonPath problem = assertSmallProblemNaming(post(body), field);
        assertThat(LedgerRowCounts.now()).as("rows after a refused request").isEqualTo(before);
        return problem;
    }

    private static JsonPath assertSmallProblemNaming(Response response, String field) {
        String answer = response.asString();
        assertThat(response.statusCode()).as(answer).isEqualTo(400);
        assertThat(response.contentType()).startsWith(ProblemResponses.MEDIA_TYPE);
        assertThat(answer).as("the answer to an oversized array").hasSizeLessThan(SMALL_ANSWER);
        JsonPath problem = response.jsonPath();
        assertThat(problem.getString("type")).isEqualTo("urn:vein2vein:problem:invalid-request");
        assertThat(problem.getList("violations.field", String.class)).as(answer).containsExactly(field);
        return problem;
    }

    private Response post(String body) {
        return Api.given().contentType("application/json").body(body).post(steps);
    }

    /** A valid step at {@code stage} for the batch. */
    private ObjectNode step(String stage) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode step = json.createObjectNode().put("stage", stage).put("occurredAt", now.toString())
                .put("site", "MFG-GENT-01");
        step.set("data", json.valueToTree(StageSamples.of(coi, stage, now, "PSN-OVERSIZED-01")));
        return step;
    }

    /** A step at {@code stage} whose data is {@code data}, as written. */
    private String stepWithData(String stage, String data) {
        return step(stage).put("data", "@@data@@").toString().replace("\"@@data@@\"", data);
    }
}

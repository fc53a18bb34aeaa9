package org.vein2vein.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.vein2vein.testing.StageSamples.map;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.References;
import org.vein2vein.testing.Shipping;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * The collection-to-receipt window, measured by the clock that the collection starts: a product
 * whose fresh starting material must reach manufacturing within three seconds of collection. The
 * receipt comes later, so it is refused (and the attempt kept in the ledger) unless it carries the
 * documented deviation under which QA accepts it. The receipt is the shipment's (a receiving stage is
 * recorded by shipments only), which stays delivered while its receipt is refused. The watcher of the
 * clock slice may record its own warning and breach events meanwhile, so this test counts only the
 * events the receipt produces.
 */
@QuarkusTest
class CollectionToReceiptClockWindowTest {

    private static final String PROBLEM = "urn:vein2vein:problem:";
    private static final String WINDOW = "collection-to-receipt";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReceiptAfterTheCollectionToReceiptWindowIsRefusedAndRecordedAndIsAcceptedUnderADeviation() throws Exception {
        String product = productWithCollectionToReceiptOf("PT3S");
        String coi = Api.given().contentType(ContentType.JSON)
                .body(Map.of("type", "AUTOLOGOUS", "subjectReference", "PSN-CLOCK-" + suffix(), "productCode", product,
                        "collectionSite", "SITE-LYON-01"))
                .post("/api/v1/batches")
                .then().statusCode(201).extract().path("coi");
        Instant collectedAt = now();
        step(coi, "COLLECTED", collectedAt, StageSamples.of(coi, "COLLECTED", collectedAt, null))
                .then().log().ifValidationFails().statusCode(201);
        String din = Shipping.materialOf(coi).get(0);
        String shipment = Shipping.plan(Shipping.TREATMENT, Shipping.MANUFACTURING, "FRESH_2_TO_8_C", List.of(din))
                .statusCode(201).extract().path("id");
        Shipping.pack(shipment, now()).statusCode(200);
        Shipping.pickUp(shipment, now());
        Shipping.deliver(shipment, now()).statusCode(201);

        // The courier is late: more than three seconds pass.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(collectedAt.plusMillis(3_500)));
        Instant receivedAt = now();

        Response refused = receive(shipment, receivedAt, din, coi, null);

        refused.then().log().ifValidationFails().statusCode(409).contentType("application/problem+json");
        JsonNode problem = JSON.readTree(refused.asString());
        assertThat(problem.get("type").asText()).isEqualTo(PROBLEM + "time-window-missed");
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/shipments/" + shipment + "/receipt");
        assertThat(problem.get("coi").asText()).isEqualTo(coi);
        assertThat(problem.get("window").asText()).isEqualTo(WINDOW);
        assertThat(problem.get("max").asText()).isEqualTo("PT3S");
        assertThat(Instant.parse(problem.get("startedAt").asText())).isEqualTo(collectedAt);
        assertThat(Instant.parse(problem.get("deadline").asText())).isEqualTo(collectedAt.plusSeconds(3));
        assertThat(Duration.parse(problem.get("missedBy").asText()))
                .isEqualTo(Duration.between(collectedAt.plusSeconds(3), receivedAt));
        assertThat(problem.get("shipmentStatus").asText()).as("not received").isEqualTo("DELIVERED");
        assertThat(problem.has("hold")).as("a missed window does not put the batch on hold").isFalse();

        JsonNode rejection = JSON.readTree(Api.as(Tokens.qa())
                .get("/api/v1/batches/{coi}/custody/{sequence}", coi, problem.get("rejectedAttempt").asLong())
                .then().statusCode(200).extract().asString());
        assertThat(rejection.get("type").asText()).isEqualTo("STEP_REJECTED");
        assertThat(rejection.get("stage").asText()).isEqualTo("SHIPPED_TO_MANUFACTURING");
        assertThat(rejection.get("actor").get("id").asText()).isEqualTo(Tokens.TECHNICIAN_ID);
        assertThat(rejection.get("data").get("attemptedStage").asText()).isEqualTo("RECEIVED_AT_MANUFACTURING");
        assertThat(rejection.get("data").get("refusal").asText()).isEqualTo("TIME_WINDOW_MISSED");
        assertThat(stepRejections(coi)).hasSize(1);
        Api.batch(coi).statusCode(200).body("stage", equalTo("SHIPPED_TO_MANUFACTURING"));
        Api.given().get("/api/v1/shipments/{id}", shipment).then().statusCode(200).body("status",
                equalTo("DELIVERED"));

        // QA documented the late arrival: the receipt is accepted under the deviation.
        receive(shipment, receivedAt, din, coi, "DEV-2026-0701").then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("RECEIVED"));

        JsonNode recorded = ledger(coi).stream().filter(event -> event.get("type").asText().equals("STEP_RECORDED")
                && event.get("stage").asText().equals("RECEIVED_AT_MANUFACTURING")).findFirst().orElseThrow();
        assertThat(recorded.get("data").get("deviationReference").asText()).isEqualTo("DEV-2026-0701");
        Api.batch(coi).statusCode(200).body("stage", equalTo("RECEIVED_AT_MANUFACTURING"));
        assertThat(stepRejections(coi)).hasSize(1);
    }

    /** A new autologous product like the seeded one, with a short collection-to-receipt window. */
    private static String productWithCollectionToReceiptOf(String max) throws Exception {
        ObjectNode definition = (ObjectNode) JSON.readTree(Api.as(Tokens.admin())
                .get("/api/v1/products/{code}", "CART-GD2-AUTO").then().statusCode(200).extract().asString());
        definition.remove("version");
        definition.remove("createdAt");
        definition.remove("createdBy");
        String code = "CART-CLK-" + suffix();
        definition.put("code", code);
        boolean found = false;
        for (JsonNode window : definition.get("timeWindows")) {
            if (window.get("name").asText().equals(WINDOW)) {
                ((ObjectNode) window).put("max", max);
                found = true;
            }
        }
        assertThat(found).as("the seeded product has a %s window", WINDOW).isTrue();
        Api.as(Tokens.admin()).contentType(ContentType.JSON).body(definition.toString()).post("/api/v1/products")
                .then().log().ifValidationFails().statusCode(201);
        return code;
    }

    private static Response step(String coi, String stage, Instant occurredAt, Map<String, Object> data) {
        Map<String, Object> body = map("stage", stage, "occurredAt", occurredAt.toString(), "site", "SITE-LYON-01",
                "data", data);
        return Api.given().contentType(ContentType.JSON).body(body).post("/api/v1/batches/{coi}/steps", coi);
    }

    /** The receipt of the shipment at MFG-GENT-01: its one unit, the batch's material, scanned and witnessed. */
    private static Response receive(String shipment, Instant receivedAt, String din, String coi,
            String deviationReference) {
        Map<String, Object> body = map("occurredAt", receivedAt.toString(), "condition", "INTACT",
                "temperatureOnArrivalC", 4.2, "units", List.of(map("unitId", din, "identityCheck",
                        StageSamples.check(coi, din))));
        if (deviationReference != null) {
            body.put("deviationReference", deviationReference);
        }
        return Api.given().contentType(ContentType.JSON).body(body).post("/api/v1/shipments/{id}/receipt", shipment);
    }

    private static List<JsonNode> ledger(String coi) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        JSON.readTree(Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi).then().statusCode(200).extract()
                .asString()).get("events").forEach(events::add);
        return events;
    }

    private static List<JsonNode> stepRejections(String coi) throws Exception {
        return ledger(coi).stream().filter(event -> event.get("type").asText().equals("STEP_REJECTED")).toList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String suffix() {
        return References.suffix();
    }
}

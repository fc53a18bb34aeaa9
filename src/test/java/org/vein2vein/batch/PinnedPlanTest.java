package org.vein2vein.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/**
 * A batch is sequenced by the stage plan of the product version it is pinned to: a new version of
 * the product changes the plan of the batches registered after it, never of those registered before.
 *
 * <p>Each test makes its own copy of the seeded {@code CART-GD2-AUTO} and changes that, since other
 * tests rely on the seeded product staying at version 1 with the standard plan.
 */
@QuarkusTest
class PinnedPlanTest {

    private static final String PRODUCTS = "/api/v1/products";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachBatchFollowsThePlanOfTheVersionItWasRegisteredWith() {
        String code = copyOfSeededAutologous();
        String early = registerCollected(code, 1);
        saveVersion2WithoutFreezingAtCollectionAndWithRepeatableAcceptance(code);
        String late = registerCollected(code, 2);

        Api.batch(early).statusCode(200).body("allowedNextStages", containsInAnyOrder("COLLECTED",
                "CRYOPRESERVED_AT_COLLECTION", "SHIPPED_TO_MANUFACTURING", "QUARANTINED", "CANCELLED"));
        Api.batch(late).statusCode(200).body("allowedNextStages", containsInAnyOrder("COLLECTED",
                "SHIPPED_TO_MANUFACTURING", "QUARANTINED", "CANCELLED"));

        Api.logStep(early, "CRYOPRESERVED_AT_COLLECTION").statusCode(201)
                .body("batch.stage", equalTo("CRYOPRESERVED_AT_COLLECTION"));
        Api.logStep(late, "CRYOPRESERVED_AT_COLLECTION").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:step-out-of-order"))
                .body("currentStage", equalTo("COLLECTED"))
                .body("attemptedStage", equalTo("CRYOPRESERVED_AT_COLLECTION"))
                .body("allowedNextStages", containsInAnyOrder("COLLECTED", "SHIPPED_TO_MANUFACTURING",
                        "QUARANTINED", "CANCELLED"));
        Api.batch(late).body("stage", equalTo("COLLECTED")).header("ETag", "\"2\"");
    }

    @Test
    void aStageVersion2MakesRepeatableMayFollowItselfOnlyInBatchesOfVersion2() {
        String code = copyOfSeededAutologous();
        String early = registerCollected(code, 1);
        saveVersion2WithoutFreezingAtCollectionAndWithRepeatableAcceptance(code);
        String late = registerCollected(code, 2);
        for (String coi : new String[] {early, late}) {
            for (String stage : new String[] {"SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING", "ACCEPTED"}) {
                Api.advance(coi, stage);
            }
        }

        Api.logStep(late, "ACCEPTED").statusCode(201)
                .body("batch.allowedNextStages", containsInAnyOrder("ACCEPTED", "GENE_MODIFIED",
                        "MANUFACTURING_FAILED", "QUARANTINED", "CANCELLED"));
        Api.logStep(early, "ACCEPTED").statusCode(409)
                .body("type", equalTo("urn:vein2vein:problem:step-out-of-order"))
                .body("allowedNextStages", containsInAnyOrder("GENE_MODIFIED", "MANUFACTURING_FAILED", "QUARANTINED",
                        "CANCELLED"));
    }

    @Test
    void aBatchPinnedToNoVersionFollowsTheStandardPlanOfItsType() throws SQLException {
        String code = copyOfSeededAutologous();
        saveVersion2WithoutFreezingAtCollectionAndWithRepeatableAcceptance(code);
        String coi = registerCollected(code, 2);
        // Only development data from before products existed has no version; make one such batch.
        try (Connection connection = Database.connect();
                PreparedStatement unpin = connection.prepareStatement(
                        "UPDATE batch SET product_version = NULL WHERE coi = ?")) {
            unpin.setString(1, coi);
            assertThat(unpin.executeUpdate()).isEqualTo(1);
        }

        Api.batch(coi).statusCode(200).body("allowedNextStages", containsInAnyOrder("COLLECTED",
                "CRYOPRESERVED_AT_COLLECTION", "SHIPPED_TO_MANUFACTURING", "QUARANTINED", "CANCELLED"));
        Api.logStep(coi, "CRYOPRESERVED_AT_COLLECTION").statusCode(201);
    }

    /** A new product, version 1 of which is the seeded autologous product under another code. */
    private static String copyOfSeededAutologous() {
        String code = "CART-PLAN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.as(Tokens.admin()).contentType(ContentType.JSON).body(seededAutologousAs(code).toString())
                .post(PRODUCTS).then().statusCode(201).header("ETag", "\"1\"");
        return code;
    }

    /**
     * Version 2: {@code COLLECTED} leads straight to shipment (no freezing at the collection site),
     * and acceptance at manufacturing may be logged once per bag of starting material. (Shipping and
     * receiving stages are recorded by shipments, one per shipment: a plan's repeatable stage is one
     * a step logs.)
     */
    private static void saveVersion2WithoutFreezingAtCollectionAndWithRepeatableAcceptance(String code) {
        ObjectNode definition = seededAutologousAs(code);
        ArrayNode transitions = definition.withArray("/stagePlan/transitions");
        for (int i = transitions.size() - 1; i >= 0; i--) {
            ObjectNode transition = (ObjectNode) transitions.get(i);
            switch (transition.get("from").asText()) {
                case "COLLECTED" -> transition.putArray("to").add("SHIPPED_TO_MANUFACTURING");
                case "CRYOPRESERVED_AT_COLLECTION" -> transitions.remove(i);
                default -> {
                }
            }
        }
        definition.withArray("/stagePlan/repeatable").add("ACCEPTED");
        Api.as(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(definition.toString()).put(PRODUCTS + "/{code}", code).then().statusCode(200)
                .header("ETag", "\"2\"");
    }

    private static ObjectNode seededAutologousAs(String code) {
        ObjectNode body = JSON.valueToTree(Api.as(Tokens.admin()).get(PRODUCTS + "/{code}", "CART-GD2-AUTO")
                .then().statusCode(200).extract().as(Map.class));
        body.remove("version");
        body.remove("createdAt");
        body.remove("createdBy");
        return body.put("code", code);
    }

    /** Registers a batch of the product, checks its pinned version, and logs its collection. */
    private static String registerCollected(String code, int expectedVersion) {
        String coi = register(code).statusCode(201).body("productVersion", equalTo(expectedVersion))
                .extract().path("coi");
        Api.logStep(coi, "COLLECTED").statusCode(201);
        return coi;
    }

    private static ValidatableResponse register(String productCode) {
        return Api.given().contentType(ContentType.JSON)
                .body(Map.of("type", "AUTOLOGOUS", "subjectReference", "PSN-PLAN-01", "productCode", productCode,
                        "collectionSite", "SITE-LYON-01"))
                .post("/api/v1/batches").then();
    }
}

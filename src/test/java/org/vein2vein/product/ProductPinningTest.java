package org.vein2vein.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;

/** A batch follows the product version it was registered with, whatever happens to the product later. */
@QuarkusTest
class ProductPinningTest {

    @Test
    void aBatchKeepsItsVersionWhenTheProductMovesOn() {
        String code = Products.createAutologous();
        String early = register("AUTOLOGOUS", code).statusCode(201).body("productVersion", equalTo(1))
                .extract().path("coi");
        ObjectNode changed = Products.definitionLike(Products.AUTOLOGOUS, code);
        changed.withObject("/release").put("minViabilityPercent", 90);
        Products.update(code, "\"1\"", changed).statusCode(200).header("ETag", "\"2\"");

        Api.batch(early).statusCode(200).body("productCode", equalTo(code)).body("productVersion", equalTo(1));
        Api.logStep(early, "COLLECTED").statusCode(201).body("batch.productVersion", equalTo(1));
        String late = register("AUTOLOGOUS", code).statusCode(201).body("productVersion", equalTo(2))
                .extract().path("coi");
        Api.batch(late).body("productVersion", equalTo(2));
        Api.batch(early).body("productVersion", equalTo(1));
    }

    @Test
    void theRegistrationEventRecordsTheVersion() {
        String coi = register("ALLOGENEIC", Products.ALLOGENEIC).statusCode(201).body("type", equalTo("ALLOGENEIC"))
                .body("productVersion", equalTo(1)).extract().path("coi");

        Api.custody(coi).statusCode(200).body("events[0].data.productCode", equalTo(Products.ALLOGENEIC))
                .body("events[0].data.productVersion", equalTo(1));
    }

    @Test
    void aBatchOfAnUnknownProductIsRefusedAndNothingIsWritten() {
        RowCounts before = RowCounts.now();

        register("AUTOLOGOUS", "CART-XYZ-AUTO").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations.field", hasItem("productCode"))
                .body("violations[0].message", equalTo("no product has code CART-XYZ-AUTO"));

        assertThat(RowCounts.now()).isEqualTo(before);
    }

    @Test
    void aBatchOfTheOtherTypeThanItsProductIsRefusedAndNothingIsWritten() {
        RowCounts before = RowCounts.now();

        register("ALLOGENEIC", Products.AUTOLOGOUS).statusCode(400)
                .body("violations.field", hasItem("productCode"))
                .body("violations[0].message", equalTo("product CART-GD2-AUTO is AUTOLOGOUS, not ALLOGENEIC"));
        register("AUTOLOGOUS", Products.ALLOGENEIC).statusCode(400)
                .body("violations.field", hasItem("productCode"));

        assertThat(RowCounts.now()).isEqualTo(before);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAVersion() throws SQLException {
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "UPDATE product_version SET name = 'changed' WHERE code = 'CART-GD2-AUTO'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM product_version"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    private static ValidatableResponse register(String type, String productCode) {
        return Api.given().contentType(ContentType.JSON)
                .body(Map.of("type", type, "subjectReference", "PSN-PIN-01", "productCode", productCode,
                        "collectionSite", "SITE-LYON-01"))
                .post("/api/v1/batches").then();
    }

    private record RowCounts(long batches, long custodyEvents, long outboxMessages) {
        static RowCounts now() {
            return new RowCounts(Database.count("SELECT count(*) FROM batch"),
                    Database.count("SELECT count(*) FROM custody_event"),
                    Database.count("SELECT count(*) FROM outbox_message"));
        }
    }
}

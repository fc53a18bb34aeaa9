package org.vein2vein.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/**
 * Every number of a definition has a range and a precision, checked before anything is stored: a
 * number no field holds (1e1000 would be kept by jsonb as 1,001 digits, 1e999999999 overflows its
 * numeric type) is a 400 naming the field. A version stored before these bounds existed stays
 * readable: versions never change, so an unreadable one would break the catalogue for good.
 */
@QuarkusTest
class ProductBoundsTest {

    @ParameterizedTest
    @CsvSource({
            "maxEndotoxinEuPerMl, 1e1000", "maxEndotoxinEuPerMl, 1e999999999", "maxEndotoxinEuPerMl, 1e-999999999",
            "maxEndotoxinEuPerMl, 10000.0001", "maxEndotoxinEuPerMl, 0.00001", "maxEndotoxinEuPerMl, -1e999999999",
            "minViabilityPercent, 1e999999999", "minViabilityPercent, 100.01", "minViabilityPercent, 80.001",
            "maxVectorCopiesPerCell, 1e-999999999", "maxVectorCopiesPerCell, 101" })
    void refusesANumberOfTheReleaseSpecificationBeyondItsRangeOrPrecisionNamingIt(String field, String number) {
        ObjectNode body = Products.definitionLike(Products.AUTOLOGOUS, Products.newCode("CART-NUM"));
        ((ObjectNode) body.get("release")).put(field, new BigDecimal(number));

        assertRefusedNaming(create(body), "release." + field);
    }

    @ParameterizedTest
    @ValueSource(strings = { "min", "max" })
    void refusesADoseBeyondTenToTheTwelveCells(String end) {
        ObjectNode body = Products.definitionLike(Products.AUTOLOGOUS, Products.newCode("CART-DOSE"));
        ((ObjectNode) body.at("/release/dose")).put(end, 1_000_000_000_001L);

        assertRefusedNaming(create(body), "release.dose." + end);
    }

    @Test
    void refusesASetOfStagesLongerThanThereAreStagesWithOneViolation() {
        ObjectNode body = Products.definitionLike(Products.AUTOLOGOUS, Products.newCode("CART-SET"));
        var repeatable = body.withArray("/stagePlan/repeatable");
        for (int i = 0; i < 30; i++) {
            repeatable.add("COLLECTED");
        }

        assertRefusedNaming(create(body), "stagePlan.repeatable");
    }

    @Test
    void changingAProductChecksItsNumbersAlike() {
        String code = Products.createAutologous();
        ObjectNode body = Products.definitionLike(Products.AUTOLOGOUS, code);
        ((ObjectNode) body.get("release")).put("maxEndotoxinEuPerMl", new BigDecimal("1e1000"));

        assertRefusedNaming(Api.as(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(body.toString()).put(Products.PRODUCTS + "/{code}", code), "release.maxEndotoxinEuPerMl");
    }

    @Test
    void keepsAVersionStoredWithAThousandDigitLimitReadable() throws SQLException {
        String code = Products.newCode("CART-LEGACY");
        storeVersionOneLikeTheSeedWith(code, "1e1000");

        Api.as(Tokens.qa()).get(Products.PRODUCTS).then().statusCode(200);
        String product = Api.as(Tokens.qa()).get(Products.PRODUCTS + "/{code}", code).then().statusCode(200)
                .extract().asString();
        assertThat(product).contains("\"maxEndotoxinEuPerMl\":1" + "0".repeat(1000));
        Api.as(Tokens.qa()).get(Products.PRODUCTS + "/{code}/versions/1", code).then().statusCode(200);
        Api.given().contentType(ContentType.JSON)
                .body(Map.of("type", "AUTOLOGOUS", "subjectReference", "PSN-LEGACY-01", "productCode", code,
                        "collectionSite", "SITE-LYON-01"))
                .post("/api/v1/batches").then().statusCode(201);
    }

    @Test
    void keepsAVersionStoredWithAThousandDecimalPlacesReadable() throws SQLException {
        String code = Products.newCode("CART-LEGACY");
        storeVersionOneLikeTheSeedWith(code, "1e-1000");

        Api.as(Tokens.qa()).get(Products.PRODUCTS).then().statusCode(200);
        Api.as(Tokens.qa()).get(Products.PRODUCTS + "/{code}", code).then().statusCode(200);
    }

    private static Response create(ObjectNode body) {
        return Api.as(Tokens.admin()).contentType(ContentType.JSON).body(body.toString()).post(Products.PRODUCTS);
    }

    private static void assertRefusedNaming(Response response, String field) {
        String answer = response.asString();
        assertThat(response.statusCode()).as(answer).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(answer).hasSizeLessThan(2_000);
        List<String> fields = response.jsonPath().getList("violations.field", String.class);
        assertThat(fields).as(answer).containsOnly(field);
    }

    /**
     * A product whose version 1 is the seeded autologous definition with {@code endotoxinLimit}, written
     * straight into the database as a version saved before numbers were bounded would be.
     */
    private static void storeVersionOneLikeTheSeedWith(String code, String endotoxinLimit) throws SQLException {
        try (Connection connection = Database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement product = connection.prepareStatement(
                    "INSERT INTO product (code, type, current_version, updated_at) VALUES (?, 'AUTOLOGOUS', 1, now())");
                    PreparedStatement version = connection.prepareStatement("""
                            INSERT INTO product_version (code, version, name, type, definition, created_at,
                                created_by_id, created_by_role, created_by_organisation)
                            SELECT ?, 1, 'Legacy product', 'AUTOLOGOUS',
                                jsonb_set(definition, '{release,maxEndotoxinEuPerMl}', ?::jsonb), now(),
                                'admin-legacy', 'admin', 'VEIN2VEIN'
                            FROM product_version WHERE code = 'CART-GD2-AUTO' AND version = 1""")) {
                product.setString(1, code);
                product.executeUpdate();
                version.setString(1, code);
                version.setString(2, endotoxinLimit);
                assertThat(version.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        }
    }
}

package org.vein2vein.product;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Tokens;

/**
 * A service pointed at a database of its own, as in production (demo data off, the default outside
 * embedded mode and tests), starts with no site and an empty catalogue. Its own profile restarts
 * Quarkus and the test infrastructure, so the database is new.
 */
@QuarkusTest
@TestProfile(DemoProductsOffTest.ProductionDefaults.class)
class DemoProductsOffTest {

    public static class ProductionDefaults implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vein2vein.demo-data.enabled", "false");
        }
    }

    @Test
    void aNewDatabaseHasNoSiteNorProductAndBatchesCannotNameTheDemoOnes() {
        Api.as(Tokens.qa()).get(Products.PRODUCTS).then().statusCode(200).body("products", empty());
        Api.as(Tokens.qa()).get("/api/v1/sites").then().statusCode(200).body("sites", empty());
        Api.as(Tokens.technician()).get(Products.PRODUCTS + "/{code}", Products.AUTOLOGOUS).then().statusCode(404);
        String registration = """
                {"type": "AUTOLOGOUS", "subjectReference": "PSN-7F3K-22", "productCode": "CART-GD2-AUTO",
                 "collectionSite": "SITE-LYON-01"}""";

        Api.as(Tokens.technician()).contentType(ContentType.JSON).body(registration).post("/api/v1/batches").then()
                .statusCode(400).body("violations[0].field", equalTo("collectionSite"));
        // Once the operator has registered the site, the product is what is missing.
        Api.as(Tokens.admin()).contentType(ContentType.JSON).body("""
                {"code": "SITE-LYON-01", "name": "Hospices Civils de Lyon", "kind": "COLLECTION",
                 "organisation": "HOSP-LYON"}""").post("/api/v1/sites").then().statusCode(201);
        Api.as(Tokens.technician()).contentType(ContentType.JSON).body(registration).post("/api/v1/batches").then()
                .statusCode(400).body("violations[0].field", equalTo("productCode"));
    }
}

package org.vein2vein.platform.embedded;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.TestInfrastructure;

/**
 * The dev token endpoint of embedded mode: silent unless this JVM verifies tokens with dev keys,
 * and then handing out tokens the service accepts.
 */
@QuarkusTest
class DevTokensTest {

    @AfterEach
    void leaveEmbeddedMode() {
        System.clearProperty(EmbeddedMode.DEV_KEY_DIRECTORY);
    }

    @Test
    void answersNotFoundUnlessThisJvmMadeDevKeys() {
        given().get("/dev/tokens").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:not-found"));
        given().get("/dev/tokens/qa").then().statusCode(404);
    }

    @Test
    void handsOutTokensForEachRoleThatTheServiceAccepts() {
        // As embedded mode does at start, pointing at the keys the service under test trusts.
        System.setProperty(EmbeddedMode.DEV_KEY_DIRECTORY, TestInfrastructure.signingKeyDirectory().toString());

        given().get("/dev/tokens").then().statusCode(200)
                .body("keySet()", hasItems("technician-collection", "technician-manufacturing", "logistics", "qa",
                        "admin"))
                .body("'technician-collection'.sites", equalTo(List.of("SITE-LYON-01")));
        String technician = given().get("/dev/tokens/technician-collection").then().statusCode(200)
                .contentType(ContentType.TEXT).extract().asString();
        String coi = Api.as(technician).contentType(ContentType.JSON)
                .body(Map.of("type", "AUTOLOGOUS", "subjectReference", "PSN-DEV-01", "productCode", "CART-GD2-AUTO",
                        "collectionSite", "SITE-LYON-01"))
                .post("/api/v1/batches").then().statusCode(201)
                .body("coi", startsWith("V2V")).extract().path("coi");
        Api.as(given().get("/dev/tokens/qa").asString()).get("/api/v1/batches/{coi}/custody", coi).then()
                .statusCode(200).body("events[0].actor.id", equalTo("tech-lyon-01"));
        given().get("/dev/tokens/nobody").then().statusCode(404);
    }
}

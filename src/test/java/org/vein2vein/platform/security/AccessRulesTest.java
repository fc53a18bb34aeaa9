package org.vein2vein.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.vein2vein.platform.embedded.DevSigningKeys;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.TestInfrastructure;
import org.vein2vein.testing.Tokens;

/** Who may write and read the record: the rules of authentication, roles and sites. */
@QuarkusTest
class AccessRulesTest {

    private static final String LYON_TECHNICIAN = Tokens.technicianAt(List.of("SITE-LYON-01"));
    private static final String GENT_TECHNICIAN = Tokens.token("tech-gent", Roles.TECHNICIAN, "MFG-GENT",
            List.of("MFG-GENT-01"));

    @Test
    void aRequestWithoutTokenIsChallengedWithAProblem() {
        given().get("/api/v1/batches/V2V7K3Q9P2XRTB").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer realm=\"vein2vein\""))
                .body("type", equalTo("urn:vein2vein:problem:unauthenticated"));
    }

    @Test
    void anExpiredTokenIsRefusedAsInvalid() {
        String expired = TestInfrastructure.signingKeys().token("tech-test", Set.of(Roles.QA), "VEIN2VEIN-QA",
                List.of(), Duration.ofMinutes(-10));
        Api.as(expired).get("/api/v1/batches/V2V7K3Q9P2XRTB").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"vein2vein\", error=\"invalid_token\""))
                .body("type", equalTo("urn:vein2vein:problem:unauthenticated"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused(@TempDir java.nio.file.Path otherKeys) {
        String forged = DevSigningKeys.loadOrCreate(otherKeys).token("qa-forger", Set.of(Roles.QA), "EVIL",
                List.of(), Duration.ofMinutes(10));
        Api.as(forged).get("/api/v1/batches/V2V7K3Q9P2XRTB").then().statusCode(401)
                .body("type", equalTo("urn:vein2vein:problem:unauthenticated"));
        Api.as("not.a.token").get("/api/v1/batches/V2V7K3Q9P2XRTB").then().statusCode(401);
    }

    @Test
    void onlyTechniciansRegisterBatches() {
        long before = Database.count("select count(*) from batch");
        for (String token : List.of(Tokens.qa(), Tokens.logistics(), Tokens.admin())) {
            Api.as(token).contentType(ContentType.JSON).body(registration("SITE-LYON-01")).post("/api/v1/batches")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:vein2vein:problem:forbidden"));
        }
        assertThat(Database.count("select count(*) from batch")).isEqualTo(before);
    }

    @Test
    void aTechnicianRegistersOnlyAtTheirOwnSites() {
        long before = Database.count("select count(*) from batch");
        Api.as(LYON_TECHNICIAN).contentType(ContentType.JSON).body(registration("MFG-GENT-01"))
                .post("/api/v1/batches").then().statusCode(403)
                .body("type", equalTo("urn:vein2vein:problem:site-not-permitted"))
                .body("site", equalTo("MFG-GENT-01"));
        assertThat(Database.count("select count(*) from batch")).isEqualTo(before);
    }

    @Test
    void aBatchOfAnotherSiteDoesNotExistForATechnicianButQaSeesIt() {
        String coi = registeredInLyon();
        Api.as(GENT_TECHNICIAN).get("/api/v1/batches/{coi}", coi).then().statusCode(404)
                .body("type", equalTo("urn:vein2vein:problem:batch-not-found"));
        Api.as(GENT_TECHNICIAN).get("/api/v1/batches/{coi}/custody", coi).then().statusCode(404);
        step(GENT_TECHNICIAN, coi, "COLLECTED", "MFG-GENT-01", sample(coi, "COLLECTED")).then().statusCode(404);
        Api.as(Tokens.qa()).get("/api/v1/batches/{coi}", coi).then().statusCode(200);
        Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi).then().statusCode(200);
        Api.as(Tokens.logistics()).get("/api/v1/batches/{coi}", coi).then().statusCode(403);
        assertThat(Database.count("select count(*) from custody_event where coi = '" + coi + "'")).isEqualTo(1);
    }

    @Test
    void aTechnicianLoggingAtASiteNotTheirsOnTheirOwnBatchIsForbiddenAndNothingIsWritten() {
        String coi = registeredInLyon();
        step(LYON_TECHNICIAN, coi, "COLLECTED", "MFG-GENT-01", sample(coi, "COLLECTED")).then().statusCode(403)
                .body("type", equalTo("urn:vein2vein:problem:site-not-permitted"));
        Api.as(LYON_TECHNICIAN).get("/api/v1/batches/{coi}", coi).then().statusCode(200)
                .body("stage", equalTo("ORDERED")).body("ledgerSequence", equalTo(1));
    }

    @Test
    void theDestinationOfAShipmentSeesTheBatchAndTheLedgerNamesEachActorFromTheirToken() {
        String coi = registeredInLyon();
        step(LYON_TECHNICIAN, coi, "COLLECTED", "SITE-LYON-01", sample(coi, "COLLECTED")).then().statusCode(201);
        Api.as(GENT_TECHNICIAN).get("/api/v1/batches/{coi}", coi).then().statusCode(404);

        Map<String, Object> shipment = sample(coi, "SHIPPED_TO_MANUFACTURING");
        shipment.remove("destinationSite");
        step(LYON_TECHNICIAN, coi, "SHIPPED_TO_MANUFACTURING", "SITE-LYON-01", shipment).then().statusCode(400)
                .body("violations.field", equalTo(List.of("data.destinationSite")));
        shipment.put("destinationSite", "MFG-GENT-01");
        step(LYON_TECHNICIAN, coi, "SHIPPED_TO_MANUFACTURING", "SITE-LYON-01", shipment).then().statusCode(201);
        step(GENT_TECHNICIAN, coi, "RECEIVED_AT_MANUFACTURING", "MFG-GENT-01", sample(coi, "RECEIVED_AT_MANUFACTURING"))
                .then().statusCode(201)
                .body("event.actor.id", equalTo("tech-gent"))
                .body("event.actor.role", equalTo("technician"))
                .body("event.actor.organisation", equalTo("MFG-GENT"));

        Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi).then().statusCode(200)
                .body("events.actor.id", equalTo(List.of("tech-test", "tech-test", "tech-test", "tech-gent")))
                .body("verification.intact", equalTo(true));
    }

    private static String registeredInLyon() {
        return Api.as(LYON_TECHNICIAN).contentType(ContentType.JSON).body(registration("SITE-LYON-01"))
                .post("/api/v1/batches").then().statusCode(201).extract().path("coi");
    }

    private static io.restassured.response.Response step(String token, String coi, String stage, String site,
            Map<String, ?> data) {
        return Api.as(token).contentType(ContentType.JSON)
                .body(Map.of("stage", stage, "occurredAt", Instant.now().toString(), "site", site, "data", data))
                .post("/api/v1/batches/{coi}/steps", coi);
    }

    /** Valid data for the step; the bedside scan never comes up here. */
    private static Map<String, Object> sample(String coi, String stage) {
        return StageSamples.of(coi, stage, Instant.now(), null);
    }

    private static Map<String, String> registration(String site) {
        return Map.of("type", "AUTOLOGOUS", "subjectReference", "PSN-ACCESS-01", "productCode", "CART-GD2-AUTO",
                "collectionSite", site);
    }
}

package org.vein2vein.genealogy;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Tokens;

/** The genealogy queries' answers to references nobody knows, to bad input and to callers without the role. */
@QuarkusTest
class GenealogyQueriesTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void aDonorOrRecipientNobodyKnowsHasEmptyGenealogy() {
        Api.as(Tokens.qa()).get("/api/v1/donors/{donor}/recipients", "DNR-NOBODY-01").then().statusCode(200)
                .body("donorReference", equalTo("DNR-NOBODY-01"))
                .body("lots", empty()).body("recipients", empty());
        Api.as(Tokens.qa()).get("/api/v1/recipients/{recipient}/doses", "RCP-NOBODY-01").then().statusCode(200)
                .body("doses", empty());
    }

    @Test
    void aReferenceThatIsNotAPseudonymIsAnInvalidRequest() {
        Api.as(Tokens.qa()).get("/api/v1/donors/{donor}/recipients", "x").then().statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations[0].field", equalTo("path.donorReference"));
        Api.as(Tokens.qa()).get("/api/v1/recipients/{recipient}/doses", "a b").then().statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("violations[0].field", equalTo("path.recipientReference"));
    }

    @Test
    void onlyQaTracesDonorsAndRecipients() {
        Api.given().get("/api/v1/donors/{donor}/recipients", "DNR-NOBODY-01").then().statusCode(403)
                .contentType(startsWith(PROBLEM_JSON));
        Api.as(Tokens.logistics()).get("/api/v1/recipients/{recipient}/doses", "RCP-NOBODY-01").then()
                .statusCode(403).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void theDosesOfABatchThatIsNoAllogeneicLotAreNotFound() {
        String autologous = Api.registerAutologous("PSN-GENEALOGY-01");
        Api.given().get("/api/v1/batches/{coi}/doses", autologous).then().statusCode(404)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:vein2vein:problem:batch-not-found"));
        Api.given().get("/api/v1/batches/{coi}/doses", "V2V0000000000A").then().statusCode(400)
                .body("type", equalTo("urn:vein2vein:problem:invalid-coi"));
    }
}

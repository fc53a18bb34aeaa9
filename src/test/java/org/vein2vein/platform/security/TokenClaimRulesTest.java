package org.vein2vein.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/**
 * A validly signed token must also name its person ({@code sub}) and give its roles as a list: one
 * that does not is refused like any invalid token, and changes nothing.
 */
@QuarkusTest
class TokenClaimRulesTest {

    private static final String REGISTRATION = "{\"type\": \"AUTOLOGOUS\", \"subjectReference\": \"PSN-CLAIMS-01\", "
            + "\"productCode\": \"CART-GD2-AUTO\", \"collectionSite\": \"SITE-LYON-01\"}";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aTokenWithoutSubIsRefusedAsInvalidAndRecordsNothing() {
        long batches = Database.count("SELECT count(*) FROM batch");
        String noSub = Tokens.signed(Jwt.claims(Map.of("upn", "tech-nosub", "groups", List.of(Roles.TECHNICIAN),
                "org", "HOSP-LYON", "sites", List.of("SITE-LYON-01"))));
        assertThat(claims(noSub).has("sub")).as("the token has no sub").isFalse();

        refusedAsInvalid(Api.as(noSub).contentType(ContentType.JSON).body(REGISTRATION).post("/api/v1/batches").then());

        assertThat(Database.count("SELECT count(*) FROM batch")).isEqualTo(batches);
    }

    @Test
    void aTokenWithABlankSubIsRefusedAsInvalid() {
        String blankSub = Tokens.signed(Jwt.claims(Map.of("sub", " ", "upn", "qa-blank", "groups", List.of(Roles.QA))));

        refusedAsInvalid(Api.as(blankSub).get("/api/v1/clocks?dueWithin=PT2H").then());
    }

    @Test
    void groupsAsAStringOfSeveralRoleNamesIsRefusedAsInvalid() {
        String twoRolesInAString = Tokens.signed(Jwt.claims(Map.of("sub", "qa-string", "groups", "qa admin")));
        assertThat(claims(twoRolesInAString).get("groups").isTextual()).as("groups is sent as a string").isTrue();

        refusedAsInvalid(Api.as(twoRolesInAString).get("/api/v1/clocks?dueWithin=PT2H").then());
    }

    @Test
    void groupsAsASingleRoleNameIsThatRole() {
        String oneRoleInAString = Tokens.signed(Jwt.claims(Map.of("sub", "qa-single", "groups", Roles.QA)));
        assertThat(claims(oneRoleInAString).get("groups").isTextual()).as("groups is sent as a string").isTrue();

        Api.as(oneRoleInAString).get("/api/v1/clocks?dueWithin=PT2H").then().statusCode(200);
    }

    private static void refusedAsInvalid(ValidatableResponse answer) {
        answer.statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"vein2vein\", error=\"invalid_token\""))
                .body("type", equalTo("urn:vein2vein:problem:unauthenticated"));
    }

    private JsonNode claims(String token) {
        try {
            return json.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

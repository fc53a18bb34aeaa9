package org.vein2vein.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.StagePlan;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Tokens;

/** Admins define products; every change is a new version; everyone signed in reads them. */
@QuarkusTest
class ProductCatalogueTest {

    @Test
    void theTwoSeededProductsAreListedForEveryRole() {
        for (String token : List.of(Tokens.technician(), Tokens.qa(), Tokens.logistics(), Tokens.admin())) {
            Api.as(token).get(Products.PRODUCTS).then().statusCode(200).contentType(ContentType.JSON)
                    .body("products.code", hasItems(Products.AUTOLOGOUS, Products.ALLOGENEIC));
        }
    }

    @ParameterizedTest
    @EnumSource(BatchType.class)
    void eachSeededProductFollowsTheStandardPlanOfItsType(BatchType type) {
        String code = type == BatchType.AUTOLOGOUS ? Products.AUTOLOGOUS : Products.ALLOGENEIC;
        JsonPath product = Api.as(Tokens.qa()).get(Products.PRODUCTS + "/{code}", code).then().statusCode(200)
                .header("ETag", "\"1\"").extract().jsonPath();

        assertThat(product.getString("type")).isEqualTo(type.name());
        assertThat(product.getInt("version")).isEqualTo(1);
        List<Map<String, Object>> transitions = product.getList("stagePlan.transitions");
        List<Map<String, Object>> standard = StagePlan.standard(type).transitions().stream()
                .map(t -> Map.<String, Object>of("from", t.from().name(),
                        "to", t.to().stream().map(Enum::name).toList()))
                .toList();
        assertThat(transitions).containsExactlyElementsOf(standard);
        assertThat(product.getList("stagePlan.repeatable")).containsExactly("COLLECTED", "EXPANDED");
        assertThat(product.getMap("temperatureClasses")).containsEntry("STARTING_MATERIAL", "FRESH_2_TO_8_C")
                .containsEntry("FINAL_PRODUCT_STORAGE", "CRYO_AT_OR_BELOW_MINUS_150_C");
        assertThat(product.getList("timeWindows.name")).contains("collection-to-receipt",
                "out-of-storage-while-packing", "thaw-to-infusion");
        assertThat(product.getBoolean("release.sterilityNegative")).isTrue();
        assertThat(product.getString("createdBy.role")).isEqualTo("system");
        assertThat(product.getString("createdBy.id")).isEqualTo("demo-products");
    }

    @Test
    void theAutologousSeedCarriesItsWindowsAndReleaseSpecification() {
        Api.as(Tokens.technician()).get(Products.PRODUCTS + "/{code}/versions/1", Products.AUTOLOGOUS).then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("timeWindows.find { it.name == 'collection-to-receipt' }.max", equalTo("PT48H"))
                .body("timeWindows.find { it.name == 'out-of-storage-while-packing' }.max", equalTo("PT30M"))
                .body("timeWindows.find { it.name == 'thaw-to-infusion' }.from", equalTo("THAWED"))
                .body("release.minViabilityPercent", equalTo(80))
                .body("release.dose.min", equalTo(60000000))
                .body("release.maxVectorCopiesPerCell", equalTo(5))
                .body("twoPersonVerification", equalTo(true));
    }

    @Test
    void anAdminCreatesAProductAsVersionOne() {
        String code = Products.newCode("CART-NEW");
        long versions = Products.versionRows();

        Products.create(Products.definitionLike(Products.ALLOGENEIC, code)).statusCode(201)
                .header("Location", equalTo("/api/v1/products/" + code))
                .header("ETag", "\"1\"")
                .body("code", equalTo(code)).body("version", equalTo(1)).body("type", equalTo("ALLOGENEIC"))
                .body("createdBy.id", equalTo("admin-test")).body("createdBy.organisation", equalTo("VEIN2VEIN"));

        assertThat(Products.versionRows()).isEqualTo(versions + 1);
        Api.as(Tokens.qa()).get(Products.PRODUCTS + "/{code}", code).then().statusCode(200)
                .header("ETag", "\"1\"").body("stagePlan.transitions.from", hasItem("SPLIT"));
    }

    @Test
    void creatingAProductTwiceIsAConflict() {
        String code = Products.createAutologous();
        long versions = Products.versionRows();

        Products.create(Products.definitionLike(Products.AUTOLOGOUS, code)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:product-exists")).body("code", equalTo(code));

        assertThat(Products.versionRows()).isEqualTo(versions);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        ObjectNode body = Products.definitionLike(Products.AUTOLOGOUS, Products.newCode("CART-IDEM"));
        String key = "\"" + UUID.randomUUID() + "\"";
        String first = Api.as(Tokens.admin()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.toString()).post(Products.PRODUCTS).then().statusCode(201).extract().asString();
        long versions = Products.versionRows();

        Api.as(Tokens.admin()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body.toString())
                .post(Products.PRODUCTS).then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("ETag", "\"1\"").body(equalTo(first));
        assertThat(Products.versionRows()).isEqualTo(versions);
    }

    @Test
    void aChangeIsANewVersionAndTheOldOneStaysAsItWas() {
        String code = Products.createAutologous();
        ObjectNode changed = Products.definitionLike(Products.AUTOLOGOUS, code);
        changed.withObject("/release").put("minViabilityPercent", 85);

        Products.update(code, "\"1\"", changed).statusCode(200).contentType(ContentType.JSON)
                .header("ETag", "\"2\"").body("version", equalTo(2)).body("release.minViabilityPercent", equalTo(85));

        Api.as(Tokens.qa()).get(Products.PRODUCTS + "/{code}", code).then().header("ETag", "\"2\"")
                .body("release.minViabilityPercent", equalTo(85));
        Api.as(Tokens.qa()).get(Products.PRODUCTS + "/{code}/versions/1", code).then().statusCode(200)
                .header("ETag", "\"1\"").body("version", equalTo(1)).body("release.minViabilityPercent", equalTo(80));
        Api.as(Tokens.qa()).get(Products.PRODUCTS + "/{code}/versions/2", code).then().statusCode(200)
                .body("release.minViabilityPercent", equalTo(85));
    }

    @Test
    void aChangeWithoutIfMatchIsPreconditionRequiredAndSavesNothing() {
        String code = Products.createAutologous();
        long versions = Products.versionRows();

        for (String ifMatch : new String[] { null, "*" }) {
            Products.update(code, ifMatch, Products.definitionLike(Products.AUTOLOGOUS, code)).statusCode(428)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vein2vein:problem:precondition-required"))
                    .body("detail", containsString("If-Match"));
        }
        assertThat(Products.versionRows()).isEqualTo(versions);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"1\"", "W/\"2\"", "\"7\"" })
    void aChangeFromAVersionThatIsNotCurrentFailsItsPreconditionAndSavesNothing(String ifMatch) {
        String code = Products.createAutologous();
        Products.update(code, "\"1\"", Products.definitionLike(Products.AUTOLOGOUS, code)).statusCode(200);
        long versions = Products.versionRows();

        Products.update(code, ifMatch, Products.definitionLike(Products.AUTOLOGOUS, code)).statusCode(412)
                .contentType("application/problem+json").header("ETag", "\"2\"")
                .body("type", equalTo("urn:vein2vein:problem:precondition-failed"))
                .body("currentVersion", equalTo(2));
        assertThat(Products.versionRows()).isEqualTo(versions);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1", "\"1\", \"2\"", "\"one\"", "\"\"" })
    void aMalformedIfMatchIsABadRequest(String ifMatch) {
        String code = Products.createAutologous();

        Products.update(code, ifMatch, Products.definitionLike(Products.AUTOLOGOUS, code)).statusCode(400)
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations.field", hasItem("header.If-Match"));
    }

    @Test
    void aChangeKeepsTheProductsCodeAndType() {
        String code = Products.createAutologous();
        long versions = Products.versionRows();

        Products.update(code, "\"1\"", Products.definitionLike(Products.AUTOLOGOUS, "CART-OTHER")).statusCode(400)
                .body("violations.field", hasItem("code"));
        Products.update(code, "\"1\"", Products.definitionLike(Products.ALLOGENEIC, code)).statusCode(400)
                .body("violations.field", hasItem("type"));
        assertThat(Products.versionRows()).isEqualTo(versions);
    }

    @Test
    void changingAProductThatDoesNotExistIsNotFound() {
        String code = Products.newCode("CART-NONE");
        Products.update(code, "\"1\"", Products.definitionLike(Products.AUTOLOGOUS, code)).statusCode(404)
                .body("type", equalTo("urn:vein2vein:problem:product-not-found"));
        assertThat(Products.productRows()).isPositive();
    }

    @Test
    void unknownProductsAndVersionsAreNotFoundAndMalformedOnesAreBadRequests() {
        Api.as(Tokens.qa()).get(Products.PRODUCTS + "/{code}", "CART-XYZ-AUTO").then().statusCode(404)
                .body("type", equalTo("urn:vein2vein:problem:product-not-found"));
        Api.as(Tokens.qa()).get(Products.PRODUCTS + "/{code}/versions/9", Products.AUTOLOGOUS).then().statusCode(404)
                .body("detail", equalTo("Product CART-GD2-AUTO has no version 9."));
        Api.as(Tokens.qa()).get(Products.PRODUCTS + "/{code}", "cart-lower").then().statusCode(400)
                .body("violations.field", hasItem("path.code"));
        for (String version : List.of("0", "-1", "one", "99999999999")) {
            Api.as(Tokens.qa()).get(Products.PRODUCTS + "/{code}/versions/{version}", Products.AUTOLOGOUS, version)
                    .then().statusCode(400).body("violations.field", hasItem("path.version"));
        }
    }

    @Test
    void onlyAdminsWriteProducts() {
        String code = Products.createAutologous();
        long versions = Products.versionRows();
        ObjectNode body = Products.definitionLike(Products.AUTOLOGOUS, Products.newCode("CART-ROLE"));

        for (String token : List.of(Tokens.technician(), Tokens.qa(), Tokens.logistics())) {
            Api.as(token).contentType(ContentType.JSON).body(body.toString()).post(Products.PRODUCTS).then()
                    .statusCode(403).body("type", equalTo("urn:vein2vein:problem:forbidden"));
            Api.as(token).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                    .body(Products.definitionLike(Products.AUTOLOGOUS, code).toString())
                    .put(Products.PRODUCTS + "/{code}", code).then()
                    .statusCode(403).body("type", equalTo("urn:vein2vein:problem:forbidden"));
        }
        RestAssured.given().get(Products.PRODUCTS).then().statusCode(401)
                .body("type", equalTo("urn:vein2vein:problem:unauthenticated"));
        RestAssured.given().contentType(ContentType.JSON).body(body.toString()).post(Products.PRODUCTS)
                .then().statusCode(401);
        assertThat(Products.versionRows()).isEqualTo(versions);
    }

    @Test
    void aDefinitionThatDoesNotHoldTogetherIsRefusedWithEachFaultAndNothingIsSaved() {
        ObjectNode body = Products.definitionLike(Products.AUTOLOGOUS, Products.newCode("CART-BAD"));
        body.withArray("/stagePlan/transitions").remove(16); // THAWED -> INFUSED
        body.withArray("/timeWindows").addObject().put("name", "receipt-after-infusion").put("from", "INFUSED")
                .put("to", "COLLECTED").put("max", "PT1H");
        body.withArray("/timeWindows").addObject().put("name", "unreadable").put("from", "COLLECTED")
                .put("to", "INFUSED").put("max", "48 hours");
        body.withObject("/release").put("sterilityNegative", false);
        body.withObject("/release/dose").put("max", 1);
        long versions = Products.versionRows();
        long products = Products.productRows();

        Products.create(body).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations.field", hasItem("timeWindows[5].max"));
        body.withArray("/timeWindows").remove(5);
        Products.create(body).statusCode(400)
                .body("violations.field", containsInAnyOrder("stagePlan.transitions", "stagePlan.transitions",
                        "release.sterilityNegative", "release.dose.max"));

        assertThat(Products.versionRows()).isEqualTo(versions);
        assertThat(Products.productRows()).isEqualTo(products);
    }

    @Test
    void windowsMustNameStagesOfThePlanInOrder() {
        ObjectNode body = Products.definitionLike(Products.AUTOLOGOUS, Products.newCode("CART-WIN"));
        body.withArray("/timeWindows").addObject().put("name", "allocation-to-shipment").put("from", "ALLOCATED")
                .put("to", "SHIPPED_TO_SITE").put("max", "PT2H");
        body.withArray("/timeWindows").addObject().put("name", "backwards").put("from", "THAWED")
                .put("to", "RECEIVED_AT_SITE").put("max", "PT2H");

        Products.create(body).statusCode(400)
                .body("violations.field", containsInAnyOrder("timeWindows[4].from", "timeWindows[5].to"));
    }

    @Test
    void badInputIsRefusedWithViolationsAndNothingIsSaved() {
        long versions = Products.versionRows();
        ObjectNode missing = Products.definitionLike(Products.AUTOLOGOUS, Products.newCode("CART-MISS"));
        missing.remove("release");
        missing.remove("name");
        ObjectNode unknownField = Products.definitionLike(Products.AUTOLOGOUS, Products.newCode("CART-UNK"));
        unknownField.put("createdBy", "someone");
        ObjectNode unknownStage = Products.definitionLike(Products.AUTOLOGOUS, Products.newCode("CART-STG"));
        unknownStage.withObject("/stagePlan").putArray("repeatable").add("BOILED");
        ObjectNode unknownPhase = Products.definitionLike(Products.AUTOLOGOUS, Products.newCode("CART-PHS"));
        unknownPhase.withObject("/temperatureClasses").put("IN_THE_SUN", "FRESH_2_TO_8_C");
        ObjectNode textForNumber = Products.definitionLike(Products.AUTOLOGOUS, Products.newCode("CART-NUM"));
        textForNumber.withObject("/release/dose").put("min", "60000000");
        ObjectNode badCode = Products.definitionLike(Products.AUTOLOGOUS, "cart lower");

        Products.create(missing).statusCode(400).body("violations.field", containsInAnyOrder("name", "release"));
        Products.create(unknownField).statusCode(400).body("violations.field", hasItem("createdBy"));
        Products.create(unknownStage).statusCode(400).body("violations.field", hasItem("stagePlan.repeatable[0]"));
        Products.create(unknownPhase).statusCode(400).body("type", equalTo("urn:vein2vein:problem:invalid-request"));
        Products.create(textForNumber).statusCode(400).body("violations.field", hasItem("release.dose.min"));
        Products.create(badCode).statusCode(400).body("violations.field", hasItem("code"));
        Api.as(Tokens.admin()).contentType(ContentType.JSON).body("{\"code\": ").post(Products.PRODUCTS).then()
                .statusCode(400).body("type", equalTo("urn:vein2vein:problem:malformed-json"));

        assertThat(Products.versionRows()).isEqualTo(versions);
    }
}

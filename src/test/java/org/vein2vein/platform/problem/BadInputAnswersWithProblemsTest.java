package org.vein2vein.platform.problem;

import static org.vein2vein.testing.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.vein2vein.testing.Api;

/**
 * Whatever a client sends, a wrong request is answered with an RFC 9457 problem: a 4xx of media
 * type application/problem+json that says what is wrong, names the offending field, reveals
 * nothing of the implementation, and leaves the database exactly as it was.
 */
@QuarkusTest
class BadInputAnswersWithProblemsTest {

    private static final String BATCHES = "/api/v1/batches";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** A COI that passes its check character but that no batch has. */
    private static final String UNKNOWN_COI = "V2V0000000000" + checkCharacterOf("V2V0000000000");
    private static final List<String> IMPLEMENTATION_DETAILS = List.of("java.", "jakarta.", "com.fasterxml",
            "org.vein2vein", "io.quarkus", "io.vertx", "org.jboss", "org.hibernate", "Exception", "\tat ");

    private final ObjectMapper json = new ObjectMapper();

    // --- Registering a batch -----------------------------------------------------------------

    @Nested
    class RegisteringABatch {

        @Test
        void refusesTruncatedJsonSayingWhereItBroke() {
            JsonPath problem = refused(400, "malformed-json", BATCHES,
                    () -> postJson(BATCHES, "{\"type\": \"AUTOLOGOUS\", \"subjectRef"));
            assertThat(problem.getString("detail")).contains("line 1");
        }

        @Test
        void refusesGarbageThatIsNotJson() {
            refused(400, "malformed-json", BATCHES, () -> postJson(BATCHES, "type=AUTOLOGOUS&subject=PSN-1"));
        }

        @Test
        void refusesGarbageAfterTheObject() {
            refused(400, "malformed-json", BATCHES, () -> postJson(BATCHES, registration() + " trailing"));
        }

        @Test
        void refusesASecondObjectAfterTheFirst() {
            JsonPath problem = refused(400, "invalid-request", BATCHES,
                    () -> postJson(BATCHES, registration() + " " + registration()));
            assertThat(problem.getString("detail")).contains("single JSON object");
        }

        @Test
        void refusesAnEmptyBody() {
            refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, ""));
        }

        @Test
        void refusesTheJsonLiteralNull() {
            refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, "null"));
        }

        @Test
        void refusesAJsonArrayInsteadOfAnObject() {
            JsonPath problem = refused(400, "invalid-request", BATCHES,
                    () -> postJson(BATCHES, "[" + registration() + "]"));
            assertThat(problem.getString("detail")).contains("JSON object");
        }

        @Test
        void refusesAJsonStringInsteadOfAnObject() {
            refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, "\"AUTOLOGOUS\""));
        }

        @Test
        void refusesBytesThatAreNotUtf8NamingTheField() {
            byte[] body = ("{\"type\": \"AUTOLOGOUS\", \"subjectReference\": \"PSN-\u00ff\"}")
                    .getBytes(StandardCharsets.ISO_8859_1);
            assertViolation(refused(400, "invalid-request", BATCHES,
                    () -> given().contentType("application/json; charset=UTF-8").body(body).post(BATCHES)),
                    "subjectReference", "cannot be read");
        }

        @Test
        void refusesUnknownPropertyNamingIt() {
            ObjectNode body = registrationNode().put("colour", "blue");
            assertViolation(refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body)), "colour",
                    "not a known property");
        }

        @ParameterizedTest
        @ValueSource(strings = { "coi", "stage", "ledgerSequence", "ledgerHeadHash", "registeredAt", "operator",
                "actor" })
        void refusesPropertiesTheServiceOwns(String serverOwned) {
            ObjectNode body = registrationNode().put(serverOwned, "V2V7K3Q9P2XRTB");
            assertViolation(refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body)), serverOwned,
                    "not a known property");
        }

        @Test
        void refusesANumberWhereAStringBelongs() {
            ObjectNode body = registrationNode().put("subjectReference", 4711);
            assertViolation(refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body)),
                    "subjectReference", "string");
        }

        @Test
        void refusesAnObjectWhereAStringBelongs() {
            ObjectNode body = registrationNode();
            body.putObject("productCode").put("code", "CART-GD2-AUTO");
            assertViolation(refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body)), "productCode",
                    "string");
        }

        @Test
        void refusesAnArrayWhereAStringBelongs() {
            ObjectNode body = registrationNode();
            body.putArray("collectionSite").add("SITE-LYON-01");
            assertViolation(refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body)), "collectionSite",
                    "string");
        }

        @Test
        void refusesABooleanWhereAStringBelongs() {
            ObjectNode body = registrationNode().put("collectionSite", true);
            assertViolation(refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body)),
                    "collectionSite", "string");
        }

        @Test
        void refusesAnUnknownBatchTypeListingTheKnownOnes() {
            ObjectNode body = registrationNode().put("type", "XENOGENEIC");
            JsonPath problem = refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body));
            assertViolation(problem, "type", "AUTOLOGOUS");
            assertViolation(problem, "type", "ALLOGENEIC");
            assertThat(problem.getString("detail")).doesNotContain("XENOGENEIC");
        }

        @ParameterizedTest
        @ValueSource(strings = { "autologous", "Autologous", " AUTOLOGOUS", "", "0", "1" })
        void refusesBatchTypesSpelledAnyOtherWay(String type) {
            ObjectNode body = registrationNode().put("type", type);
            assertViolation(refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body)), "type", "");
        }

        @Test
        void refusesABatchTypeGivenByNumber() {
            ObjectNode body = registrationNode().put("type", 0);
            assertViolation(refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body)), "type", "");
        }

        @ParameterizedTest
        @ValueSource(strings = { "type", "subjectReference", "productCode", "collectionSite" })
        void refusesARegistrationMissingARequiredField(String field) {
            ObjectNode body = registrationNode();
            body.remove(field);
            assertViolation(refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body)), field,
                    "must not be null");
        }

        @Test
        void refusesAnExplicitNullForARequiredField() {
            ObjectNode body = registrationNode().putNull("subjectReference");
            assertViolation(refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body)),
                    "subjectReference", "must not be null");
        }

        @Test
        void listsEveryMissingFieldOfAnEmptyObject() {
            JsonPath problem = refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, "{}"));
            assertThat(problem.getList("violations.field", String.class))
                    .containsExactly("collectionSite", "productCode", "subjectReference", "type");
            assertThat(problem.getString("detail")).contains("4 fields");
        }

        @ParameterizedTest
        @ValueSource(strings = { "John Smith", "PSN 7F3K 22", "Smith, John *1961-04-02", "ab", "-PSN-7F3K",
                "PSN/7F3K", "PSN-7F3K-22\n", "" })
        void refusesASubjectReferenceThatIsNotAPseudonymousIdentifier(String subjectReference) {
            ObjectNode body = registrationNode().put("subjectReference", subjectReference);
            JsonPath problem = refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body));
            if (!subjectReference.isEmpty()) {
                assertViolation(problem, "subjectReference", "pseudonymous identifier");
            }
            if (subjectReference.length() > 3) {
                assertThat(problem.prettify()).as("a refused identifier is not echoed")
                        .doesNotContain(subjectReference.strip());
            }
        }

        @Test
        void refusesASubjectReferenceLongerThan64Characters() {
            assertThat(registerWith("subjectReference", "P".repeat(64)).statusCode()).isEqualTo(201);
            ObjectNode body = registrationNode().put("subjectReference", "P".repeat(65));
            assertViolation(refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body)),
                    "subjectReference", "3 to 64");
        }

        @Test
        void refusesAVeryLongStringWithoutEchoingIt() {
            ObjectNode body = registrationNode().put("collectionSite", "S".repeat(200_000));
            JsonPath problem = refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body));
            assertViolation(problem, "collectionSite", "3 to 64");
            assertThat(problem.prettify()).hasSizeLessThan(2_000);
        }

        @ParameterizedTest
        @ValueSource(strings = { "cart-gd2-auto", "C", "CART GD2", "CART_GD2" })
        void refusesAProductCodeOfTheWrongShape(String productCode) {
            ObjectNode body = registrationNode().put("productCode", productCode);
            assertViolation(refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body)), "productCode",
                    "upper-case");
        }

        @Test
        void listsEveryInvalidFieldAtOnce() {
            ObjectNode body = registrationNode().put("subjectReference", "John Smith").put("productCode", "x");
            JsonPath problem = refused(400, "invalid-request", BATCHES, () -> postJson(BATCHES, body));
            assertThat(problem.getList("violations.field", String.class))
                    .containsExactly("productCode", "subjectReference");
        }

        @Test
        void refusesDuplicateKeys() {
            String body = "{\"type\": \"AUTOLOGOUS\", \"subjectReference\": \"PSN-1-A\", \"productCode\": "
                    + "\"CART-GD2-AUTO\", \"collectionSite\": \"SITE-LYON-01\", "
                    + "\"subjectReference\": \"PSN-1-B\"}";
            JsonPath problem = refused(400, "malformed-json", BATCHES, () -> postJson(BATCHES, body));
            assertThat(problem.getString("detail")).doesNotContain("PSN-1");
        }

        @Test
        void refusesATextPlainBody() {
            refused(415, "unsupported-media-type", BATCHES,
                    () -> given().contentType("text/plain").body(registration()).post(BATCHES));
        }

        @Test
        void refusesAnXmlBody() {
            refused(415, "unsupported-media-type", BATCHES,
                    () -> given().contentType("application/xml").body("<batch/>").post(BATCHES));
        }

        @Test
        void refusesToAnswerAClientThatAcceptsOnlyXml() {
            refused(406, "not-acceptable", BATCHES, () -> given().contentType("application/json")
                    .accept("application/xml").body(registration()).post(BATCHES));
        }

        @Test
        void refusesABodyOverTheSizeLimit() {
            ObjectNode body = registrationNode().put("subjectReference", "P".repeat(600 * 1024));
            refused(413, "payload-too-large", BATCHES, () -> postJson(BATCHES, body));
        }

        @Test
        void answersAnUnsupportedMethodWithTheAllowedOnes() {
            Response response = given().delete(BATCHES);
            assertProblem(response, 405, "method-not-allowed", BATCHES);
            assertThat(response.header("Allow")).isEqualTo("OPTIONS, POST");
        }
    }

    // --- Logging a step ----------------------------------------------------------------------

    @Nested
    class LoggingAStep {

        private String coi;
        private String steps;

        @BeforeEach
        void registerABatch() {
            coi = Api.registerAutologous("PSN-PROBLEMS-01");
            steps = BATCHES + "/" + coi + "/steps";
        }

        @Test
        void acceptsAWellFormedStepWithAnyOffset() {
            String occurredAt = Instant.now().minusSeconds(30).atOffset(java.time.ZoneOffset.ofHours(2)).toString();
            assertThat(postJson(steps, stepNode().put("occurredAt", occurredAt)).statusCode()).isEqualTo(201);
        }

        @Test
        void refusesTruncatedJson() {
            refused(400, "malformed-json", steps, () -> postJson(steps, "{\"stage\": \"COLLECTED\", \"occ"));
        }

        @Test
        void refusesGarbageThatIsNotJson() {
            refused(400, "malformed-json", steps, () -> postJson(steps, "<step stage='COLLECTED'/>"));
        }

        @Test
        void refusesContentAfterTheObject() {
            refused(400, "malformed-json", steps, () -> postJson(steps, step() + "}"));
            refused(400, "invalid-request", steps, () -> postJson(steps, step() + "[]"));
        }

        @Test
        void refusesAnEmptyBody() {
            refused(400, "invalid-request", steps, () -> postJson(steps, ""));
        }

        @Test
        void refusesAJsonArrayOrStringInsteadOfAnObject() {
            refused(400, "invalid-request", steps, () -> postJson(steps, "[" + step() + "]"));
            refused(400, "invalid-request", steps, () -> postJson(steps, "\"COLLECTED\""));
        }

        @Test
        void refusesUnknownPropertyNamingIt() {
            ObjectNode body = stepNode().put("temperatureC", -196);
            assertViolation(refused(400, "invalid-request", steps, () -> postJson(steps, body)), "temperatureC",
                    "not a known property");
        }

        @ParameterizedTest
        @ValueSource(strings = { "sequence", "actor", "hash", "previousHash", "coi", "eventId", "recordedAt" })
        void refusesPropertiesTheLedgerOwns(String ledgerOwned) {
            ObjectNode body = stepNode().put(ledgerOwned, "0".repeat(64));
            assertViolation(refused(400, "invalid-request", steps, () -> postJson(steps, body)), ledgerOwned,
                    "not a known property");
        }

        @Test
        void refusesAnUnknownStageListingTheKnownOnes() {
            ObjectNode body = stepNode().put("stage", "TELEPORTED");
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertViolation(problem, "stage", "COLLECTED");
            assertViolation(problem, "stage", "INFUSED");
        }

        @Test
        void refusesAStageGivenByNumber() {
            assertViolation(refused(400, "invalid-request", steps, () -> postJson(steps, stepNode().put("stage", 1))),
                    "stage", "");
        }

        @Test
        void refusesANumberWhereAStringBelongs() {
            assertViolation(refused(400, "invalid-request", steps,
                    () -> postJson(steps, stepNode().put("site", 1001))), "site", "string");
        }

        @Test
        void refusesAnObjectWhereAStringBelongs() {
            ObjectNode body = stepNode();
            body.putObject("site").put("id", "SITE-LYON-01");
            assertViolation(refused(400, "invalid-request", steps, () -> postJson(steps, body)), "site",
                    "string");
        }

        @Test
        void refusesAnEpochNumberForOccurredAt() {
            long epochSeconds = Instant.now().getEpochSecond();
            assertViolation(refused(400, "invalid-request", steps,
                    () -> postJson(steps, stepNode().put("occurredAt", epochSeconds))), "occurredAt", "ISO-8601");
        }

        @Test
        void refusesAnEpochNumberWrittenAsAStringForOccurredAt() {
            String epochMillis = Long.toString(Instant.now().toEpochMilli());
            assertViolation(refused(400, "invalid-request", steps,
                    () -> postJson(steps, stepNode().put("occurredAt", epochMillis))), "occurredAt", "ISO-8601");
        }

        @ParameterizedTest
        @ValueSource(strings = { "2026-11-25T09:30:00", "2026-11-25", "09:30:00Z", "yesterday", "2026-02-30T09:30:00Z",
                "2026-11-25T25:30:00Z", "25/11/2026 09:30", "" })
        void refusesAnOccurredAtThatIsNotAnInstantWithOffset(String occurredAt) {
            assertViolation(refused(400, "invalid-request", steps,
                    () -> postJson(steps, stepNode().put("occurredAt", occurredAt))), "occurredAt", "");
        }

        @Test
        void refusesAStepDatedFarInTheFuture() {
            JsonPath problem = refused(400, "occurred-at-in-future", steps,
                    () -> postJson(steps, stepNode().put("occurredAt", "2999-01-01T00:00:00Z")));
            assertViolation(problem, "occurredAt", "must not be later than");
            assertThat(Instant.parse(problem.getString("latestAccepted"))).isBefore(Instant.now().plusSeconds(600));
        }

        @Test
        void refusesAStepDatedAtTheEndOfTime() {
            refused(400, "occurred-at-in-future", steps,
                    () -> postJson(steps, stepNode().put("occurredAt", "+1000000000-12-31T23:59:59Z")));
        }

        @Test
        void refusesAStepDatedLongBeforeTheBatchsPreviousEvent() {
            JsonPath problem = refused(409, "occurred-before-previous-event", steps,
                    () -> postJson(steps, stepNode().put("occurredAt", "2001-01-01T00:00:00Z")));
            assertThat(problem.getString("earliestAccepted")).isNotBlank();
        }

        @Test
        void refusesAStepDatedAtTheBeginningOfTime() {
            refused(409, "occurred-before-previous-event", steps,
                    () -> postJson(steps, stepNode().put("occurredAt", "-1000000000-01-01T00:00:00Z")));
        }

        @ParameterizedTest
        @ValueSource(strings = { "stage", "occurredAt", "site", "data" })
        void refusesAStepMissingARequiredField(String field) {
            ObjectNode body = stepNode();
            body.remove(field);
            assertViolation(refused(400, "invalid-request", steps, () -> postJson(steps, body)), field,
                    "must not be null");
        }

        @Test
        void refusesASiteThatIsNotAPseudonymousIdentifier() {
            JsonPath problem = refused(400, "invalid-request", steps,
                    () -> postJson(steps, stepNode().put("site", "Lyon Sud hospital")));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("site");
        }

        @ParameterizedTest
        @ValueSource(strings = { "\"volume 210 ml\"", "[1, 2, 3]", "42", "true" })
        void refusesDataThatIsNotAnObject(String data) {
            String body = step().replace("\"data\":{}", "\"data\":" + data);
            assertViolation(refused(400, "invalid-request", steps, () -> postJson(steps, body)), "data",
                    "JSON object");
        }

        @Test
        void refusesDuplicateKeysInsideData() {
            String body = step().replace("\"data\":{}", "\"data\":{\"volumeMl\": 210, \"volumeMl\": 120}");
            assertViolation(refused(400, "invalid-request", steps, () -> postJson(steps, body)), "data", "");
        }

        @Test
        void refusesDataNestedThousandsOfLevelsDeep() {
            String data = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
            String body = step().replace("\"data\":{}", "\"data\":" + data);
            refused(400, "invalid-request", steps, () -> postJson(steps, body));
        }

        @Test
        void refusesDataNestedMoreDeeplyThanTheLimit() {
            // 101 levels in all: the body and 100 in data.
            String data = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
            String body = step().replace("\"data\":{}", "\"data\":" + data);
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getString("detail")).contains("nesting depth");
        }

        @Test
        void acceptsDataNestedUpToTheLimitAndServesItBack() {
            String data = "{\"a\":".repeat(99) + "1" + "}".repeat(99);
            String body = step().replace("\"data\":{}", "\"data\":" + data);
            String custody = BATCHES + "/" + coi + "/custody";
            assertThat(postJson(steps, body).statusCode()).isEqualTo(201);
            assertThat(given().get(custody).statusCode()).isEqualTo(200);
            assertThat(given().get(custody + "/2").statusCode()).isEqualTo(200);
        }

        @Test
        void refusesDataWithAnUnpairedSurrogateWhichCouldNotBeStoredAsHashed() {
            String body = step().replace("\"data\":{}", "\"data\":{\"notes\":\"tech\\ud800\"}");
            assertViolation(refused(400, "invalid-request", steps, () -> postJson(steps, body)), "data",
                    "surrogate");
        }

        @Test
        void keepsNumbersBeyondDoubleRangeExactlyAsSent() {
            String body = step().replace("\"data\":{}", "\"data\":{\"volumeMl\": 1e400, \"tiny\": 1e-400}");
            assertThat(postJson(steps, body).statusCode()).isEqualTo(201);
            JsonPath event = given().get(BATCHES + "/" + coi + "/custody/2").jsonPath();
            assertThat(given().get(BATCHES + "/" + coi + "/custody").jsonPath().getBoolean("verification.intact"))
                    .isTrue();
            assertThat(given().get(BATCHES + "/" + coi + "/custody/2").asString())
                    .contains("\"volumeMl\":1E+400").contains("\"tiny\":1E-400").doesNotContain("Infinity");
            assertThat(event.getInt("sequence")).isEqualTo(2);
        }

        @Test
        void refusesAStepOutOfOrderNamingTheStagesAllowedNext() {
            String etagBefore = Api.batch(coi).extract().header("ETag");

            JsonPath problem = refused(409, "step-out-of-order", steps,
                    () -> postJson(steps, stepNode().put("stage", "INFUSED")));

            assertThat(problem.getString("currentStage")).isEqualTo("ORDERED");
            assertThat(problem.getString("attemptedStage")).isEqualTo("INFUSED");
            assertThat(problem.getList("allowedNextStages", String.class)).contains("COLLECTED")
                    .doesNotContain("INFUSED");
            Response batch = given().get(BATCHES + "/" + coi);
            assertThat(batch.statusCode()).isEqualTo(200);
            assertThat(batch.jsonPath().getString("stage")).isEqualTo("ORDERED");
            assertThat(batch.jsonPath().getInt("ledgerSequence")).isEqualTo(1);
            assertThat(batch.header("ETag")).isEqualTo(etagBefore);
        }

        @Test
        void refusesATextPlainBody() {
            refused(415, "unsupported-media-type", steps,
                    () -> given().contentType("text/plain").body(step()).post(steps));
        }

        @Test
        void refusesToAnswerAClientThatAcceptsOnlyXml() {
            refused(406, "not-acceptable", steps,
                    () -> given().contentType("application/json").accept("application/xml").body(step()).post(steps));
        }

        @Test
        void refusesABodyOverTheSizeLimit() {
            String body = step().replace("\"data\":{}", "\"data\":{\"notes\":\"" + "n".repeat(600 * 1024) + "\"}");
            refused(413, "payload-too-large", steps, () -> postJson(steps, body));
        }
    }

    // --- Addressing a batch by its COI ------------------------------------------------------

    @Nested
    class AddressingABatch {

        @ParameterizedTest
        @ValueSource(strings = { "not-a-coi", "V2V", "V2V123", "X2V0000000000" + "0", "v2v00000000000",
                "V2V00000000000000", "V2V0000000000%2A%2A", "%20" })
        void refusesAMalformedCoiAsInvalidNotAsUnknown(String malformed) {
            assertInvalidCoi(malformed);
        }

        @Test
        void refusesACoiWithAWrongCheckCharacter() {
            String coi = Api.registerAutologous("PSN-PROBLEMS-02");
            char typo = coi.charAt(coi.length() - 1) == '0' ? '1' : '0';
            String mistyped = coi.substring(0, coi.length() - 1) + typo;
            JsonPath problem = assertInvalidCoi(mistyped);
            assertThat(problem.getString("detail")).contains("check character");
        }

        @Test
        void refusesACoiWithTwoCharactersSwapped() {
            String coi = Api.registerAutologous("PSN-PROBLEMS-03");
            String swapped = coi.substring(0, 3) + coi.charAt(4) + coi.charAt(3) + coi.substring(5);
            if (!swapped.equals(coi)) {
                assertInvalidCoi(swapped);
            }
        }

        @Test
        void answersAWellFormedButUnknownCoiWithBatchNotFound() {
            String path = BATCHES + "/" + UNKNOWN_COI;
            assertProblem(given().get(path), 404, "batch-not-found", path);
            assertProblem(given().get(path + "/custody"), 404, "batch-not-found", path + "/custody");
            assertProblem(given().get(path + "/custody/1"), 404, "batch-not-found", path + "/custody/1");
            refused(404, "batch-not-found", path + "/steps", () -> postJson(path + "/steps", step()));
        }

        @Test
        void answersACustodySequenceThatIsNotANumberWithNotFound() {
            String coi = Api.registerAutologous("PSN-PROBLEMS-04");
            String path = BATCHES + "/" + coi + "/custody/notanumber";
            assertProblem(given().get(path), 404, "not-found", path);
        }

        @ParameterizedTest
        @ValueSource(strings = { "0", "-1", "2", "9223372036854775807" })
        void answersACustodySequenceTheLedgerDoesNotHaveWithEventNotFound(String sequence) {
            String coi = Api.registerAutologous("PSN-PROBLEMS-05");
            String path = BATCHES + "/" + coi + "/custody/" + sequence;
            assertProblem(given().get(path), 404, "custody-event-not-found", path);
        }

        @Test
        void answersAnUnsupportedMethodOnABatchWithTheAllowedOnes() {
            String coi = Api.registerAutologous("PSN-PROBLEMS-06");
            String path = BATCHES + "/" + coi;
            Response response = given().contentType("application/json").body("{}").put(path);
            assertProblem(response, 405, "method-not-allowed", path);
            assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        }

        @Test
        void answersAReadOfTheStepsWithTheAllowedMethods() {
            String path = BATCHES + "/" + Api.registerAutologous("PSN-PROBLEMS-07") + "/steps";
            Response response = given().get(path);
            assertProblem(response, 405, "method-not-allowed", path);
            assertThat(response.header("Allow")).isEqualTo("OPTIONS, POST");
        }

        private JsonPath assertInvalidCoi(String coi) {
            String encoded = coi.replace(" ", "%20");
            String path = BATCHES + "/" + encoded;
            JsonPath problem = assertProblem(given().urlEncodingEnabled(false).get(path), 400, "invalid-coi", null);
            assertViolation(problem, "path.coi", "");
            assertProblem(given().urlEncodingEnabled(false).get(path + "/custody"), 400, "invalid-coi", null);
            refused(400, "invalid-coi", null,
                    () -> postJson(given().urlEncodingEnabled(false), path + "/steps", step()));
            return problem;
        }
    }

    // --- Paths that serve nothing ------------------------------------------------------------

    @Nested
    class AddressingNothing {

        @ParameterizedTest
        @ValueSource(strings = { "/api/v1/nothing", "/nothing", "/api/v2/batches", "/api/v1/batches/V2V0000000000/x/y" })
        void answersAnUnknownPathWithNotFound(String path) {
            assertProblem(given().get(path), 404, "not-found", path);
        }

        @Test
        void answersAPostToAnUnknownPathWithNotFoundWritingNothing() {
            refused(404, "not-found", "/api/v1/nothing", () -> postJson("/api/v1/nothing", registration()));
        }
    }

    // --- Helpers -----------------------------------------------------------------------------

    /**
     * Sends the request and asserts that it was answered with the problem and that not one row was
     * written. {@code instance} may be null when the path is not worth comparing (encoded input).
     */
    private static JsonPath refused(int status, String slug, String instance, Supplier<Response> request) {
        LedgerRowCounts before = LedgerRowCounts.now();
        Response response = request.get();
        JsonPath problem = assertProblem(response, status, slug, instance);
        assertThat(LedgerRowCounts.now()).as("rows after a refused request").isEqualTo(before);
        return problem;
    }

    private static JsonPath assertProblem(Response response, int status, String slug, String instance) {
        String body = response.asString();
        assertThat(response.statusCode()).as("status of %s", body).isEqualTo(status);
        assertThat(response.contentType()).as("media type of %s", body).startsWith(PROBLEM_JSON);
        for (String detail : IMPLEMENTATION_DETAILS) {
            assertThat(body).as("the problem reveals nothing of the implementation").doesNotContain(detail);
        }
        JsonPath problem = response.jsonPath();
        assertThat(problem.getString("type")).as("type of %s", body).isEqualTo("urn:vein2vein:problem:" + slug);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("detail")).isNotBlank();
        if (instance != null) {
            assertThat(problem.getString("instance")).isEqualTo(instance);
        } else {
            assertThat(problem.getString("instance")).startsWith("/");
        }
        return problem;
    }

    private static void assertViolation(JsonPath problem, String field, String messagePart) {
        List<Map<String, String>> violations = problem.getList("violations");
        assertThat(violations).as("violations of %s", problem.prettify())
                .anySatisfy(violation -> {
                    assertThat(violation.get("field")).isEqualTo(field);
                    assertThat(violation.get("message")).isNotBlank().contains(messagePart);
                });
    }

    private Response registerWith(String field, String value) {
        return postJson(BATCHES, registrationNode().put(field, value));
    }

    private Response postJson(String path, Object body) {
        return postJson(given(), path, body);
    }

    private static Response postJson(RequestSpecification request, String path, Object body) {
        return request.contentType("application/json").body(body.toString()).post(path);
    }

    private ObjectNode registrationNode() {
        return json.createObjectNode().put("type", "AUTOLOGOUS").put("subjectReference", "PSN-PROBLEMS-00")
                .put("productCode", "CART-GD2-AUTO").put("collectionSite", "SITE-LYON-01");
    }

    private String registration() {
        return registrationNode().toString();
    }

    /** A step that would be accepted right after registration. */
    private ObjectNode stepNode() {
        ObjectNode step = json.createObjectNode().put("stage", "COLLECTED")
                .put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
                .put("site", "SITE-LYON-01");
        step.putObject("data");
        return step;
    }

    private String step() {
        return stepNode().toString();
    }

    private static char checkCharacterOf(String data) {
        String charset = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";
        int sum = 0;
        for (char c : data.toCharArray()) {
            sum = ((sum + charset.indexOf(c)) * 2) % 37;
        }
        return charset.charAt((38 - sum) % 37);
    }
}

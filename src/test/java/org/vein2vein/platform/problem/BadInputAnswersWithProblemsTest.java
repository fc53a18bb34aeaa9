package org.vein2vein.platform.problem;

import static org.vein2vein.testing.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import org.vein2vein.testing.StageSamples;

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
                assertViolation(problem, "subjectReference", "pseudonymous reference");
            }
            if (subjectReference.length() > 3) {
                assertThat(problem.prettify()).as("a refused identifier is not echoed")
                        .doesNotContain(subjectReference.strip());
            }
        }

        @Test
        void refusesASubjectReferenceLongerThan64Characters() {
            assertThat(registerWith("subjectReference", "P".repeat(63) + "1").statusCode()).isEqualTo(201);
            ObjectNode body = registrationNode().put("subjectReference", "P".repeat(64) + "1");
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
        void refusesAStepDatedInTheFuture() {
            String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            JsonPath problem = refused(400, "occurred-at-in-future", steps,
                    () -> postJson(steps, stepNode().put("occurredAt", tomorrow)));
            assertViolation(problem, "occurredAt", "must not be later than");
            assertThat(Instant.parse(problem.getString("latestAccepted"))).isBefore(Instant.now().plusSeconds(600));
        }

        @ParameterizedTest
        @ValueSource(strings = { "+1000000000-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "2999-01-01T00:00:00Z",
                "2100-01-01T00:00:00.000001Z" })
        void refusesAStepDatedBeyondThePlausibleRange(String occurredAt) {
            JsonPath problem = refused(400, "invalid-request", steps,
                    () -> postJson(steps, stepNode().put("occurredAt", occurredAt)));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("occurredAt");
            assertViolation(problem, "occurredAt", "must be between 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z");
        }

        @Test
        void refusesAStepDatedLongBeforeTheBatchsPreviousEvent() {
            JsonPath problem = refused(409, "occurred-before-previous-event", steps,
                    () -> postJson(steps, stepNode().put("occurredAt", "2001-01-01T00:00:00Z")));
            assertThat(problem.getString("earliestAccepted")).isNotBlank();
        }

        @ParameterizedTest
        @ValueSource(strings = { "-1000000000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1999-12-31T23:59:59.999Z" })
        void refusesAStepDatedBeforeThePlausibleRange(String occurredAt) {
            JsonPath problem = refused(400, "invalid-request", steps,
                    () -> postJson(steps, stepNode().put("occurredAt", occurredAt)));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("occurredAt");
            assertViolation(problem, "occurredAt", "must be between 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z");
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
            String body = stepWithData(data);
            assertViolation(refused(400, "invalid-request", steps, () -> postJson(steps, body)), "data",
                    "JSON object");
        }

        @Test
        void refusesDuplicateKeysInsideData() {
            // Valid collection data but for its volume, given twice.
            String body = stepWithData(collectionData().toString().replaceFirst("\\{", "{\"volumeMl\": 120, "));
            assertViolation(refused(400, "invalid-request", steps, () -> postJson(steps, body)), "data", "");
        }

        @Test
        void refusesDataNestedThousandsOfLevelsDeep() {
            String data = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
            String body = stepWithData(data);
            refused(400, "invalid-request", steps, () -> postJson(steps, body));
        }

        @Test
        void refusesDataNestedMoreDeeplyThanTheLimit() {
            // 101 levels in all: the body and 100 in data.
            String data = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
            String body = stepWithData(data);
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getString("detail")).contains("nesting depth");
        }

        @Test
        void readsDataNestedUpToTheLimitAndJudgesItAsTheStagesTypedData() {
            // Stage data is typed now, and no stage's data nests this deep: 100 levels pass the reader's
            // limit, and the typed reader refuses the unknown member instead.
            String data = "{\"a\":".repeat(99) + "1" + "}".repeat(99);
            String body = stepWithData(data);
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertViolation(problem, "data.a", "not a known property");
            assertThat(problem.getString("detail")).doesNotContain("nesting depth");
        }

        @Test
        void refusesAnUnpairedSurrogateInATypedStringWhichCouldNotBeStoredAsHashed() {
            ObjectNode data = collectionData().put("donationId", "@@surrogate@@");
            String body = stepWithData(data.toString().replace("@@surrogate@@", "A9999\\ud80026123456"));
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.donationId");
            assertThat(problem.prettify()).doesNotContain("\ud800").doesNotContain("\\ud800");
        }

        @Test
        void refusesAnUnpairedSurrogateInAQcResultsUnit() {
            ObjectNode data = qcData();
            ((ObjectNode) data.get("results").get(0)).put("unit", "@@surrogate@@");
            String body = stepWithData("QC_TESTED", data.toString().replace("@@surrogate@@", "%\\ud800"));
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.results[0].unit");
            assertThat(problem.prettify()).doesNotContain("\ud800").doesNotContain("\\ud800");
        }

        @Test
        void keepsADecimalAtItsFieldsPrecisionExactlyAsSent() {
            String body = stepWithData(collectionData().toString().replaceFirst("\"volumeMl\":[0-9.]+",
                    "\"volumeMl\": 1999.99"));
            assertThat(postJson(steps, body).statusCode()).isEqualTo(201);
            assertThat(given().get(BATCHES + "/" + coi + "/custody").jsonPath().getBoolean("verification.intact"))
                    .isTrue();
            assertThat(given().get(BATCHES + "/" + coi + "/custody/2").asString()).contains("\"volumeMl\":1999.99");
        }

        @Test
        void refusesANumberMorePreciseThanItsFieldEvenBeyondDoubleRange() {
            // 1E-400 mL is above 0 mL, but not a volume to 2 decimal places; as a double it would be 0.
            String body = stepWithData(collectionData().toString().replaceFirst("\"volumeMl\":[0-9.]+",
                    "\"volumeMl\": 1e-400"));
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.volumeMl");
            assertViolation(problem, "data.volumeMl", "2 after");
        }

        @Test
        void refusesANumberBeyondDoubleRangeAboveItsFieldsMaximumWithoutOverflowing() {
            String body = stepWithData(collectionData().toString().replaceFirst("\"volumeMl\":[0-9.]+",
                    "\"volumeMl\": 1e400"));
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsOnly("data.volumeMl");
            assertViolation(problem, "data.volumeMl", "at most 2000 mL");
            assertThat(problem.prettify()).doesNotContain("Infinity");
        }

        @ParameterizedTest
        @ValueSource(strings = { "1e1000", "1e999999999", "1e-999999999", "-1e999999999", "1e2147483647",
                "1e-2147483647", "123456789012345678901234567890123456789012345678901234567890" })
        void refusesNumbersTooLargeOrTooSmallToBePlausibleNamingTheField(String number) {
            for (String field : List.of("volumeMl", "totalNucleatedCells")) {
                String body = stepWithData(collectionData().toString()
                        .replaceFirst("\"" + field + "\":[0-9.]+", "\"" + field + "\": " + number));
                JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
                assertThat(problem.getList("violations.field", String.class)).containsOnly("data." + field);
                assertThat(problem.prettify()).hasSizeLessThan(2_000).doesNotContain(number.substring(1));
            }
        }

        @Test
        void keepsAWholeNumberInADecimalFieldAsSent() {
            String body = stepWithData(collectionData().put("volumeMl", 210).toString());
            assertThat(postJson(steps, body).statusCode()).isEqualTo(201);
            assertThat(given().get(BATCHES + "/" + coi + "/custody/2").asString())
                    .containsPattern("\"volumeMl\":210[,}]").doesNotContain("E+");
        }

        @Test
        void refusesAStepOutOfOrderNamingTheStagesAllowedNext() {
            String etagBefore = Api.batch(coi).extract().header("ETag");

            JsonPath problem = refused(409, "step-out-of-order", steps,
                    () -> postJson(steps, stepNode("INFUSED", coi)));

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
            String body = stepWithData("{\"notes\":\"" + "n".repeat(600 * 1024) + "\"}");
            refused(413, "payload-too-large", steps, () -> postJson(steps, body));
        }
    }

    // --- Stage data -------------------------------------------------------------------------

    /**
     * A step's data is the typed record of its stage: its fields are checked before anything else
     * of the step, so that a batch that could never take the stage still gets told what is wrong.
     */
    @Nested
    class LoggingStageData {

        private String coi;
        private String steps;

        @BeforeEach
        void registerABatch() {
            coi = Api.registerAutologous("PSN-PROBLEMS-08");
            steps = BATCHES + "/" + coi + "/steps";
        }

        @Test
        void refusesAnUnknownFieldInDataNamingIt() {
            ObjectNode body = stepNode("COLLECTED", coi);
            ((ObjectNode) body.get("data")).put("notes", "seal intact");
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.notes");
            assertViolation(problem, "data.notes", "not a known property");
        }

        @Test
        void refusesAnUnknownFieldInsideANestedRecordNamingItsPath() {
            ObjectNode body = stepNode("RECEIVED_AT_MANUFACTURING", coi);
            ((ObjectNode) body.at("/data/identityCheck")).put("scannedBy", "op-0815");
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class))
                    .containsExactly("data.identityCheck.scannedBy");
            assertViolation(problem, "data.identityCheck.scannedBy", "not a known property");
        }

        @Test
        void refusesAQcResultInTheWrongUnit() {
            ObjectNode body = stepNode("QC_TESTED", coi);
            ((ObjectNode) body.at("/data/results/0")).put("unit", "fraction");
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.results[0].unit");
            assertViolation(problem, "data.results[0].unit", "VIABILITY is reported in %");
            assertThat(problem.prettify()).doesNotContain("fraction");
        }

        @Test
        void refusesANegativeCellCount() {
            ObjectNode body = stepNode("COLLECTED", coi);
            ((ObjectNode) body.get("data")).put("totalNucleatedCells", -1);
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.totalNucleatedCells");
            assertViolation(problem, "data.totalNucleatedCells", "greater than or equal to 0");
        }

        @Test
        void refusesACellCountThatIsNotAWholeNumber() {
            ObjectNode body = stepNode("COLLECTED", coi);
            ((ObjectNode) body.get("data")).put("totalNucleatedCells", new BigDecimal("1.2E10"));
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertViolation(problem, "data.totalNucleatedCells", "number");
        }

        @Test
        void refusesACellCountBeyondTheRangeOfALong() {
            String body = stepNode("COLLECTED", coi).toString().replaceFirst("\"totalNucleatedCells\":[0-9]+",
                    "\"totalNucleatedCells\":99999999999999999999999");
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.totalNucleatedCells");
        }

        @Test
        void refusesAViabilityAbove100Percent() {
            ObjectNode body = stepNode("EXPANDED", coi);
            ((ObjectNode) body.get("data")).put("viabilityPercent", 101);
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.viabilityPercent");
            assertViolation(problem, "data.viabilityPercent", "at most 100 %");
        }

        @Test
        void refusesAQcViabilityAbove100Percent() {
            ObjectNode body = stepNode("QC_TESTED", coi);
            ((ObjectNode) body.at("/data/results/0")).put("value", new BigDecimal("100.01"));
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.results[0].value");
            assertViolation(problem, "data.results[0].value", "at most 100 %");
        }

        @ParameterizedTest
        @ValueSource(strings = { "1e400", "10000.0001", "1e1000" })
        void refusesAnEndotoxinResultBeyondEveryPlausibleValue(String endotoxin) {
            ObjectNode body = stepNode("QC_TESTED", coi);
            ((ObjectNode) body.at("/data/results/4")).put("value", new BigDecimal(endotoxin));
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsOnly("data.results[4].value");
            assertThat(problem.prettify()).hasSizeLessThan(2_000);
        }

        @Test
        void refusesAnEndotoxinResultAboveTheTestsMaximumSayingWhatItIs() {
            ObjectNode body = stepNode("QC_TESTED", coi);
            ((ObjectNode) body.at("/data/results/4")).put("value", new BigDecimal("10001"));
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.results[4].value");
            assertViolation(problem, "data.results[4].value", "at most 10000 EU/mL");
        }

        @ParameterizedTest
        @ValueSource(strings = { "startedAt=0000-01-01T00:00:00Z", "endedAt=+10000-01-01T00:00:00Z",
                "startedAt=1999-12-31T23:59:59Z", "endedAt=2100-01-01T00:00:01Z" })
        void refusesACollectionDatedBeyondThePlausibleRangeNamingTheField(String fieldAndInstant) {
            String field = fieldAndInstant.substring(0, fieldAndInstant.indexOf('='));
            ObjectNode body = stepNode("COLLECTED", coi);
            ((ObjectNode) body.get("data")).put(field, fieldAndInstant.substring(field.length() + 1));
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data." + field);
            assertViolation(problem, "data." + field, "must be between 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z");
        }

        @Test
        void refusesAShipmentOutOfStorageSinceBeforeThePlausibleRange() {
            ObjectNode body = stepNode("SHIPPED_TO_SITE", coi);
            ((ObjectNode) body.get("data")).put("outOfStorageSince", "1970-01-01T00:00:00Z");
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.outOfStorageSince");
        }

        @Test
        void refusesADonationIdWithAWrongCheckCharacter() {
            ObjectNode body = stepNode("COLLECTED", coi);
            String din = body.at("/data/donationId").asText();
            String typo = din.substring(0, 13) + (din.charAt(13) == '0' ? '1' : '0');
            ((ObjectNode) body.get("data")).put("donationId", typo);
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.donationId");
            assertViolation(problem, "data.donationId", "check character");
        }

        @ParameterizedTest
        @ValueSource(strings = { "A9990 26 123456", "A99992612345", "a999926123456T", "0999926123456T",
                "A9999261234567T" })
        void refusesADonationIdOfTheWrongShape(String donationId) {
            ObjectNode body = stepNode("COLLECTED", coi);
            ((ObjectNode) body.get("data")).put("donationId", donationId);
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.donationId");
        }

        @Test
        void refusesACollectionThatEndedBeforeItStarted() {
            ObjectNode body = stepNode("COLLECTED", coi);
            ObjectNode data = (ObjectNode) body.get("data");
            String startedAt = data.get("startedAt").asText();
            data.put("startedAt", data.get("endedAt").asText()).put("endedAt", startedAt);
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.endedAt");
            assertViolation(problem, "data.endedAt", "must not be before startedAt");
        }

        @Test
        void refusesMoreCd3CellsThanNucleatedCells() {
            ObjectNode body = stepNode("COLLECTED", coi);
            ((ObjectNode) body.get("data")).put("cd3PositiveCells", 12_000_000_001L);
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.cd3PositiveCells");
        }

        @Test
        void refusesAListElementThatIsNotAUnitIdNamingItsIndex() {
            ObjectNode body = stepNode("CRYOPRESERVED", coi);
            ((ObjectNode) body.get("data")).putArray("unitIds").add("bag 1").add(StageSamples.bag(coi));
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.unitIds[0]");
            assertViolation(problem, "data.unitIds[0]", "must be a unit id");
        }

        @Test
        void refusesAnUnitIdInAListOfRecordsNamingItsIndexAndField() {
            ObjectNode body = stepNode("FORMULATED", coi);
            ((ObjectNode) body.at("/data/units/0")).put("unitId", "bag-1");
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.units[0].unitId");
            assertViolation(problem, "data.units[0].unitId", "must be a unit id");
        }

        @Test
        void refusesANullListElement() {
            ObjectNode body = stepNode("STORED", coi);
            ((ObjectNode) body.get("data")).putArray("unitIds").add(StageSamples.bag(coi)).addNull();
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.unitIds[1]");
            assertViolation(problem, "data.unitIds[1]", "must not be null");
        }

        @Test
        void refusesAValueOfTheWrongTypeNamingItsPath() {
            ObjectNode body = stepNode("FORMULATED", coi);
            ((ObjectNode) body.at("/data/units/0")).put("volumeMl", "70 mL");
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertViolation(problem, "data.units[0].volumeMl", "wrong type");
            assertThat(problem.prettify()).doesNotContain("70 mL");
        }

        @Test
        void refusesAnUnknownCodeListingTheKnownOnes() {
            ObjectNode body = stepNode("SHIPPED_TO_MANUFACTURING", coi);
            ((ObjectNode) body.get("data")).put("temperatureClass", "ROOM_TEMPERATURE");
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertViolation(problem, "data.temperatureClass", "FRESH_2_TO_8_C");
        }

        @Test
        void refusesFreeTextWhereAPseudonymousReferenceBelongs() {
            ObjectNode body = stepNode("INFUSED", coi);
            ((ObjectNode) body.at("/data/identityCheck")).put("patientReference", "Jane Doe *1961-04-02");
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class))
                    .containsExactly("data.identityCheck.patientReference");
            assertThat(problem.prettify()).as("a refused identifier is not echoed").doesNotContain("Jane Doe");
        }

        @Test
        void refusesAnExplicitNullForARequiredField() {
            ObjectNode body = stepNode("THAWED", coi);
            ((ObjectNode) body.get("data")).putNull("identityCheck");
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.identityCheck");
            assertViolation(problem, "data.identityCheck", "must not be null");
        }

        @Test
        void listsEveryMissingFieldOfEmptyData() {
            ObjectNode body = stepNode("COLLECTED", coi);
            body.putObject("data");
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("data.anticoagulant",
                    "data.cd3PositiveCells", "data.donationId", "data.endedAt", "data.startedAt",
                    "data.totalNucleatedCells", "data.volumeMl");
            assertThat(problem.getString("detail")).contains("7 fields");
        }

        @Test
        void refusesTheStageThatStartsABatch() {
            ObjectNode body = stepNode("COLLECTED", coi).put("stage", "ORDERED");
            body.putObject("data");
            JsonPath problem = refused(400, "invalid-request", steps, () -> postJson(steps, body));
            assertThat(problem.getList("violations.field", String.class)).containsExactly("stage");
            assertViolation(problem, "stage", "starts a batch");
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
    class PlanningAShipment {

        @Test
        void namesEachRefusedUnitIdByItsIndex() {
            Instant now = Instant.now();
            ObjectNode plan = json.createObjectNode().put("originSite", "SITE-LYON-01")
                    .put("destinationSite", "MFG-GENT-01").put("courier", "CRYO-COURIER-1").put("shipperId", "CB-0042")
                    .put("temperatureClass", "FRESH_2_TO_8_C").put("plannedPickupAt", now.plusSeconds(600).toString())
                    .put("plannedArrivalAt", now.plusSeconds(7200).toString());
            plan.putArray("unitIds").add("not a unit").addNull();

            JsonPath problem = refused(400, "invalid-request", "/api/v1/shipments",
                    () -> postJson("/api/v1/shipments", plan));

            assertThat(problem.getList("violations.field", String.class)).containsExactly("unitIds[0]", "unitIds[1]");
            assertViolation(problem, "unitIds[0]", "must be a unit id");
            assertViolation(problem, "unitIds[1]", "must not be null");
        }
    }

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

    /** A step that would be accepted right after registration: a collection, with its own donation id. */
    private ObjectNode stepNode() {
        return stepNode("COLLECTED");
    }

    /** A step at {@code stage} with data that is valid for it (whether the batch may take it or not). */
    private ObjectNode stepNode(String stage) {
        return stepNode(stage, "V2V7K3Q9P2XRTB");
    }

    /** A step at {@code stage} with valid data for it, of the batch {@code coi}, registered for PSN-PROBLEMS-01. */
    private ObjectNode stepNode(String stage, String coi) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode step = json.createObjectNode().put("stage", stage).put("occurredAt", now.toString())
                .put("site", "SITE-LYON-01");
        step.set("data", json.valueToTree(StageSamples.of(coi, stage, now, "PSN-PROBLEMS-01")));
        return step;
    }

    private String step() {
        return stepNode().toString();
    }

    /** A collection step whose data is {@code data}, as written (it may not even be JSON). */
    private String stepWithData(String data) {
        return stepWithData("COLLECTED", data);
    }

    private String stepWithData(String stage, String data) {
        return stepNode(stage).put("data", "@@data@@").toString().replace("\"@@data@@\"", data);
    }

    /** Valid collection data, with its own donation id. */
    private ObjectNode collectionData() {
        return (ObjectNode) stepNode().get("data");
    }

    /** Valid QC results, within specification. */
    private ObjectNode qcData() {
        return (ObjectNode) stepNode("QC_TESTED").get("data");
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

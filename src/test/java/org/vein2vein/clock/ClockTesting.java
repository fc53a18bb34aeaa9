package org.vein2vein.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Shipping;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * Batches on products with short time windows, for the tests of the live clocks. Every test that
 * makes a clock leaves it stopped or breached (see {@link #cancel}), so that no watcher event of it
 * turns up later, in another test's row counts.
 */
public final class ClockTesting {

    public static final String WINDOW = "collection-to-receipt";
    public static final String WARNING = "TIME_WINDOW_WARNING_ISSUED";
    public static final String BREACH = "TIME_WINDOW_BREACHED";
    /** The share of a window at which its clock warns: vein2vein.clocks.warning-at, at its default in tests. */
    public static final double WARNING_AT = 0.8;
    /**
     * The window of a product whose clock a test waits to see warned and then breached by the scheduled
     * watcher: its last fifth, when the warning is due and the breach not yet, lasts ten seconds. The
     * watcher is asked to look every second, but its rounds land one to three seconds apart (the
     * scheduler counts an interval from the whole second before, so it skips a tick now and then, and a
     * slow round makes it skip the next one); a clock it first sees past its deadline gets, as designed,
     * only the breach. A span of a second or two can fall between two rounds and lose the warning.
     */
    public static final Duration WATCHED_WINDOW = Duration.ofSeconds(50);
    private static final String SEEDED = "CART-GD2-AUTO";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClockTesting() {
    }

    /**
     * Creates an autologous product like the seeded one whose collection-to-receipt window
     * (COLLECTED to RECEIVED_AT_MANUFACTURING) lasts {@code max}, and returns its code.
     */
    public static String productWithCollectionToReceipt(Duration max) {
        ObjectNode body = JSON.valueToTree(Api.as(Tokens.admin()).get("/api/v1/products/{code}", SEEDED).then()
                .statusCode(200).extract().as(Map.class));
        body.remove("version");
        body.remove("createdAt");
        body.remove("createdBy");
        String code = "CART-CLK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        body.put("code", code);
        for (JsonNode window : (ArrayNode) body.get("timeWindows")) {
            if (WINDOW.equals(window.get("name").asText())) {
                ((ObjectNode) window).put("max", max.toString());
            }
        }
        Api.as(Tokens.admin()).contentType(ContentType.JSON).body(body.toString()).post("/api/v1/products").then()
                .statusCode(201);
        return code;
    }

    /** Registers an autologous batch of {@code productCode} at SITE-LYON-01 and returns its COI. */
    public static String register(String productCode) {
        return Api.given().contentType(ContentType.JSON)
                .body(Map.of("type", "AUTOLOGOUS", "subjectReference", "PSN-CLOCK-01", "productCode", productCode,
                        "collectionSite", "SITE-LYON-01"))
                .post("/api/v1/batches").then().statusCode(201).extract().path("coi");
    }

    /**
     * Logs a step of the batch, by the tests' default technician. The one place these tests say what a
     * step request looks like.
     */
    public static void logStep(String coi, String stage, Instant occurredAt) {
        Api.logStep(coi, stage, occurredAt, Map.of()).statusCode(201);
    }

    /**
     * When to date the collection of a batch on a product with a {@link #WATCHED_WINDOW}: long enough ago
     * that its warning is due at once and its breach ten seconds later, so the test need not wait 40 seconds.
     */
    public static Instant collectedWithTheWarningDue() {
        return Instant.now().minusMillis(Math.round(WATCHED_WINDOW.toMillis() * WARNING_AT))
                .truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Ends the batch's journey, which stops all its clocks: nothing of it is due any more. Cancelled at
     * the site that holds its live units (its collection site if it has none yet), as a side exit of a
     * whole batch must be.
     */
    public static void cancel(String coi) {
        List<String> sites = Api.as(Tokens.qa()).get("/api/v1/batches/{coi}", coi).then().statusCode(200).extract()
                .jsonPath().getList("units.findAll { it.endedBy == null && it.site != null }.site");
        String site = sites.isEmpty() ? Shipping.TREATMENT : sites.get(0);
        Instant now = Instant.now();
        Api.given().contentType(ContentType.JSON)
                .body(Map.of("stage", "CANCELLED", "occurredAt", now.toString(), "site", site,
                        "data", StageSamples.of(coi, "CANCELLED", now, null)))
                .post("/api/v1/batches/{coi}/steps", coi).then().statusCode(201);
    }

    /** The batch's ledger as QA reads it. */
    public static List<JsonNode> ledger(String coi) {
        JsonNode custody = Api.as(Tokens.qa()).queryParam("limit", 1000).get("/api/v1/batches/{coi}/custody", coi)
                .then().statusCode(200).body("verification.intact", org.hamcrest.Matchers.equalTo(true))
                .extract().as(JsonNode.class);
        List<JsonNode> events = new ArrayList<>();
        custody.get("events").forEach(events::add);
        return events;
    }

    /** The events of the batch's ledger of {@code type}. */
    public static List<JsonNode> eventsOf(String coi, String type) {
        return ledger(coi).stream().filter(event -> type.equals(event.get("type").asText())).toList();
    }

    public static long count(String coi, String type) {
        return eventsOf(coi, type).size();
    }
}

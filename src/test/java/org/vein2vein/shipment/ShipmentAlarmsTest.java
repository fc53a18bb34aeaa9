package org.vein2vein.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.vein2vein.testing.StageSamples.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Shipping;
import org.vein2vein.testing.Tokens;

/**
 * The alarms of a shipment in transit: a handover nobody accepts, flagged by its clock once in the
 * ledger of every batch on board; a temperature excursion, which holds what is on board and is
 * published on both topics. Its own profile gives both windows of seconds, so that no other test's
 * handover or readings (dated minutes back) raise alarms in theirs.
 */
@QuarkusTest
@TestProfile(ShipmentAlarmsTest.ShortShipmentWindows.class)
class ShipmentAlarmsTest {

    /** Windows of seconds, as the tests' other clocks have: readings judged from 2 s after packing. */
    public static class ShortShipmentWindows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vein2vein.shipments.handover-acceptance-within", "PT50S",
                    "vein2vein.shipments.stabilisation", "PT2S");
        }
    }

    @Test
    void aHandoverNobodyAcceptsIsFlaggedOnceByItsClock() {
        String coi = ShipmentScenarioTest.collected();
        String id = ShipmentScenarioTest.packedToManufacturing(coi);
        // Released 45 s ago: the 50 s window warns at once (at 40 s) and breaches 5 s later.
        Shipping.release(Tokens.technician(), id, map("occurredAt", Instant.now().minusSeconds(45).toString(),
                "toOrganisation", Shipping.COURIER)).statusCode(201);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                alarms(coi, "TIME_WINDOW_BREACHED")).hasSize(1));
        assertThat(alarms(coi, "TIME_WINDOW_WARNING_ISSUED")).hasSize(1);
        Api.given().get("/api/v1/batches/{coi}/clocks", coi).then().statusCode(200)
                .body("clocks.find { it.window == 'handover-acceptance' }.unitId", equalTo(id + "/H1"));
        // Accepted late, it stays flagged once: no second breach, and its clock stops.
        Shipping.accept(Tokens.logistics(), id, 1, Instant.now()).statusCode(200);
        assertThat(alarms(coi, "TIME_WINDOW_BREACHED")).hasSize(1);
        Api.given().get("/api/v1/batches/{coi}/clocks", coi).then().statusCode(200)
                .body("clocks.find { it.window == 'handover-acceptance' }", org.hamcrest.Matchers.nullValue());
    }

    private static List<Object> alarms(String coi, String type) {
        return Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi).then().extract().jsonPath()
                .getList("events.findAll { it.type == '" + type + "' && it.data.window == 'handover-acceptance' }");
    }

    @Test
    void anExcursionInTransitHoldsTheBatchOnBoardAndIsPublishedOnBothTopics() {
        String coi = ShipmentScenarioTest.storedBatch();
        String bag = org.vein2vein.testing.StageSamples.bag(coi);
        String id = Shipping.plan(Shipping.MANUFACTURING, Shipping.TREATMENT, "CRYO_AT_OR_BELOW_MINUS_150_C",
                List.of(bag)).statusCode(201).extract().path("id");
        Instant packed = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Shipping.pack(id, packed).statusCode(200);
        Shipping.pickUp(id, packed.plusSeconds(1));

        // In range, then 3 readings out of the class (-150 °C at most) after the 2 s stabilisation.
        List<Map<String, Object>> readings = new java.util.ArrayList<>();
        for (int second = 3; second <= 12; second++) {
            double celsius = second >= 8 && second <= 10 ? -121.5 + second : -182.0;
            readings.add(map("at", packed.plusSeconds(second).toString(), "celsius", celsius));
        }
        Map<String, Object> upload = map("loggerId", "LOG-7731-A", "readings", readings);
        Api.as(Tokens.logistics()).contentType(io.restassured.http.ContentType.JSON).body(upload)
                .post("/api/v1/shipments/{id}/temperature-readings", id).then().statusCode(200);

        Api.batch(coi).body("stage", equalTo("QUARANTINED"));
        List<Map<String, Object>> events = Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi).then()
                .extract().jsonPath().getList("events");
        Map<String, Object> excursion = events.get(events.size() - 2);
        Map<String, Object> hold = events.get(events.size() - 1);
        assertThat(excursion.get("type")).isEqualTo("TEMPERATURE_EXCURSION_DETECTED");
        assertThat(excursion.get("site")).isEqualTo(id);
        assertThat(hold.get("stage")).isEqualTo("QUARANTINED");
        assertThat(((Map<?, ?>) hold.get("actor")).get("id")).isEqualTo("vein2vein-temperature-monitor");
        assertThat(((Map<?, ?>) hold.get("data")).get("reason")).isEqualTo("TEMPERATURE_EXCURSION");

        try (org.vein2vein.testing.CustodyTopic custody = new org.vein2vein.testing.CustodyTopic();
                org.vein2vein.testing.ShipmentsTopic partners = new org.vein2vein.testing.ShipmentsTopic()) {
            assertThat(custody.awaitRecords(coi, events.size())).anySatisfy(record -> assertThat(
                    org.vein2vein.testing.CustodyTopic.header(record, "ce_type"))
                    .contains("org.vein2vein.custody.temperature-excursion-detected.v1"));
            assertThat(partners.awaitRecords(id, 5)).anySatisfy(record -> {
                assertThat(org.vein2vein.testing.CustodyTopic.header(record, "ce_type"))
                        .contains("org.vein2vein.shipment.temperature-excursion.v1");
                assertThat(org.vein2vein.testing.CustodyTopic.header(record, "ce_partner")).contains(Shipping.COURIER);
                assertThat(record.value()).contains("\"loggerId\":\"LOG-7731-A\"").doesNotContain("PSN-");
            });
        }

        // The same readings again change nothing: no second excursion.
        Api.as(Tokens.logistics()).contentType(io.restassured.http.ContentType.JSON).body(upload)
                .post("/api/v1/shipments/{id}/temperature-readings", id).then().statusCode(200);
        assertThat(Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi).then().extract().jsonPath()
                .getList("events")).hasSameSizeAs(events);

        // Still delivered and received: into the site's custody, still held.
        Shipping.deliver(id, packed.plusSeconds(20)).statusCode(201);
        Shipping.receive(id, packed.plusSeconds(21), -182.0, Map.of(bag, coi), null).statusCode(200);
        Api.batch(coi).body("stage", equalTo("QUARANTINED"));
    }
}

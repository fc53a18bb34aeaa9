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
 * A handover nobody accepts is flagged by its clock, once, in the ledger of every batch on board. Its
 * own profile gives handovers the 50 s window of the other clock tests, so that no other test's
 * handover (accepted in milliseconds, but dated minutes back) raises alarms in theirs.
 */
@QuarkusTest
@TestProfile(HandoverClockTest.ShortAcceptanceWindow.class)
class HandoverClockTest {

    public static class ShortAcceptanceWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vein2vein.shipments.handover-acceptance-within", "PT50S");
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
}

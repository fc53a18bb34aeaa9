package org.vein2vein.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.vein2vein.testing.StageSamples.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Shipping;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * Shipments through the API as sites and couriers use them: custody passes only when both sides of
 * a handover have acted, every handover is in each batch's ledger, units are where the record says,
 * and the unsafe moves a clinic could make are refused with nothing written.
 */
@QuarkusTest
class ShipmentScenarioTest {

    private static final String DEPOT = "AIRPORT-DEPOT-LYS";

    @Test
    void freshApheresisTravelsAt2To8WithinItsWindowThroughACourierHandoverChain() {
        String coi = collected();
        String din = Shipping.materialOf(coi).get(0);
        // Dated so that no handover waits anywhere near its 40 s warning.
        Instant packed = Instant.now().minusSeconds(30);

        JsonPath planned = Shipping.plan(Shipping.TREATMENT, Shipping.MANUFACTURING, "FRESH_2_TO_8_C", List.of(din))
                .statusCode(201).header("ETag", "\"1\"")
                .body("status", equalTo("PLANNED")).body("custodian", equalTo("HOSP-LYON"))
                .body("leg", equalTo("TO_MANUFACTURING")).extract().jsonPath();
        String id = planned.getString("id");
        assertThat(id).matches("SHP-[0-9A-Z]{12}");

        Shipping.pack(id, packed).statusCode(200).body("status", equalTo("PACKED"));
        Api.batch(coi).body("stage", equalTo("SHIPPED_TO_MANUFACTURING"));
        unit(din).body("shipmentId", equalTo(id)).body("site", nullValue()).body("custodian", equalTo("HOSP-LYON"));

        // The origin releases to the courier: until the courier accepts, the origin still holds it.
        Shipping.release(Tokens.technician(), id, map("occurredAt", packed.plusSeconds(5).toString(),
                "toOrganisation", Shipping.COURIER, "place", "LYON-APHERESIS")).statusCode(201)
                .body("pendingHandover", equalTo(1)).body("custodian", equalTo("HOSP-LYON"));
        unit(din).body("custodian", equalTo("HOSP-LYON"));
        Shipping.accept(Tokens.logistics(), id, 1, packed.plusSeconds(6)).statusCode(200)
                .body("status", equalTo("PICKED_UP")).body("custodian", equalTo(Shipping.COURIER))
                .body("pendingHandover", nullValue());
        unit(din).body("custodian", equalTo(Shipping.COURIER));

        // A leg through the airport depot, another organisation.
        Shipping.release(Tokens.logistics(), id, map("occurredAt", packed.plusSeconds(10).toString(),
                "toOrganisation", DEPOT, "place", "LYS-CARGO-DEPOT")).statusCode(201);
        Shipping.accept(depot(), id, 2, packed.plusSeconds(11)).statusCode(200).body("custodian", equalTo(DEPOT));
        Shipping.release(depot(), id, map("occurredAt", packed.plusSeconds(20).toString(), "toDestination", true))
                .statusCode(201).body("status", equalTo("DELIVERED"));

        Shipping.receive(id, packed.plusSeconds(30), 4.6, Map.of(din, coi), null).statusCode(200)
                .body("status", equalTo("RECEIVED")).body("custodian", equalTo("MFG-GENT"))
                .body("handovers.size()", equalTo(3)).body("handovers[2].acceptedBy.role", equalTo("technician"));
        Api.batch(coi).body("stage", equalTo("RECEIVED_AT_MANUFACTURING"));
        unit(din).body("site", equalTo(Shipping.MANUFACTURING)).body("shipmentId", nullValue())
                .body("custodian", equalTo("MFG-GENT"));

        JsonPath custody = Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi).then().statusCode(200)
                .body("verification.intact", equalTo(true)).extract().jsonPath();
        List<String> kinds = custody.getList("events.findAll { it.sequence > 2 }.collect { it.type + ':' + it.stage }");
        assertThat(kinds).containsExactly("STEP_RECORDED:SHIPPED_TO_MANUFACTURING",
                "HANDOVER_RELEASED:SHIPPED_TO_MANUFACTURING", "HANDOVER_ACCEPTED:SHIPPED_TO_MANUFACTURING",
                "HANDOVER_RELEASED:SHIPPED_TO_MANUFACTURING", "HANDOVER_ACCEPTED:SHIPPED_TO_MANUFACTURING",
                "HANDOVER_RELEASED:SHIPPED_TO_MANUFACTURING", "STEP_RECORDED:RECEIVED_AT_MANUFACTURING");
        // The collection-to-receipt window ran from collection to this receipt, within its limit.
        assertThat(custody.getString("events.find { it.stage == 'RECEIVED_AT_MANUFACTURING' }.data.shipmentId"))
                .isEqualTo(id);
    }

    @Test
    void custodyDoesNotPassWithoutBothSidesAndOnlyTheHolderHandsOver() {
        String coi = collected();
        String id = packedToManufacturing(coi);
        Instant at = Instant.now().minusSeconds(30);

        // The courier cannot take what was not released to it, nor can it release what it does not hold.
        Shipping.accept(Tokens.logistics(), id, 1, at).statusCode(409).body("type", endsWith("shipment-out-of-order"));
        Shipping.release(Tokens.logistics(), id, map("occurredAt", at.toString(), "toDestination", true))
                .statusCode(403);
        // The origin hands it to its courier first, not to anyone else.
        Shipping.release(Tokens.technician(), id, map("occurredAt", at.toString(), "toOrganisation", DEPOT))
                .statusCode(409);
        Shipping.release(Tokens.technician(), id, map("occurredAt", at.toString(), "toOrganisation",
                Shipping.COURIER)).statusCode(201);
        // Another partner cannot accept a handover addressed to the courier; a second release waits.
        Shipping.accept(depot(), id, 1, at.plusSeconds(1)).statusCode(404);
        Shipping.release(Tokens.technician(), id, map("occurredAt", at.plusSeconds(1).toString(),
                "toOrganisation", Shipping.COURIER)).statusCode(409).body("pendingHandover", equalTo(1));
        Shipping.accept(Tokens.logistics(), id, 1, at.plusSeconds(2)).statusCode(200);
        // The destination accepts only by receiving, and only once the courier delivered.
        Shipping.receive(id, at.plusSeconds(3), 4.0, Map.of(Shipping.materialOf(coi).get(0), coi), null)
                .statusCode(409).body("type", endsWith("shipment-out-of-order"));
    }

    @Test
    void aReceiptMustReceiveExactlyThePackedUnitsAndNothingChangesOtherwise() {
        String first = collected();
        String second = collected();
        List<String> units = List.of(Shipping.materialOf(first).get(0), Shipping.materialOf(second).get(0));
        String id = Shipping.plan(Shipping.TREATMENT, Shipping.MANUFACTURING, "FRESH_2_TO_8_C", units)
                .statusCode(201).extract().path("id");
        Instant packed = Instant.now().minusSeconds(60);
        Shipping.pack(id, packed).statusCode(200);
        Shipping.pickUp(id, packed.plusSeconds(1));
        Shipping.deliver(id, packed.plusSeconds(2)).statusCode(201);
        long before = ledgerLength(first);

        Shipping.receive(id, packed.plusSeconds(3), 4.0, Map.of(units.get(0), first), null).statusCode(409)
                .body("type", endsWith("received-units-differ")).body("missing", hasItem(units.get(1)));

        given(id).body("status", equalTo("DELIVERED"));
        assertThat(ledgerLength(first)).isEqualTo(before);
        Api.batch(second).body("stage", equalTo("SHIPPED_TO_MANUFACTURING"));

        Shipping.receive(id, packed.plusSeconds(3), 4.0, Map.of(units.get(0), first, units.get(1), second), null)
                .statusCode(200);
        Api.batch(first).body("stage", equalTo("RECEIVED_AT_MANUFACTURING"));
        Api.batch(second).body("stage", equalTo("RECEIVED_AT_MANUFACTURING"));
    }

    @Test
    void aCryoShipmentArrivingWarmIsRefusedUnlessAcceptedUnderADeviation() {
        String coi = Api.registerAutologous("PSN-WARM-" + System.nanoTime() % 100_000);
        Instant at = Instant.now().minusSeconds(100);
        for (String stage : StageSamplesPath.TO_STORED) {
            at = at.plusSeconds(5);
            Api.advance(coi, stage, at);
        }
        String bag = StageSamples.bag(coi);
        String id = Shipping.plan(Shipping.MANUFACTURING, Shipping.TREATMENT, "CRYO_AT_OR_BELOW_MINUS_150_C",
                List.of(bag)).statusCode(201).extract().path("id");
        Instant packed = Instant.now().minusSeconds(30);
        Shipping.pack(id, packed).statusCode(200);
        Shipping.pickUp(id, packed.plusSeconds(1));
        Shipping.deliver(id, packed.plusSeconds(2)).statusCode(201);

        Shipping.receive(id, packed.plusSeconds(3), 22.0, Map.of(bag, coi), null).statusCode(409)
                .body("type", endsWith("arrival-temperature-out-of-range"));
        Api.batch(coi).body("stage", equalTo("SHIPPED_TO_SITE"));

        Shipping.receive(id, packed.plusSeconds(3), 22.0, Map.of(bag, coi), "DEV-2026-0042").statusCode(200);
        JsonPath custody = Api.given().get("/api/v1/batches/{coi}/custody", coi).then().extract().jsonPath();
        assertThat(custody.getString("events.find { it.stage == 'RECEIVED_AT_SITE' }.data.deviationReference"))
                .isEqualTo("DEV-2026-0042");
        assertThat(custody.getDouble("events.find { it.stage == 'RECEIVED_AT_SITE' }.data.temperatureOnArrivalC"))
                .isEqualTo(22.0);
    }

    @Test
    void aWrongLabelAtReceiptHoldsTheBatchWhichIsThenReceivedStillHeldAndResumesFromThere() {
        String coi = storedBatch();
        String bag = StageSamples.bag(coi);
        String id = Shipping.plan(Shipping.MANUFACTURING, Shipping.TREATMENT, "CRYO_AT_OR_BELOW_MINUS_150_C",
                List.of(bag)).statusCode(201).extract().path("id");
        Instant packed = Instant.now().minusSeconds(30);
        Shipping.pack(id, packed).statusCode(200);
        Shipping.pickUp(id, packed.plusSeconds(1));
        Shipping.deliver(id, packed.plusSeconds(2)).statusCode(201);

        // The label scanned at receipt shows another batch's COI: kept on record, the batch held.
        Shipping.receive(id, packed.plusSeconds(3), -182.5, Map.of(bag, "V2V7K3Q9P2XRTB"), null).statusCode(409)
                .body("type", endsWith("identity-mismatch")).body("coi", equalTo(coi))
                .body("hold", org.hamcrest.Matchers.notNullValue());
        given(id).body("status", equalTo("DELIVERED"));
        Api.batch(coi).body("stage", equalTo("QUARANTINED"));

        // Held, its labels are still checked at receipt: a wrong one is kept on record, no second hold.
        Shipping.receive(id, packed.plusSeconds(4), -182.5, Map.of(bag, "V2V7K3Q9P2XRTB"), null).statusCode(409)
                .body("type", endsWith("identity-mismatch")).body("hold", nullValue());
        given(id).body("status", equalTo("DELIVERED"));

        // The shipment is still received: its unit comes into the site's custody, the batch stays held.
        Shipping.receive(id, packed.plusSeconds(4), -182.5, Map.of(bag, coi), null).statusCode(200);
        Api.batch(coi).body("stage", equalTo("QUARANTINED")).body("allowedNextStages", hasItem("RECEIVED_AT_SITE"));
        unit(bag).body("site", equalTo(Shipping.TREATMENT)).body("custodian", equalTo("HOSP-LYON"));
        JsonPath custody = Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi).then().extract().jsonPath();
        assertThat(custody.getBoolean("events[-1].data.heldAtReceipt")).isTrue();
        assertThat(custody.getString("events[-1].type")).isEqualTo("HANDOVER_ACCEPTED");

        // Lifting the hold: the receipt logged again where the unit now is, with a fresh identity check.
        Api.logStep(coi, "RECEIVED_AT_SITE", Instant.now(), StageSamples.of(coi, "RECEIVED_AT_SITE", Instant.now(),
                null)).statusCode(201).body("batch.stage", equalTo("RECEIVED_AT_SITE"));
        Api.advance(coi, "THAWED");
    }

    @Test
    void aUnitTravelsOnOneOpenShipmentOnlyAndOnlyToWhereItIsBound() {
        String coi = Api.registerAutologous("PSN-BOUND-" + System.nanoTime() % 100_000);
        Instant at = Instant.now().minusSeconds(100);
        for (String stage : StageSamplesPath.TO_STORED) {
            at = at.plusSeconds(5);
            Api.advance(coi, stage, at);
        }
        String bag = StageSamples.bag(coi);
        // Bound for its patient's treatment site (the collection site), not for Brussels.
        Shipping.plan(Shipping.MANUFACTURING, "SITE-BRUX-02", "CRYO_AT_OR_BELOW_MINUS_150_C", List.of(bag))
                .statusCode(409).body("type", endsWith("not-the-batch-destination"));
        Shipping.plan(Shipping.MANUFACTURING, Shipping.TREATMENT, "CRYO_AT_OR_BELOW_MINUS_150_C", List.of(bag))
                .statusCode(201);
        Shipping.plan(Shipping.MANUFACTURING, Shipping.TREATMENT, "CRYO_AT_OR_BELOW_MINUS_150_C", List.of(bag))
                .statusCode(409).body("type", endsWith("unit-on-another-shipment")).body("unitIds", hasItem(bag));
        // From where it is not, it does not leave.
        Shipping.plan(Shipping.TREATMENT, Shipping.MANUFACTURING, "CRYO_AT_OR_BELOW_MINUS_150_C", List.of(bag))
                .statusCode(409).body("type", endsWith("unit-not-shippable"));
        // An empty shipment is never planned, so never packed.
        Shipping.plan(Shipping.MANUFACTURING, Shipping.TREATMENT, "CRYO_AT_OR_BELOW_MINUS_150_C", List.of())
                .statusCode(400);
    }

    @Test
    void anUnreleasedBatchIsNotPackedForTheTreatmentSite() {
        String coi = Api.registerAutologous("PSN-UNREL-" + System.nanoTime() % 100_000);
        Instant at = Instant.now().minusSeconds(100);
        for (String stage : List.of("COLLECTED", "SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING", "ACCEPTED",
                "GENE_MODIFIED", "EXPANDED", "FORMULATED", "CRYOPRESERVED")) {
            at = at.plusSeconds(5);
            Api.advance(coi, stage, at);
        }
        String id = Shipping.plan(Shipping.MANUFACTURING, Shipping.TREATMENT, "CRYO_AT_OR_BELOW_MINUS_150_C",
                List.of(StageSamples.bag(coi))).statusCode(201).extract().path("id");
        long before = ledgerLength(coi);

        Shipping.pack(id, Instant.now().minusSeconds(5)).statusCode(409).body("type", endsWith("step-out-of-order"))
                .body("coi", equalTo(coi));

        given(id).body("status", equalTo("PLANNED"));
        assertThat(ledgerLength(coi)).isEqualTo(before);
        unit(StageSamples.bag(coi)).body("site", equalTo(Shipping.MANUFACTURING));
    }

    @Test
    void packingIsRefusedInAShipperThatIsExpiredUnfitForTheClassOrTooShortForTheTransit() {
        String coi = collected();
        List<String> material = Shipping.materialOf(coi);
        for (Map.Entry<String, String> unfit : Map.of("DS-0007", "QUALIFICATION_EXPIRED",
                "DS-0192", "TYPE_DOES_NOT_FIT_CLASS", "DS-0300", "TYPE_DOES_NOT_FIT_CLASS").entrySet()) {
            String id = Shipping.plan(Tokens.technician(), Shipping.TREATMENT, Shipping.MANUFACTURING,
                    "FRESH_2_TO_8_C", material, unfit.getKey()).statusCode(201).extract().path("id");
            Shipping.pack(id, Instant.now().minusSeconds(50)).statusCode(409).body("type", endsWith("shipper-unfit"))
                    .body("reasons", hasItem(unfit.getValue()));
            given(id).body("status", equalTo("PLANNED"));
            Api.batch(coi).body("stage", equalTo("COLLECTED"));
            // Called off before packing, it frees its units for the next shipment.
            Api.given().post("/api/v1/shipments/{id}/cancellation", id).then().statusCode(200)
                    .body("status", equalTo("CANCELLED"));
        }
        String fit = Shipping.plan(Shipping.TREATMENT, Shipping.MANUFACTURING, "FRESH_2_TO_8_C", material)
                .statusCode(201).extract().path("id");
        Shipping.pack(fit, Instant.now().minusSeconds(50)).statusCode(200);
        Api.given().post("/api/v1/shipments/{id}/cancellation", fit).then().statusCode(409)
                .body("type", endsWith("shipment-out-of-order"));
        // A cryo shipper of 20 h validated hold, for a 6 h transit plus the 12 h margin: fits; 10 h more does not.
        String stored = storedBatch();
        String bag = StageSamples.bag(stored);
        String id = Api.given().contentType(io.restassured.http.ContentType.JSON)
                .body(map("originSite", Shipping.MANUFACTURING, "destinationSite", Shipping.TREATMENT,
                        "courier", Shipping.COURIER, "shipperId", "DS-0300",
                        "temperatureClass", "CRYO_AT_OR_BELOW_MINUS_150_C",
                        "plannedPickupAt", Instant.now().toString(),
                        "plannedArrivalAt", Instant.now().plusSeconds(16 * 3600).toString(), "unitIds", List.of(bag)))
                .post("/api/v1/shipments").then().statusCode(201).extract().path("id");
        Shipping.pack(id, Instant.now().minusSeconds(5)).statusCode(409).body("reasons", hasItem("HOLD_TIME_TOO_SHORT"));
        given(id).body("status", equalTo("PLANNED"));
    }

    @Test
    void theStepEndpointSendsShippingAndReceivingToShipments() {
        String coi = collected();
        Api.logStep(coi, "SHIPPED_TO_MANUFACTURING").statusCode(409).body("type", endsWith("recorded-by-shipments"))
                .body("shipments", equalTo("/api/v1/shipments"));
        String id = packedToManufacturing(coi);
        Api.logStep(coi, "RECEIVED_AT_MANUFACTURING").statusCode(409).body("type", endsWith("recorded-by-shipments"));
        given(id).body("status", equalTo("PACKED"));
    }

    @Test
    void aPartnerSeesOnlyItsOwnShipmentsAndAnotherIsAnsweredAsMissing() {
        String coi = collected();
        String id = packedToManufacturing(coi);
        Api.as(Tokens.logistics()).get("/api/v1/shipments/{id}", id).then().statusCode(200);
        String foreign = Api.as(Tokens.token("other-courier", "logistics", "OTHER-COURIER", List.of()))
                .get("/api/v1/shipments/{id}", id).then().statusCode(404).extract().asString();
        String missing = Api.as(Tokens.token("other-courier", "logistics", "OTHER-COURIER", List.of()))
                .get("/api/v1/shipments/{id}", "SHP-000000000000").then().statusCode(404).extract().asString();
        assertThat(foreign.replace(id, "")).isEqualTo(missing.replace("SHP-000000000000", ""));
        Api.as(Tokens.token("other-courier", "logistics", "OTHER-COURIER", List.of())).get("/api/v1/shipments")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    static String collected() {
        String coi = Api.registerAutologous("PSN-SHIP-" + System.nanoTime() % 100_000);
        // Collected 100 s ago (a step may be dated up to the clock skew before the previous event), so that
        // shipments can be dated in the last minute.
        Api.advance(coi, "COLLECTED", Instant.now().minusSeconds(100));
        return coi;
    }

    static String storedBatch() {
        String coi = Api.registerAutologous("PSN-STORED-" + System.nanoTime() % 100_000);
        Instant at = Instant.now().minusSeconds(100);
        for (String stage : StageSamplesPath.TO_STORED) {
            at = at.plusSeconds(5);
            Api.advance(coi, stage, at);
        }
        return coi;
    }

    static String packedToManufacturing(String coi) {
        String id = Shipping.plan(Shipping.TREATMENT, Shipping.MANUFACTURING, "FRESH_2_TO_8_C",
                Shipping.materialOf(coi)).statusCode(201).extract().path("id");
        Shipping.pack(id, Instant.now().minusSeconds(50)).statusCode(200);
        return id;
    }

    private static io.restassured.response.ValidatableResponse unit(String unitId) {
        return Api.as(Tokens.qa()).get("/api/v1/units/{id}", unitId).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse given(String shipmentId) {
        return Api.as(Tokens.qa()).get("/api/v1/shipments/{id}", shipmentId).then().statusCode(200);
    }

    private static long ledgerLength(String coi) {
        return Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi).then().extract().jsonPath()
                .getLong("totalEvents");
    }

    private static String depot() {
        return Tokens.token("depot-agent", "logistics", DEPOT, List.of());
    }

    private static org.hamcrest.Matcher<String> endsWith(String suffix) {
        return org.hamcrest.Matchers.endsWith(suffix);
    }

    /** The stages that take a new autologous batch to storage at manufacturing. */
    static final class StageSamplesPath {
        static final List<String> TO_STORED = List.of("COLLECTED", "SHIPPED_TO_MANUFACTURING",
                "RECEIVED_AT_MANUFACTURING", "ACCEPTED", "GENE_MODIFIED", "EXPANDED", "FORMULATED", "CRYOPRESERVED",
                "QC_TESTED", "RELEASED", "STORED");

        private StageSamplesPath() {
        }
    }
}

package org.vein2vein.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.vein2vein.testing.StageSamples.map;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.References;
import org.vein2vein.testing.Shipping;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * The rules that keep a therapy safe, each broken once on purpose. Every refusal answers with a
 * problem that says which rule and why, and leaves the batch as it was. Most refusals write
 * nothing; an identity checkpoint that fails and a missed time window are kept in the ledger as a
 * STEP_REJECTED event by the technician who tried, and an identity mismatch also puts the batch (or,
 * for an allogeneic dose, only that dose) on hold. Shipping and receiving stages are recorded by
 * shipments, so their rules refuse the shipment's packing or receipt, naming the batch; every other
 * step happens where the units it handles are.
 */
@QuarkusTest
class ManufacturingRulesTest {

    private static final String PROBLEM = "urn:vein2vein:problem:";
    private static final String LYON = "SITE-LYON-01";
    private static final String GENT = "MFG-GENT-01";
    private static final String AUTOLOGOUS = "CART-GD2-AUTO";
    private static final String ALLOGENEIC = "CART-B7H3-ALLO";
    private static final String CRYO = "CRYO_AT_OR_BELOW_MINUS_150_C";
    private static final List<String> AUTOLOGOUS_PATH = List.of("COLLECTED", "SHIPPED_TO_MANUFACTURING",
            "RECEIVED_AT_MANUFACTURING", "ACCEPTED", "GENE_MODIFIED", "EXPANDED", "FORMULATED", "CRYOPRESERVED",
            "QC_TESTED", "RELEASED", "STORED", "SHIPPED_TO_SITE", "RECEIVED_AT_SITE", "THAWED", "INFUSED");
    private static final ObjectMapper JSON = new ObjectMapper();

    // --- Order -------------------------------------------------------------------------------

    @Test
    void aStepOutOfOrderIsRefusedAndNothingIsWritten() throws Exception {
        String coi = autologousAt("ORDERED");
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "ACCEPTED", sample(coi, "ACCEPTED")), "step-out-of-order", coi);

        assertThat(problem.get("currentStage").asText()).isEqualTo("ORDERED");
        assertThat(problem.get("attemptedStage").asText()).isEqualTo("ACCEPTED");
        assertThat(texts(problem.get("allowedNextStages"))).containsExactlyInAnyOrder("COLLECTED", "QUARANTINED",
                "CANCELLED");
        before.assertNothingWritten();
    }

    @Test
    void aShipmentPackedOutOfOrderIsRefusedAndNothingIsWritten() throws Exception {
        // The bag is at manufacturing and bound for its patient's site, but the lot is not released.
        String coi = autologousAt("CRYOPRESERVED");
        String shipment = planned(GENT, LYON, CRYO, List.of(StageSamples.bag(coi)));
        Before before = Before.of(coi);

        JsonNode problem = refusedAt(Shipping.pack(shipment, now()).extract().response(), "step-out-of-order",
                "/api/v1/shipments/" + shipment + "/packing");

        assertThat(problem.get("coi").asText()).isEqualTo(coi);
        assertThat(problem.get("currentStage").asText()).isEqualTo("CRYOPRESERVED");
        assertThat(problem.get("attemptedStage").asText()).isEqualTo("SHIPPED_TO_SITE");
        assertThat(texts(problem.get("allowedNextStages"))).contains("QC_TESTED").doesNotContain("SHIPPED_TO_SITE");
        before.assertNothingWritten();
        shipmentStatus(shipment, "PLANNED");
    }

    @Test
    void noStepFollowsAFinalStage() throws Exception {
        String coi = autologousAt("RECEIVED_AT_MANUFACTURING");
        created(step(coi, "REJECTED", map("reason", "DAMAGED_CONTAINER", "qualityRecord", "DEV-2026-0311")));
        Before before = Before.of(coi);

        for (String attempted : List.of("ACCEPTED", "QUARANTINED")) {
            JsonNode problem = refused(step(coi, attempted, sample(coi, attempted)), "step-out-of-order", coi);

            assertThat(problem.get("currentStage").asText()).isEqualTo("REJECTED");
            assertThat(problem.get("attemptedStage").asText()).isEqualTo(attempted);
            assertThat(problem.get("allowedNextStages")).as("a final stage allows nothing").isEmpty();
        }
        assertThat(before.batch().get("allowedNextStages")).isEmpty();
        before.assertNothingWritten();
    }

    // --- Time windows ------------------------------------------------------------------------

    @Test
    void aShipmentPackedForTooLongMissesItsWindowIsRecordedAndIsAcceptedUnderADocumentedDeviation() throws Exception {
        String coi = autologousAt("STORED");
        String shipment = planned(GENT, LYON, CRYO, List.of(StageSamples.bag(coi)));
        Before before = Before.of(coi);
        Instant packed = now();
        // Out of the freezer 45 minutes before the dry shipper was closed; the product allows 30.
        Instant outOfStorage = packed.minus(45, ChronoUnit.MINUTES);
        String packing = "/api/v1/shipments/" + shipment + "/packing";

        JsonNode problem = refusedAt(Shipping.pack(shipment, packed, outOfStorage, null).extract().response(),
                "time-window-missed", packing);

        assertThat(problem.get("coi").asText()).isEqualTo(coi);
        assertThat(problem.get("window").asText()).isEqualTo("out-of-storage-while-packing");
        assertThat(problem.get("max").asText()).isEqualTo("PT30M");
        assertThat(Instant.parse(problem.get("startedAt").asText())).isEqualTo(outOfStorage);
        assertThat(Instant.parse(problem.get("deadline").asText())).isEqualTo(packed.minus(15, ChronoUnit.MINUTES));
        assertThat(problem.get("missedBy").asText()).isEqualTo("PT15M");
        assertThat(problem.get("shipmentStatus").asText()).isEqualTo("PLANNED");
        before.assertAttemptRecorded(problem, "SHIPPED_TO_SITE", "TIME_WINDOW_MISSED", "STORED", false);
        assertThat(Before.of(coi).stage()).isEqualTo("STORED");
        shipmentStatus(shipment, "PLANNED");

        // QA documented the deviation: the same packing is accepted under it, and the ledger says so.
        Shipping.pack(shipment, packed, outOfStorage, "DEV-2026-0417").statusCode(200).body("status",
                equalTo("PACKED"));

        JsonNode recorded = event(coi, before.sequence() + 2);
        assertThat(recorded.get("type").asText()).isEqualTo("STEP_RECORDED");
        assertThat(recorded.get("stage").asText()).isEqualTo("SHIPPED_TO_SITE");
        assertThat(recorded.get("data").get("deviationReference").asText()).isEqualTo("DEV-2026-0417");
        assertThat(Before.of(coi).stage()).isEqualTo("SHIPPED_TO_SITE");
    }

    // --- Identity ----------------------------------------------------------------------------

    @Test
    void aWrongCoiScannedAtReceiptIsRefusedRecordedAndPutsTheBatchOnHold() throws Exception {
        String coi = autologousAt("SHIPPED_TO_MANUFACTURING");
        String otherCoi = autologousAt("ORDERED");
        String din = Shipping.materialOf(coi).get(0);
        String shipment = delivered(coi);
        Before before = Before.of(coi);

        JsonNode problem = refusedAt(receive(shipment, receipt(now(), 4.2, List.of(received(din,
                StageSamples.check(otherCoi, din)))), null), "identity-mismatch", receiptOf(shipment));

        assertThat(problem.get("coi").asText()).isEqualTo(coi);
        assertThat(texts(problem.get("mismatches"))).singleElement().asString()
                .contains("scanned COI " + otherCoi).contains(coi);
        assertThat(problem.get("shipmentStatus").asText()).as("not received").isEqualTo("DELIVERED");
        before.assertAttemptRecorded(problem, "RECEIVED_AT_MANUFACTURING", "IDENTITY_MISMATCH",
                "SHIPPED_TO_MANUFACTURING", true);
        JsonNode batch = Before.of(coi).batch();
        assertThat(batch.get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(batch.get("resumeStage").asText()).isEqualTo("SHIPPED_TO_MANUFACTURING");
        assertThat(texts(batch.get("allowedNextStages"))).containsExactlyInAnyOrder("SHIPPED_TO_MANUFACTURING",
                "DESTROYED", "CANCELLED");
        shipmentStatus(shipment, "DELIVERED");
    }

    @Test
    void aWrongPatientAtAutologousInfusionIsRefusedRecordedAndPutsTheBatchOnHold() throws Exception {
        String coi = autologousAt("THAWED");
        Before before = Before.of(coi);
        Map<String, Object> infusion = sample(coi, "INFUSED");
        @SuppressWarnings("unchecked")
        Map<String, Object> check = (Map<String, Object>) infusion.get("identityCheck");
        check.put("patientReference", "PSN-SOMEONE-ELSE-9");

        JsonNode problem = refused(step(coi, "INFUSED", infusion), "identity-mismatch", coi);

        assertThat(texts(problem.get("mismatches"))).singleElement().asString()
                .contains("patient scanned at the bedside is not the patient");
        assertThat(problem.get("stage").asText()).isEqualTo("QUARANTINED");
        before.assertAttemptRecorded(problem, "INFUSED", "IDENTITY_MISMATCH", "THAWED", true);
        JsonNode batch = Before.of(coi).batch();
        assertThat(batch.get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(batch.get("resumeStage").asText()).isEqualTo("THAWED");
    }

    @Test
    void unitsReceivedThatAreNotTheUnitsShippedAreNotReceivedAndOnResumingAreAnIdentityMismatch() throws Exception {
        String coi = autologousStoredInTwoBags();
        String first = StageSamples.bag(coi, 1);
        String second = StageSamples.bag(coi, 2);
        String shipment = planned(GENT, LYON, CRYO, List.of(first, second));
        Shipping.pack(shipment, now()).statusCode(200);
        Shipping.pickUp(shipment, now());
        Shipping.deliver(shipment, now()).statusCode(201);
        Before before = Before.of(coi);

        // Only one of the two bags shipped arrives: nothing is received until the difference is resolved.
        JsonNode problem = refusedAt(receive(shipment, receipt(now(), -182.5, List.of(received(first,
                StageSamples.check(coi, first)))), null), "received-units-differ", receiptOf(shipment));

        assertThat(texts(problem.get("missing"))).containsExactly(second);
        assertThat(texts(problem.get("unexpected"))).isEmpty();
        before.assertNothingWritten();
        shipmentStatus(shipment, "DELIVERED");

        // Both arrive; the batch is held at the site, and resumes only by receiving what was shipped.
        Shipping.receive(shipment, now(), -182.5, Map.of(first, coi, second, coi), null).statusCode(200);
        created(stepAt(coi, "QUARANTINED", LYON, map("reason", "TEMPERATURE_EXCURSION",
                "qualityRecord", "DEV-2026-0313")));
        Before held = Before.of(coi);
        problem = refused(step(coi, "RECEIVED_AT_SITE", map("identityCheck", StageSamples.check(coi, null),
                "condition", "INTACT", "unitIds", List.of(first))), "identity-mismatch", coi);

        assertThat(texts(problem.get("mismatches"))).singleElement().asString()
                .contains("units received [" + first + "]")
                .contains("not the units shipped [" + first + ", " + second + "]");
        held.assertAttemptRecorded(problem, "RECEIVED_AT_SITE", "IDENTITY_MISMATCH", "QUARANTINED", false);
        JsonNode batch = Before.of(coi).batch();
        assertThat(batch.get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(batch.get("resumeStage").asText()).isEqualTo("RECEIVED_AT_SITE");
    }

    @Test
    void anIdentityCheckpointNeedsASecondVerifierWhoIsNotTheTechnician() throws Exception {
        // CART-GD2-AUTO requires two-person verification at identity checkpoints.
        String coi = autologousAt("SHIPPED_TO_MANUFACTURING");
        String din = Shipping.materialOf(coi).get(0);
        String shipment = delivered(coi);

        Before alone = Before.of(coi);
        JsonNode problem = refusedAt(receive(shipment, receipt(now(), 4.2, List.of(received(din,
                map("scannedCoi", coi)))), null), "second-verifier-required", receiptOf(shipment));
        assertThat(problem.get("detail").asText()).contains("witness");
        assertThat(problem.has("hold")).isFalse();
        alone.assertAttemptRecorded(problem, "RECEIVED_AT_MANUFACTURING", "SECOND_VERIFIER_REQUIRED",
                "SHIPPED_TO_MANUFACTURING", false);
        assertThat(Before.of(coi).stage()).isEqualTo("SHIPPED_TO_MANUFACTURING");

        Before selfWitnessed = Before.of(coi);
        problem = refusedAt(receive(shipment, receipt(now(), 4.2, List.of(received(din,
                map("scannedCoi", coi, "witness", Tokens.TECHNICIAN_ID)))), null), "second-verifier-required",
                receiptOf(shipment));
        selfWitnessed.assertAttemptRecorded(problem, "RECEIVED_AT_MANUFACTURING", "SECOND_VERIFIER_REQUIRED",
                "SHIPPED_TO_MANUFACTURING", false);
        shipmentStatus(shipment, "DELIVERED");

        // With a second person it goes through.
        Before witnessed = Before.of(coi);
        Shipping.receive(shipment, now(), 4.2, Map.of(din, coi), null).statusCode(200)
                .body("status", equalTo("RECEIVED"));
        assertThat(Before.of(coi).stage()).isEqualTo("RECEIVED_AT_MANUFACTURING");
        JsonNode recorded = recordedAt(coi, witnessed.sequence() + 1, "RECEIVED_AT_MANUFACTURING");
        assertThat(recorded.get("data").get("identityCheck").get("witness").asText()).isEqualTo(StageSamples.WITNESS);
    }

    // --- Allogeneic doses --------------------------------------------------------------------

    @Test
    void anUnallocatedDoseIsNotShippedToATreatmentSiteEvenWhereThePlanLetsItShipUnallocated() throws Exception {
        // A product whose plan lets a dose ship without an allocation: a dose still travels only to
        // the site of the recipient it is allocated to, so it never reaches a bedside unallocated.
        String product = allogeneicProductWithOptionalAllocation();
        String coi = allogeneicStored(product, 2);
        String dose = coi + "-D01";
        Before before = Before.of(coi);
        assertThat(texts(before.batch().get("allowedNextStages"))).contains("SHIPPED_TO_SITE");

        JsonNode problem = refusedAt(Shipping.plan(GENT, LYON, CRYO, List.of(dose)).extract().response(),
                "not-the-batch-destination", "/api/v1/shipments");

        assertThat(problem.get("units").get(dose).asText()).contains("not allocated");
        before.assertNothingWritten();
    }

    @Test
    void aDoseOfTheSeededProductCannotShipBeforeItIsAllocated() throws Exception {
        String coi = allogeneicStored(ALLOGENEIC, 1);
        String dose = coi + "-D01";
        Before before = Before.of(coi);
        assertThat(texts(before.batch().get("allowedNextStages"))).contains("ALLOCATED")
                .doesNotContain("SHIPPED_TO_SITE");

        JsonNode problem = refusedAt(Shipping.plan(GENT, LYON, CRYO, List.of(dose)).extract().response(),
                "not-the-batch-destination", "/api/v1/shipments");

        assertThat(problem.get("units").get(dose).asText()).contains("not allocated");
        before.assertNothingWritten();
    }

    @Test
    void aDoseIsAllocatedToOneRecipientOnly() throws Exception {
        String coi = allogeneicStored(ALLOGENEIC, 2);
        String dose = coi + "-D01";
        String first = "RCP-FIRST-" + suffix();
        created(step(coi, "ALLOCATED", allocation(dose, first)));
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "ALLOCATED", allocation(dose, "RCP-SECOND-" + suffix())),
                "dose-already-allocated", coi);

        assertThat(problem.get("unitId").asText()).isEqualTo(dose);
        before.assertNothingWritten();
        assertThat(unit(Before.of(coi).batch(), dose).get("recipientReference").asText()).isEqualTo(first);
    }

    @Test
    void aQuarantinedDoseResumesToItsOwnAllocationButNeverToAnother() throws Exception {
        String coi = allogeneicStored(ALLOGENEIC, 2);
        String dose = coi + "-D01";
        String recipient = "RCP-KEPT-" + suffix();
        created(step(coi, "ALLOCATED", allocation(dose, recipient)));
        JsonNode held = created(stepAt(coi, "QUARANTINED", GENT, map("reason", "TEMPERATURE_EXCURSION",
                "qualityRecord", "DEV-2026-0520", "unitId", dose)));
        assertThat(held.get("event").get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(held.get("batch").get("stage").asText()).as("the lot").isEqualTo("STORED");
        assertThat(unit(held.get("batch"), dose).get("stage").asText()).isEqualTo("QUARANTINED");
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "ALLOCATED", allocation(dose, "RCP-OTHER-" + suffix())),
                "dose-already-allocated", coi);
        assertThat(problem.get("unitId").asText()).isEqualTo(dose);
        before.assertNothingWritten();

        JsonNode resumed = created(step(coi, "ALLOCATED", allocation(dose, recipient)));
        assertThat(unit(resumed.get("batch"), dose).get("stage").asText()).isEqualTo("ALLOCATED");
        assertThat(unit(resumed.get("batch"), dose).get("recipientReference").asText()).isEqualTo(recipient);
        String shipment = planned(GENT, LYON, CRYO, List.of(dose));
        Shipping.pack(shipment, now()).statusCode(200);
        assertThat(unit(Before.of(coi).batch(), dose).get("stage").asText()).isEqualTo("SHIPPED_TO_SITE");
    }

    @Test
    void anotherBatchsBagAtThawIsAnIdentityMismatchThatPutsTheBatchOnHold() throws Exception {
        String coi = autologousAt("RECEIVED_AT_SITE");
        String stranger = StageSamples.bag(autologousAt("FORMULATED"));
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "THAWED", map("unitId", stranger,
                "identityCheck", StageSamples.check(coi, stranger))), "identity-mismatch", coi);

        assertThat(texts(problem.get("mismatches"))).singleElement().asString()
                .contains("is not a unit of batch " + coi);
        before.assertAttemptRecorded(problem, "THAWED", "IDENTITY_MISMATCH", "RECEIVED_AT_SITE", true);
    }

    @Test
    void aScannedUnitThatIsNotAmongTheUnitsReceivedIsAnIdentityMismatch() throws Exception {
        String coi = autologousAt("SHIPPED_TO_SITE");
        String bag = StageSamples.bag(coi);
        String stranger = StageSamples.bag(autologousAt("FORMULATED"));
        String shipment = delivered(coi);
        Before before = Before.of(coi);

        // The label read for the bag received is another batch's bag.
        JsonNode problem = refusedAt(receive(shipment, receipt(now(), -182.5, List.of(received(bag,
                map("scannedCoi", coi, "scannedUnitId", stranger, "witness", StageSamples.WITNESS)))), null),
                "identity-mismatch", receiptOf(shipment));

        assertThat(texts(problem.get("mismatches"))).singleElement().asString().contains(stranger);
        before.assertAttemptRecorded(problem, "RECEIVED_AT_SITE", "IDENTITY_MISMATCH", "SHIPPED_TO_SITE", true);
        shipmentStatus(shipment, "DELIVERED");
    }

    @Test
    void aFailedCheckWhileResumingFromAHoldIsRecordedAndTheBatchStaysOnHold() throws Exception {
        String coi = autologousAt("THAWED");
        String thawedAt = unit(Before.of(coi).batch(), StageSamples.bag(coi)).get("thawedAt").asText();
        Map<String, Object> infusion = sample(coi, "INFUSED");
        @SuppressWarnings("unchecked")
        Map<String, Object> check = (Map<String, Object>) infusion.get("identityCheck");
        check.put("patientReference", "PSN-SOMEONE-ELSE-9");
        refused(step(coi, "INFUSED", infusion), "identity-mismatch", coi);
        Map<String, Object> thaw = sample(coi, "THAWED");
        @SuppressWarnings("unchecked")
        Map<String, Object> thawCheck = (Map<String, Object>) thaw.get("identityCheck");
        thawCheck.put("scannedCoi", "V2V0000000000X");
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "THAWED", thaw), "identity-mismatch", coi);

        assertThat(problem.has("hold")).as("already on hold").isFalse();
        before.assertAttemptRecorded(problem, "THAWED", "IDENTITY_MISMATCH", "QUARANTINED", false);
        JsonNode batch = Before.of(coi).batch();
        assertThat(batch.get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(batch.get("resumeStage").asText()).isEqualTo("THAWED");

        // With the right label it resumes: the bag is checked again, not thawed a second time.
        JsonNode resumed = created(step(coi, "THAWED", sample(coi, "THAWED")));
        assertThat(resumed.get("batch").get("stage").asText()).isEqualTo("THAWED");
        assertThat(unit(resumed.get("batch"), StageSamples.bag(coi)).get("thawedAt").asText()).isEqualTo(thawedAt);
        created(step(coi, "INFUSED", sample(coi, "INFUSED")));
    }

    @Test
    void anAllocatedDoseAtTheBedsideOfAnotherRecipientIsRefusedAndOnlyThatDoseGoesOnHold() throws Exception {
        String coi = allogeneicStored(ALLOGENEIC, 2);
        String dose = coi + "-D01";
        String recipient = "RCP-RIGHT-" + suffix();
        created(step(coi, "ALLOCATED", allocation(dose, recipient)));
        Shipping.shipAll(coi, List.of(dose), GENT, LYON, CRYO, now());
        created(step(coi, "THAWED", doseThaw(coi, dose)));
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "INFUSED", doseInfusion(coi, dose, "RCP-WRONG-" + suffix())),
                "identity-mismatch", coi);

        assertThat(texts(problem.get("mismatches"))).singleElement().asString()
                .contains("is not the recipient dose " + dose + " is allocated to");
        assertThat(problem.get("stage").asText()).as("the lot itself").isEqualTo("STORED");
        JsonNode[] events = before.assertAttemptRecorded(problem, "INFUSED", "IDENTITY_MISMATCH", "THAWED", true);
        assertThat(events[0].get("data").get("unitId").asText()).isEqualTo(dose);
        assertThat(events[1].get("data").get("unitId").asText()).isEqualTo(dose);
        JsonNode lot = Before.of(coi).batch();
        assertThat(lot.get("stage").asText()).as("the lot is unchanged").isEqualTo("STORED");
        assertThat(lot.has("resumeStage")).isFalse();
        assertThat(unit(lot, dose).get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(unit(lot, coi + "-D02").get("stage").asText()).isEqualTo("STORED");
    }

    @Test
    void cancellingALotEndsTheJourneyOfEveryDoseStillUnderWay() throws Exception {
        String coi = allogeneicStored(ALLOGENEIC, 2);
        String delivered = coi + "-D01";
        created(step(coi, "ALLOCATED", allocation(delivered, "RCP-DONE-" + suffix())));
        Shipping.shipAll(coi, List.of(delivered), GENT, LYON, CRYO, now());
        Map<String, Object> cancellation = map("reason", "SPONSOR_DECISION", "qualityRecord", "DEV-2026-0999");

        // The treatment site holds one dose; manufacturing the other: neither site may end the whole lot.
        Before before = Before.of(coi);
        JsonNode problem = refused(stepAt(coi, "CANCELLED", LYON, cancellation), "batch-held-elsewhere", coi);
        assertThat(texts(problem.get("unitIds"))).containsExactly(coi + "-D02");
        before.assertNothingWritten();

        JsonNode cancelled = created(asQa(coi, "CANCELLED", LYON, cancellation));

        assertThat(cancelled.get("event").get("actor").get("role").asText()).isEqualTo("qa");
        assertThat(cancelled.get("batch").get("stage").asText()).isEqualTo("CANCELLED");
        assertThat(unit(cancelled.get("batch"), delivered).get("stage").asText()).isEqualTo("CANCELLED");
        assertThat(unit(cancelled.get("batch"), coi + "-D02").get("stage").asText()).isEqualTo("CANCELLED");
        refused(step(coi, "THAWED", doseThaw(coi, delivered)), "step-out-of-order", coi);
    }

    // --- Temperature ---------------------------------------------------------------------------

    @Test
    void aShipmentInAnotherTemperatureClassThanTheProductsIsRefused() throws Exception {
        String coi = autologousStoredInTwoBags();
        String fresh = planned(GENT, LYON, "FRESH_2_TO_8_C", List.of(StageSamples.bag(coi, 1)));
        Before before = Before.of(coi);

        JsonNode problem = refusedAt(Shipping.pack(fresh, now()).extract().response(), "temperature-class-mismatch",
                "/api/v1/shipments/" + fresh + "/packing");

        assertThat(problem.get("coi").asText()).isEqualTo(coi);
        assertThat(problem.get("declared").asText()).isEqualTo("FRESH_2_TO_8_C");
        assertThat(problem.get("required").asText()).isEqualTo("CRYO_AT_OR_BELOW_MINUS_150_C");
        before.assertNothingWritten();
        shipmentStatus(fresh, "PLANNED");
        // The same batch in its own class goes (the first bag stays booked on the shipment refused).
        String frozen = planned(GENT, LYON, CRYO, List.of(StageSamples.bag(coi, 2)));
        Shipping.pack(frozen, now()).statusCode(200);
        assertThat(Before.of(coi).stage()).isEqualTo("SHIPPED_TO_SITE");
    }

    @Test
    void startingMaterialFrozenAtCollectionShipsFrozen() throws Exception {
        String coi = autologousAt("COLLECTED");
        Api.advance(coi, "COLLECTED");
        List<String> material = Shipping.materialOf(coi);
        assertThat(material).hasSize(2);
        created(step(coi, "CRYOPRESERVED_AT_COLLECTION", sample(coi, "CRYOPRESERVED_AT_COLLECTION")));
        String fresh = planned(LYON, GENT, "FRESH_2_TO_8_C", List.of(material.get(0)));
        Before before = Before.of(coi);

        JsonNode problem = refusedAt(Shipping.pack(fresh, now()).extract().response(), "temperature-class-mismatch",
                "/api/v1/shipments/" + fresh + "/packing");

        assertThat(problem.get("required").asText()).isEqualTo("CRYO_AT_OR_BELOW_MINUS_150_C");
        before.assertNothingWritten();
        String frozen = planned(LYON, GENT, CRYO, List.of(material.get(1)));
        Shipping.pack(frozen, now()).statusCode(200);
        assertThat(Before.of(coi).stage()).isEqualTo("SHIPPED_TO_MANUFACTURING");
    }

    // --- Release -----------------------------------------------------------------------------

    @Test
    void aLotWithAResultOutOfSpecificationIsNotReleasedButIsDeclaredOutOfSpecification() throws Exception {
        String coi = autologousAt("CRYOPRESERVED");
        JsonNode tested = created(step(coi, "QC_TESTED", map("results", withResult("VIABILITY",
                map("test", "VIABILITY", "value", 62.5, "unit", "%", "method", "FLOW-7AAD")))));
        JsonNode assessment = tested.get("event").get("data").get("assessment");
        assertThat(assessment.get("inSpecification").asBoolean()).isFalse();
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "RELEASED", map()), "release-specification-not-met", coi);

        assertThat(texts(problem.get("outOfSpecification"))).singleElement().asString().startsWith("VIABILITY");
        assertThat(problem.get("missingTests")).isEmpty();
        before.assertNothingWritten();

        JsonNode declared = created(step(coi, "OUT_OF_SPEC", map()));
        assertThat(declared.get("batch").get("stage").asText()).isEqualTo("OUT_OF_SPEC");
        assertThat(texts(declared.get("batch").get("allowedNextStages"))).contains("DESTROYED")
                .doesNotContain("RELEASED", "STORED");
    }

    @Test
    void aLotWithEveryResultWithinSpecificationIsNotOutOfSpecification() throws Exception {
        String coi = autologousAt("QC_TESTED");
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "OUT_OF_SPEC", map()), "within-specification", coi);

        assertThat(problem.get("outOfSpecification")).isEmpty();
        assertThat(problem.get("missingTests")).isEmpty();
        before.assertNothingWritten();
    }

    @Test
    void aLotWithAMissingQcTestIsNotReleased() throws Exception {
        String coi = autologousAt("CRYOPRESERVED");
        JsonNode tested = created(step(coi, "QC_TESTED", map("results", withResult("MYCOPLASMA", null))));
        assertThat(texts(tested.get("event").get("data").get("assessment").get("missingTests")))
                .containsExactly("MYCOPLASMA");
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "RELEASED", map()), "release-specification-not-met", coi);

        assertThat(texts(problem.get("missingTests"))).containsExactly("MYCOPLASMA");
        assertThat(problem.get("outOfSpecification")).isEmpty();
        before.assertNothingWritten();
    }

    // --- DistinctUnits and identifiers ---------------------------------------------------------------

    @Test
    void aStepNamingAUnitTheBatchDoesNotHaveIsRefused() throws Exception {
        String coi = autologousAt("FORMULATED");
        String stranger = autologousAt("FORMULATED") + "-01";
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "CRYOPRESERVED", map("freezerRun", "CRF-2026-0533",
                "unitIds", List.of(coi + "-01", stranger))), "unit-not-in-batch", coi);

        assertThat(texts(problem.get("unitIds"))).containsExactly(stranger);
        before.assertNothingWritten();

        // Nor can a lot allocate a dose it was never split into.
        String lot = allogeneicStored(ALLOGENEIC, 1);
        Before lotBefore = Before.of(lot);
        problem = refused(step(lot, "ALLOCATED", allocation(lot + "-D09", "RCP-" + suffix())), "unit-not-in-batch",
                lot);
        assertThat(texts(problem.get("unitIds"))).containsExactly(lot + "-D09");
        lotBefore.assertNothingWritten();
    }

    @Test
    void aUnitIdAlreadyInUseIsRefused() throws Exception {
        String taken = autologousAt("FORMULATED") + "-01";
        String coi = autologousAt("EXPANDED");
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "FORMULATED", map("identityCheck", StageSamples.check(coi, null),
                "units", List.of(map("unitId", taken, "volumeMl", 70, "carPositiveViableCells", 300_000_000L)))),
                "unit-id-in-use", coi);

        assertThat(texts(problem.get("identifiers"))).containsExactly(taken);
        before.assertNothingWritten();
    }

    @Test
    void aDonationIdAlreadyInUseIsRefused() throws Exception {
        String din = StageSamples.donationId();
        String first = autologousAt("ORDERED");
        Map<String, Object> collection = sample(first, "COLLECTED");
        collection.put("donationId", din);
        created(step(first, "COLLECTED", collection));

        // Neither another batch nor the same batch's next collection may reuse it.
        String other = autologousAt("ORDERED");
        for (String coi : List.of(other, first)) {
            Before before = Before.of(coi);
            Map<String, Object> again = sample(coi, "COLLECTED");
            again.put("donationId", din);

            JsonNode problem = refused(step(coi, "COLLECTED", again), "donation-id-in-use", coi);

            assertThat(texts(problem.get("identifiers"))).containsExactly(din);
            before.assertNothingWritten();
        }
    }

    // --- Quarantine --------------------------------------------------------------------------

    @Test
    void aQuarantinedBatchResumesWhereItLeftOffAndContinues() throws Exception {
        String coi = autologousAt("EXPANDED");

        JsonNode held = created(stepAt(coi, "QUARANTINED", GENT, map("reason", "TEMPERATURE_EXCURSION",
                "qualityRecord", "DEV-2026-0612")));
        assertThat(held.get("event").get("data").get("reason").asText()).isEqualTo("TEMPERATURE_EXCURSION");
        assertThat(held.get("batch").get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(held.get("batch").get("resumeStage").asText()).isEqualTo("EXPANDED");
        assertThat(texts(held.get("batch").get("allowedNextStages"))).containsExactlyInAnyOrder("EXPANDED",
                "DESTROYED", "CANCELLED");

        // While on hold, the process does not go on.
        Before before = Before.of(coi);
        JsonNode problem = refused(step(coi, "FORMULATED", sample(coi, "FORMULATED")), "step-out-of-order", coi);
        assertThat(problem.get("currentStage").asText()).isEqualTo("QUARANTINED");
        before.assertNothingWritten();

        JsonNode resumed = created(step(coi, "EXPANDED", sample(coi, "EXPANDED")));
        assertThat(resumed.get("batch").get("stage").asText()).isEqualTo("EXPANDED");
        assertThat(resumed.get("batch").has("resumeStage")).isFalse();
        JsonNode next = created(step(coi, "FORMULATED", sample(coi, "FORMULATED")));
        assertThat(next.get("batch").get("stage").asText()).isEqualTo("FORMULATED");
    }

    @Test
    void aStoredDoseIsQuarantinedOnItsOwnAndResumesToStorageWhileTheLotStaysStored() throws Exception {
        String coi = allogeneicStored(ALLOGENEIC, 2);
        String dose = coi + "-D01";

        JsonNode held = created(stepAt(coi, "QUARANTINED", GENT, map("reason", "DAMAGED_CONTAINER",
                "qualityRecord", "DEV-2026-0613", "unitId", dose)));
        assertThat(held.get("event").get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(held.get("batch").get("stage").asText()).as("the lot").isEqualTo("STORED");
        assertThat(unit(held.get("batch"), dose).get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(unit(held.get("batch"), coi + "-D02").get("stage").asText()).isEqualTo("STORED");

        JsonNode resumed = created(step(coi, "STORED", map("location", location(), "unitIds", List.of(dose))));
        assertThat(resumed.get("batch").get("stage").asText()).isEqualTo("STORED");
        assertThat(unit(resumed.get("batch"), dose).get("stage").asText()).isEqualTo("STORED");
        created(step(coi, "ALLOCATED", allocation(dose, "RCP-" + suffix())));
    }

    // --- Where the units are -------------------------------------------------------------------

    @Test
    void theMaterialIsNotModifiedAtTheCollectionSiteOnceItWasReceivedAtManufacturing() throws Exception {
        String coi = autologousAt("ACCEPTED");
        String din = Shipping.materialOf(coi).get(0);
        Before before = Before.of(coi);

        JsonNode problem = refused(stepAt(coi, "GENE_MODIFIED", LYON, sample(coi, "GENE_MODIFIED")),
                "material-not-at-site", coi);

        assertThat(problem.get("site").asText()).isEqualTo(LYON);
        assertThat(texts(problem.get("unitIds"))).containsExactly(din);
        assertThat(problem.get("whereabouts").get(din).asText()).isEqualTo("at " + GENT);
        before.assertNothingWritten();
        created(stepAt(coi, "GENE_MODIFIED", GENT, sample(coi, "GENE_MODIFIED")));
    }

    @Test
    void aBagThatWasNeverShippedIsNotThawedAtTheTreatmentSite() throws Exception {
        String coi = autologousStoredInTwoBags();
        String shipped = StageSamples.bag(coi, 1);
        String kept = StageSamples.bag(coi, 2);
        Shipping.toTreatmentSite(coi, List.of(shipped), now());
        Before before = Before.of(coi);
        assertThat(before.stage()).isEqualTo("RECEIVED_AT_SITE");

        JsonNode problem = refused(step(coi, "THAWED", thaw(coi, kept)), "unit-not-at-site", coi);

        assertThat(problem.get("site").asText()).isEqualTo(LYON);
        assertThat(texts(problem.get("unitIds"))).containsExactly(kept);
        assertThat(problem.get("whereabouts").get(kept).asText()).isEqualTo("at " + GENT);
        before.assertNothingWritten();
        created(step(coi, "THAWED", thaw(coi, shipped)));
    }

    @Test
    void ofTwoBagsOnlyTheOneThawedIsInfused() throws Exception {
        String coi = autologousStoredInTwoBags();
        String thawed = StageSamples.bag(coi, 1);
        String frozen = StageSamples.bag(coi, 2);
        Shipping.toTreatmentSite(coi, List.of(thawed, frozen), now());
        created(step(coi, "THAWED", thaw(coi, thawed)));
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "INFUSED", infusion(coi, frozen)), "unit-not-thawed", coi);

        assertThat(problem.get("unitId").asText()).isEqualTo(frozen);
        before.assertNothingWritten();
        JsonNode infused = created(step(coi, "INFUSED", infusion(coi, thawed)));
        assertThat(unit(infused.get("batch"), thawed).get("endedBy").asText()).isEqualTo("INFUSED");
    }

    @Test
    void aBagIsThawedOnce() throws Exception {
        // A product whose plan lets THAWED follow itself (a dose in several bags): still, each bag once.
        String coi = autologousAt(autologousProductThawingRepeatedly(), "THAWED");
        String bag = StageSamples.bag(coi);
        Before before = Before.of(coi);
        String thawedAt = unit(before.batch(), bag).get("thawedAt").asText();

        JsonNode problem = refused(step(coi, "THAWED", thaw(coi, bag)), "unit-already-thawed", coi);

        assertThat(problem.get("unitId").asText()).isEqualTo(bag);
        assertThat(Instant.parse(problem.get("thawedAt").asText())).isEqualTo(Instant.parse(thawedAt));
        before.assertNothingWritten();
    }

    @Test
    void shippingAndReceivingStagesAreRecordedByShipmentsOnly() throws Exception {
        String coi = autologousAt("STORED");
        Before stored = Before.of(coi);

        JsonNode problem = refused(step(coi, "SHIPPED_TO_SITE", sample(coi, "SHIPPED_TO_SITE")),
                "recorded-by-shipments", coi);

        assertThat(problem.get("attemptedStage").asText()).isEqualTo("SHIPPED_TO_SITE");
        assertThat(problem.get("shipments").asText()).isEqualTo("/api/v1/shipments");
        stored.assertNothingWritten();

        Api.advance(coi, "SHIPPED_TO_SITE");
        String shipment = delivered(coi);
        Before shipped = Before.of(coi);

        problem = refused(step(coi, "RECEIVED_AT_SITE", sample(coi, "RECEIVED_AT_SITE")), "recorded-by-shipments",
                coi);

        assertThat(problem.get("attemptedStage").asText()).isEqualTo("RECEIVED_AT_SITE");
        assertThat(problem.get("shipments").asText()).isEqualTo("/api/v1/shipments");
        shipped.assertNothingWritten();
        shipmentStatus(shipment, "DELIVERED");
    }

    @Test
    void qaTakesABatchOffItsPathButLogsNoOtherStep() throws Exception {
        String coi = autologousAt("ACCEPTED");
        Before before = Before.of(coi);

        Response forbidden = asQa(coi, "GENE_MODIFIED", GENT, sample(coi, "GENE_MODIFIED"));

        forbidden.then().log().ifValidationFails().statusCode(403).contentType("application/problem+json");
        JsonNode problem = JSON.readTree(forbidden.asString());
        assertThat(problem.get("type").asText()).isEqualTo(PROBLEM + "forbidden");
        assertThat(problem.get("attemptedStage").asText()).isEqualTo("GENE_MODIFIED");
        before.assertNothingWritten();

        JsonNode held = created(asQa(coi, "QUARANTINED", GENT, map("reason", "PROCESS_DEVIATION",
                "qualityRecord", "DEV-2026-0800")));

        assertThat(held.get("event").get("sequence").asLong()).isEqualTo(before.sequence() + 1);
        assertThat(held.get("event").get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(held.get("event").get("actor").get("id").asText()).isEqualTo("qa-test");
        assertThat(held.get("event").get("actor").get("role").asText()).isEqualTo("qa");
        assertThat(held.get("batch").get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(held.get("batch").get("resumeStage").asText()).isEqualTo("ACCEPTED");
    }

    // --- Retries -----------------------------------------------------------------------------

    @Test
    void aRetriedRecordedRefusalIsReplayedWithoutASecondRejection() throws Exception {
        String coi = autologousAt("SHIPPED_TO_MANUFACTURING");
        String otherCoi = autologousAt("ORDERED");
        String din = Shipping.materialOf(coi).get(0);
        String shipment = delivered(coi);
        Before before = Before.of(coi);
        Map<String, Object> attempt = receipt(now(), 4.2, List.of(received(din, StageSamples.check(otherCoi, din))));
        String key = UUID.randomUUID().toString();

        Response first = receive(shipment, attempt, key);
        JsonNode problem = refusedAt(first, "identity-mismatch", receiptOf(shipment));
        JsonNode[] recorded = before.assertAttemptRecorded(problem, "RECEIVED_AT_MANUFACTURING", "IDENTITY_MISMATCH",
                "SHIPPED_TO_MANUFACTURING", true);

        Response retry = receive(shipment, attempt, key);

        retry.then().statusCode(409)
                .contentType("application/problem+json")
                .header("Idempotent-Replayed", "true")
                .header("ETag", first.header("ETag"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        JsonNode history = custody(coi, 1);
        assertThat(history.get("totalEvents").asLong()).isEqualTo(before.sequence() + 2);
        List<String> types = new ArrayList<>();
        history.get("events").forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).filteredOn("STEP_REJECTED"::equals).hasSize(1);
        assertThat(recorded[0].get("sequence").asLong()).isEqualTo(problem.get("rejectedAttempt").asLong());
        JsonNode batch = Before.of(coi).batch();
        assertThat(batch.get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(batch.get("ledgerSequence").asLong()).isEqualTo(before.sequence() + 2);
        shipmentStatus(shipment, "DELIVERED");
    }

    // --- Helpers -----------------------------------------------------------------------------

    /**
     * The batch as it stood before an attempt: its whole representation and its ledger length.
     */
    private record Before(String coi, JsonNode batch, long sequence) {

        static Before of(String coi) throws Exception {
            Response response = Api.batch(coi).statusCode(200).extract().response();
            JsonNode batch = JSON.readTree(response.asString());
            assertThat(response.header("ETag")).isEqualTo("\"" + batch.get("ledgerSequence").asLong() + "\"");
            return new Before(coi, batch, batch.get("ledgerSequence").asLong());
        }

        String stage() {
            return batch.get("stage").asText();
        }

        /** Nothing changed: the batch reads exactly as before and its ledger is as long as before. */
        void assertNothingWritten() throws Exception {
            assertSameAs(Before.of(coi));
            assertThat(custody(coi, 1).get("totalEvents").asLong()).as("ledger length").isEqualTo(sequence);
        }

        void assertSameAs(Before now) {
            assertThat(now.batch()).as("batch %s after the refusal", coi).isEqualTo(batch);
        }

        /**
         * Exactly one STEP_REJECTED event by the technician who tried (and, if {@code held}, the
         * QUARANTINED event that put the batch or dose on hold) was appended, and nothing else.
         *
         * @param stageBefore the stage of whatever the step would have moved: the batch, or the dose
         * @return the rejection event, and the hold event if there is one
         */
        JsonNode[] assertAttemptRecorded(JsonNode problem, String attemptedStage, String refusal, String stageBefore,
                boolean held) throws Exception {
            long rejection = sequence + 1;
            assertThat(problem.get("rejectedAttempt").asLong()).isEqualTo(rejection);
            JsonNode history = custody(coi, rejection);
            assertThat(history.get("totalEvents").asLong()).isEqualTo(held ? sequence + 2 : sequence + 1);
            JsonNode events = history.get("events");
            assertThat(events).hasSize(held ? 2 : 1);

            JsonNode rejected = events.get(0);
            assertThat(rejected.get("sequence").asLong()).isEqualTo(rejection);
            assertThat(rejected.get("type").asText()).isEqualTo("STEP_REJECTED");
            assertThat(rejected.get("stage").asText()).as("a rejection does not move anything")
                    .isEqualTo(stageBefore);
            assertThat(rejected.get("actor").get("id").asText()).isEqualTo(Tokens.TECHNICIAN_ID);
            assertThat(rejected.get("actor").get("role").asText()).isEqualTo("technician");
            assertThat(rejected.get("actor").get("organisation").asText()).isEqualTo(Tokens.TECHNICIAN_ORGANISATION);
            assertThat(rejected.get("data").get("attemptedStage").asText()).isEqualTo(attemptedStage);
            assertThat(rejected.get("data").get("refusal").asText()).isEqualTo(refusal);
            assertThat(rejected.get("data").get("detail").asText()).isEqualTo(problem.get("detail").asText());
            assertThat(rejected.get("data").get("data").isObject()).as("the attempted data is kept").isTrue();

            JsonNode batch = Before.of(coi).batch();
            assertThat(batch.get("ledgerSequence").asLong()).isEqualTo(history.get("totalEvents").asLong());
            if (!held) {
                assertThat(problem.has("hold")).isFalse();
                assertThat(batch.get("stage").asText()).as("stage unchanged").isEqualTo(stage());
                return new JsonNode[] { rejected };
            }
            JsonNode hold = events.get(1);
            assertThat(problem.get("hold").asLong()).isEqualTo(sequence + 2);
            assertThat(hold.get("sequence").asLong()).isEqualTo(sequence + 2);
            assertThat(hold.get("type").asText()).isEqualTo("STEP_RECORDED");
            assertThat(hold.get("stage").asText()).isEqualTo("QUARANTINED");
            assertThat(hold.get("actor").get("role").asText()).isEqualTo("system");
            assertThat(hold.get("actor").get("id").asText()).isEqualTo("vein2vein-identity-checkpoint");
            assertThat(hold.get("data").get("reason").asText()).isEqualTo("IDENTITY_DOUBT");
            assertThat(hold.get("data").get("rejectedAttempt").asLong()).isEqualTo(rejection);
            return new JsonNode[] { rejected, hold };
        }
    }

    /** Registers an autologous batch and takes it along its path with valid sample data, up to {@code stage}. */
    private static String autologousAt(String stage) {
        return autologousAt(AUTOLOGOUS, stage);
    }

    /** Registers an autologous batch of {@code product} and takes it up to {@code stage}, shipping through shipments. */
    private static String autologousAt(String product, String stage) {
        String coi = Api.given().contentType(ContentType.JSON)
                .body(Map.of("type", "AUTOLOGOUS", "subjectReference", "PSN-RULES-" + suffix(), "productCode", product,
                        "collectionSite", LYON))
                .post("/api/v1/batches")
                .then().statusCode(201).extract().path("coi");
        if (stage.equals("ORDERED")) {
            return coi;
        }
        for (String next : AUTOLOGOUS_PATH) {
            Api.advance(coi, next);
            if (next.equals(stage)) {
                return coi;
            }
        }
        throw new IllegalArgumentException("no autologous stage " + stage);
    }

    /** An autologous batch formulated into two bags, frozen, released and stored at MFG-GENT-01. */
    private static String autologousStoredInTwoBags() {
        String coi = autologousAt("EXPANDED");
        List<String> bags = List.of(StageSamples.bag(coi, 1), StageSamples.bag(coi, 2));
        created(step(coi, "FORMULATED", map("identityCheck", StageSamples.check(coi, null), "units", bags.stream()
                .map(bag -> map("unitId", bag, "volumeMl", 70, "carPositiveViableCells", 150_000_000L)).toList())));
        created(step(coi, "CRYOPRESERVED", map("freezerRun", "CRF-2026-0533", "unitIds", bags)));
        created(step(coi, "QC_TESTED", sample(coi, "QC_TESTED")));
        created(step(coi, "RELEASED", map()));
        created(step(coi, "STORED", map("location", location(), "unitIds", bags)));
        return coi;
    }

    /** Registers an allogeneic lot of {@code product} for a new donor and walks it into storage as {@code doses} doses. */
    private static String allogeneicStored(String product, int doses) {
        String coi = Api.given().contentType(ContentType.JSON)
                .body(Map.of("type", "ALLOGENEIC", "subjectReference", "DNR-RULES-" + suffix(), "productCode", product,
                        "collectionSite", LYON))
                .post("/api/v1/batches")
                .then().statusCode(201).extract().path("coi");
        for (String stage : List.of("COLLECTED", "SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING")) {
            Api.advance(coi, stage);
        }
        for (String stage : List.of("ACCEPTED", "EXPANDED", "FORMULATED")) {
            if (stage.equals("EXPANDED")) {
                created(step(coi, "GENE_MODIFIED", map("construct", "B7H3-41BBz-v2",
                        "transduction", map("method", "LENTIVIRAL", "vectorLot", "LV-B7H3-25-011"),
                        "editing", map("method", "CRISPR_CAS9", "reagentLot", "GRNA-TRAC-B2M-25-002",
                                "targets", List.of("TRAC", "B2M")))));
            }
            created(step(coi, stage, sample(coi, stage)));
        }
        List<Map<String, Object>> split = new ArrayList<>();
        List<String> unitIds = new ArrayList<>();
        for (int i = 1; i <= doses; i++) {
            String dose = coi + "-D0" + i;
            unitIds.add(dose);
            split.add(map("unitId", dose, "volumeMl", 50, "carPositiveViableCells", 100_000_000L));
        }
        created(step(coi, "SPLIT", map("doses", split)));
        created(step(coi, "CRYOPRESERVED", map("freezerRun", "CRF-2026-0601", "unitIds", unitIds)));
        created(step(coi, "QC_TESTED", sample(coi, "QC_TESTED")));
        created(step(coi, "RELEASED", map()));
        created(step(coi, "STORED", map("location", location(), "unitIds", unitIds)));
        return coi;
    }

    /** A new allogeneic product like the seeded one, whose doses may ship without being allocated. */
    private static String allogeneicProductWithOptionalAllocation() throws Exception {
        ObjectNode definition = (ObjectNode) JSON.readTree(Api.as(Tokens.admin())
                .get("/api/v1/products/{code}", ALLOGENEIC).then().statusCode(200).extract().asString());
        definition.remove("version");
        definition.remove("createdAt");
        definition.remove("createdBy");
        String code = "CART-ALLO-" + suffix();
        definition.put("code", code);
        for (JsonNode transition : definition.get("stagePlan").get("transitions")) {
            if (transition.get("from").asText().equals("STORED")) {
                ArrayNode to = ((ObjectNode) transition).putArray("to");
                to.add("ALLOCATED").add("SHIPPED_TO_SITE");
            }
        }
        Api.as(Tokens.admin()).contentType(ContentType.JSON).body(definition.toString()).post("/api/v1/products")
                .then().log().ifValidationFails().statusCode(201);
        return code;
    }

    /** A new autologous product like the seeded one, whose plan lets THAWED follow itself. */
    private static String autologousProductThawingRepeatedly() throws Exception {
        ObjectNode definition = (ObjectNode) JSON.readTree(Api.as(Tokens.admin())
                .get("/api/v1/products/{code}", AUTOLOGOUS).then().statusCode(200).extract().asString());
        definition.remove("version");
        definition.remove("createdAt");
        definition.remove("createdBy");
        String code = "CART-THAW-" + suffix();
        definition.put("code", code);
        definition.withArray("/stagePlan/repeatable").add("THAWED");
        Api.as(Tokens.admin()).contentType(ContentType.JSON).body(definition.toString()).post("/api/v1/products")
                .then().log().ifValidationFails().statusCode(201);
        return code;
    }

    /** A dose allocated to a recipient treated at SITE-LYON-01. */
    private static Map<String, Object> allocation(String dose, String recipient) {
        return map("unitId", dose, "recipientReference", recipient, "treatmentSite", LYON);
    }

    private static Map<String, Object> thaw(String coi, String bag) {
        return map("unitId", bag, "identityCheck", StageSamples.check(coi, bag), "thawTemperatureC", 37);
    }

    /** The infusion of {@code bag} into the batch's own patient. */
    private static Map<String, Object> infusion(String coi, String bag) {
        Map<String, Object> infusion = sample(coi, "INFUSED");
        infusion.put("unitId", bag);
        @SuppressWarnings("unchecked")
        Map<String, Object> check = (Map<String, Object>) infusion.get("identityCheck");
        check.put("scannedUnitId", bag);
        return infusion;
    }

    private static Map<String, Object> doseThaw(String coi, String dose) {
        return map("unitId", dose, "identityCheck", map("scannedCoi", coi, "scannedUnitId", dose),
                "thawTemperatureC", 37);
    }

    private static Map<String, Object> doseInfusion(String coi, String dose, String recipient) {
        return map("unitId", dose, "identityCheck", map("scannedCoi", coi, "scannedUnitId", dose,
                "recipientReference", recipient));
    }

    /** The sample QC results, with {@code test}'s result replaced (or, with null, left out). */
    private static List<Map<String, Object>> withResult(String test, Map<String, Object> replacement) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map<String, Object> result : StageSamples.inSpecification()) {
            if (!result.get("test").equals(test)) {
                results.add(result);
            } else if (replacement != null) {
                results.add(replacement);
            }
        }
        return results;
    }

    private static Map<String, Object> location() {
        return map("freezer", "LN2-03", "rack", "R2", "box", "B14", "position", "A3");
    }

    /** Sample data for the stage; on infusion the bedside scans the batch's own patient. */
    private static Map<String, Object> sample(String coi, String stage) {
        String subject = stage.equals("INFUSED")
                ? Api.as(Tokens.qa()).get("/api/v1/batches/{coi}", coi).then().statusCode(200).extract()
                        .path("subjectReference")
                : null;
        return StageSamples.of(coi, stage, now(), subject);
    }

    private static Response step(String coi, String stage, Map<String, Object> data) {
        return post(coi, body(stage, now(), data), null);
    }

    private static Map<String, Object> body(String stage, Instant occurredAt, Map<String, Object> data) {
        return map("stage", stage, "occurredAt", occurredAt.toString(), "site", Api.siteOf(stage), "data", data);
    }

    /** A step at {@code site}: side exits happen where the batch (or dose) is. */
    private static Response stepAt(String coi, String stage, String site, Map<String, Object> data) {
        Map<String, Object> body = body(stage, now(), data);
        body.put("site", site);
        return post(coi, body, null);
    }

    /** A step logged by QA, who takes batches and doses off their path, at one of the batch's sites. */
    private static Response asQa(String coi, String stage, String site, Map<String, Object> data) {
        Map<String, Object> body = body(stage, now(), data);
        body.put("site", site);
        return Api.as(Tokens.qa()).contentType(ContentType.JSON).body(body).post("/api/v1/batches/{coi}/steps", coi);
    }

    /** Plans a shipment of the units and returns its id. */
    private static String planned(String origin, String destination, String temperatureClass, List<String> units) {
        return Shipping.plan(origin, destination, temperatureClass, units).statusCode(201).extract().path("id");
    }

    /** The shipment the batch's units are on: packed, not yet received. */
    private static String shipmentOf(String coi) {
        String id = Api.as(Tokens.qa()).get("/api/v1/batches/{coi}", coi).then().statusCode(200).extract()
                .jsonPath().getString("units.find { it.shipmentId != null }.shipmentId");
        assertThat(id).as("batch %s is on a shipment", coi).isNotNull();
        return id;
    }

    /** The batch's shipment, picked up by the courier and delivered to its destination: waiting for its receipt. */
    private static String delivered(String coi) {
        String id = shipmentOf(coi);
        Shipping.pickUp(id, now());
        Shipping.deliver(id, now()).statusCode(201);
        return id;
    }

    private static Map<String, Object> receipt(Instant at, double temperatureC, List<Map<String, Object>> units) {
        return map("occurredAt", at.toString(), "condition", "INTACT", "temperatureOnArrivalC", temperatureC,
                "units", units);
    }

    /** A unit received, with what was read from its label. */
    private static Map<String, Object> received(String unitId, Map<String, Object> identityCheck) {
        return map("unitId", unitId, "identityCheck", identityCheck);
    }

    private static Response receive(String shipmentId, Map<String, Object> receipt, String idempotencyKey) {
        RequestSpecification request = Api.given().contentType(ContentType.JSON).body(receipt);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/shipments/{id}/receipt", shipmentId);
    }

    private static String receiptOf(String shipmentId) {
        return "/api/v1/shipments/" + shipmentId + "/receipt";
    }

    private static void shipmentStatus(String shipmentId, String status) {
        Api.given().get("/api/v1/shipments/{id}", shipmentId).then().statusCode(200).body("status", equalTo(status));
    }

    /** The STEP_RECORDED event at {@code stage} from {@code fromSequence} on. */
    private static JsonNode recordedAt(String coi, long fromSequence, String stage) throws Exception {
        for (JsonNode event : custody(coi, fromSequence).get("events")) {
            if (event.get("type").asText().equals("STEP_RECORDED") && event.get("stage").asText().equals(stage)) {
                return event;
            }
        }
        throw new AssertionError("no " + stage + " recorded from event " + fromSequence + " of " + coi);
    }

    private static Response post(String coi, Map<String, Object> body, String idempotencyKey) {
        RequestSpecification request = Api.given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/batches/{coi}/steps", coi);
    }

    private static JsonNode created(Response response) {
        response.then().log().ifValidationFails().statusCode(201);
        try {
            return JSON.readTree(response.asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problem of a step's refusal: its type, status and where it happened. */
    private static JsonNode refused(Response response, String type, String coi) throws Exception {
        return refusedAt(response, type, "/api/v1/batches/" + coi + "/steps");
    }

    /** The problem of a refusal of the request to {@code instance}. */
    private static JsonNode refusedAt(Response response, String type, String instance) throws Exception {
        response.then().log().ifValidationFails().statusCode(409).contentType("application/problem+json");
        JsonNode problem = JSON.readTree(response.asString());
        assertThat(problem.get("type").asText()).isEqualTo(PROBLEM + type);
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("instance").asText()).isEqualTo(instance);
        return problem;
    }

    private static JsonNode custody(String coi, long fromSequence) throws Exception {
        return JSON.readTree(Api.as(Tokens.qa()).queryParam("fromSequence", fromSequence)
                .get("/api/v1/batches/{coi}/custody", coi).then().statusCode(200).extract().asString());
    }

    private static JsonNode event(String coi, long sequence) throws Exception {
        return JSON.readTree(Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody/{sequence}", coi, sequence)
                .then().statusCode(200).extract().asString());
    }

    private static JsonNode unit(JsonNode batch, String unitId) {
        for (JsonNode unit : batch.get("units")) {
            if (unit.get("unitId").asText().equals(unitId)) {
                return unit;
            }
        }
        throw new AssertionError("batch has no unit " + unitId + ": " + batch.get("units"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String suffix() {
        return References.suffix();
    }
}

package org.vein2vein.batch;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * The rules that keep a therapy safe, each broken once on purpose. Every refusal answers with a
 * problem that says which rule and why, and leaves the batch as it was. Most refusals write
 * nothing; an identity checkpoint that fails and a missed time window are kept in the ledger as a
 * STEP_REJECTED event by the technician who tried, and an identity mismatch also puts the batch (or,
 * for an allogeneic dose, only that dose) on hold.
 */
@QuarkusTest
class ManufacturingRulesTest {

    private static final String PROBLEM = "urn:vein2vein:problem:";
    private static final String LYON = "SITE-LYON-01";
    private static final String GENT = "MFG-GENT-01";
    private static final String AUTOLOGOUS = "CART-GD2-AUTO";
    private static final String ALLOGENEIC = "CART-B7H3-ALLO";
    private static final List<String> AUTOLOGOUS_PATH = List.of("COLLECTED", "SHIPPED_TO_MANUFACTURING",
            "RECEIVED_AT_MANUFACTURING", "ACCEPTED", "GENE_MODIFIED", "EXPANDED", "FORMULATED", "CRYOPRESERVED",
            "QC_TESTED", "RELEASED", "STORED", "SHIPPED_TO_SITE", "RECEIVED_AT_SITE", "THAWED", "INFUSED");
    private static final ObjectMapper JSON = new ObjectMapper();

    // --- Order -------------------------------------------------------------------------------

    @Test
    void aStepOutOfOrderIsRefusedAndNothingIsWritten() throws Exception {
        String coi = autologousAt("ORDERED");
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "RECEIVED_AT_MANUFACTURING", sample(coi, "RECEIVED_AT_MANUFACTURING")),
                "step-out-of-order", coi);

        assertThat(problem.get("currentStage").asText()).isEqualTo("ORDERED");
        assertThat(problem.get("attemptedStage").asText()).isEqualTo("RECEIVED_AT_MANUFACTURING");
        assertThat(texts(problem.get("allowedNextStages"))).containsExactlyInAnyOrder("COLLECTED", "QUARANTINED",
                "CANCELLED");
        before.assertNothingWritten();
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
        Before before = Before.of(coi);
        Instant packed = now();
        Map<String, Object> shipment = sample(coi, "SHIPPED_TO_SITE");
        // Out of the freezer 45 minutes before the dry shipper was closed; the product allows 30.
        shipment.put("outOfStorageSince", packed.minus(45, ChronoUnit.MINUTES).toString());

        JsonNode problem = refused(post(coi, body("SHIPPED_TO_SITE", packed, shipment), null), "time-window-missed",
                coi);

        assertThat(problem.get("window").asText()).isEqualTo("out-of-storage-while-packing");
        assertThat(problem.get("max").asText()).isEqualTo("PT30M");
        assertThat(Instant.parse(problem.get("startedAt").asText())).isEqualTo(packed.minus(45, ChronoUnit.MINUTES));
        assertThat(Instant.parse(problem.get("deadline").asText())).isEqualTo(packed.minus(15, ChronoUnit.MINUTES));
        assertThat(problem.get("missedBy").asText()).isEqualTo("PT15M");
        assertThat(problem.get("stage").asText()).isEqualTo("STORED");
        before.assertAttemptRecorded(problem, "SHIPPED_TO_SITE", "TIME_WINDOW_MISSED", "STORED", false);

        // QA documented the deviation: the same shipment is accepted under it, and the ledger says so.
        Map<String, Object> underDeviation = body("SHIPPED_TO_SITE", packed, shipment);
        underDeviation.put("deviationReference", "DEV-2026-0417");
        JsonNode recorded = created(post(coi, underDeviation, null));

        assertThat(recorded.get("event").get("sequence").asLong()).isEqualTo(before.sequence() + 2);
        assertThat(recorded.get("event").get("type").asText()).isEqualTo("STEP_RECORDED");
        assertThat(recorded.get("event").get("data").get("deviationReference").asText()).isEqualTo("DEV-2026-0417");
        assertThat(recorded.get("batch").get("stage").asText()).isEqualTo("SHIPPED_TO_SITE");
        assertThat(event(coi, before.sequence() + 2).get("data").get("deviationReference").asText())
                .isEqualTo("DEV-2026-0417");
    }

    // --- Identity ----------------------------------------------------------------------------

    @Test
    void aWrongCoiScannedAtReceiptIsRefusedRecordedAndPutsTheBatchOnHold() throws Exception {
        String coi = autologousAt("SHIPPED_TO_MANUFACTURING");
        String otherCoi = autologousAt("ORDERED");
        Before before = Before.of(coi);
        Map<String, Object> receipt = sample(coi, "RECEIVED_AT_MANUFACTURING");
        receipt.put("identityCheck", StageSamples.check(otherCoi, null));

        JsonNode problem = refused(step(coi, "RECEIVED_AT_MANUFACTURING", receipt), "identity-mismatch", coi);

        assertThat(texts(problem.get("mismatches"))).singleElement().asString()
                .contains("scanned COI " + otherCoi).contains(coi);
        assertThat(problem.get("stage").asText()).isEqualTo("QUARANTINED");
        before.assertAttemptRecorded(problem, "RECEIVED_AT_MANUFACTURING", "IDENTITY_MISMATCH",
                "SHIPPED_TO_MANUFACTURING", true);
        JsonNode batch = Before.of(coi).batch();
        assertThat(batch.get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(batch.get("resumeStage").asText()).isEqualTo("SHIPPED_TO_MANUFACTURING");
        assertThat(texts(batch.get("allowedNextStages"))).containsExactlyInAnyOrder("SHIPPED_TO_MANUFACTURING",
                "DESTROYED", "CANCELLED");
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
    void unitsReceivedThatAreNotTheUnitsShippedAreAnIdentityMismatch() throws Exception {
        String coi = autologousAt("EXPANDED");
        String first = coi + "-01";
        String second = coi + "-02";
        created(step(coi, "FORMULATED", map("identityCheck", StageSamples.check(coi, null), "units", List.of(
                map("unitId", first, "volumeMl", 70, "carPositiveViableCells", 150_000_000L),
                map("unitId", second, "volumeMl", 70, "carPositiveViableCells", 150_000_000L)))));
        created(step(coi, "CRYOPRESERVED", map("freezerRun", "CRF-2026-0533", "unitIds", List.of(first, second))));
        created(step(coi, "QC_TESTED", sample(coi, "QC_TESTED")));
        created(step(coi, "RELEASED", map()));
        created(step(coi, "STORED", map("location", location(), "unitIds", List.of(first, second))));
        Map<String, Object> shipment = sample(coi, "SHIPPED_TO_SITE");
        shipment.put("unitIds", List.of(first, second));
        created(step(coi, "SHIPPED_TO_SITE", shipment));
        Before before = Before.of(coi);

        // Only one of the two bags shipped arrives.
        JsonNode problem = refused(step(coi, "RECEIVED_AT_SITE", map("identityCheck", StageSamples.check(coi, null),
                "condition", "INTACT", "unitIds", List.of(first))), "identity-mismatch", coi);

        assertThat(texts(problem.get("mismatches"))).singleElement().asString()
                .contains("units received [" + first + "]")
                .contains("not the units shipped [" + first + ", " + second + "]");
        before.assertAttemptRecorded(problem, "RECEIVED_AT_SITE", "IDENTITY_MISMATCH", "SHIPPED_TO_SITE", true);
        JsonNode batch = Before.of(coi).batch();
        assertThat(batch.get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(batch.get("resumeStage").asText()).isEqualTo("SHIPPED_TO_SITE");
    }

    @Test
    void anIdentityCheckpointNeedsASecondVerifierWhoIsNotTheTechnician() throws Exception {
        // CART-GD2-AUTO requires two-person verification at identity checkpoints.
        String coi = autologousAt("SHIPPED_TO_MANUFACTURING");

        Before alone = Before.of(coi);
        Map<String, Object> unwitnessed = sample(coi, "RECEIVED_AT_MANUFACTURING");
        unwitnessed.put("identityCheck", map("scannedCoi", coi));
        JsonNode problem = refused(step(coi, "RECEIVED_AT_MANUFACTURING", unwitnessed), "second-verifier-required",
                coi);
        assertThat(problem.get("detail").asText()).contains("witness");
        assertThat(problem.get("stage").asText()).isEqualTo("SHIPPED_TO_MANUFACTURING");
        alone.assertAttemptRecorded(problem, "RECEIVED_AT_MANUFACTURING", "SECOND_VERIFIER_REQUIRED",
                "SHIPPED_TO_MANUFACTURING", false);

        Before selfWitnessed = Before.of(coi);
        Map<String, Object> ownWitness = sample(coi, "RECEIVED_AT_MANUFACTURING");
        ownWitness.put("identityCheck", map("scannedCoi", coi, "witness", Tokens.TECHNICIAN_ID));
        problem = refused(step(coi, "RECEIVED_AT_MANUFACTURING", ownWitness), "second-verifier-required", coi);
        selfWitnessed.assertAttemptRecorded(problem, "RECEIVED_AT_MANUFACTURING", "SECOND_VERIFIER_REQUIRED",
                "SHIPPED_TO_MANUFACTURING", false);

        // With a second person it goes through.
        JsonNode recorded = created(step(coi, "RECEIVED_AT_MANUFACTURING", sample(coi, "RECEIVED_AT_MANUFACTURING")));
        assertThat(recorded.get("batch").get("stage").asText()).isEqualTo("RECEIVED_AT_MANUFACTURING");
        assertThat(recorded.get("event").get("data").get("identityCheck").get("witness").asText())
                .isEqualTo(StageSamples.WITNESS);
    }

    // --- Allogeneic doses --------------------------------------------------------------------

    @Test
    void anUnallocatedDoseAtTheBedsideIsRefusedAndOnlyThatDoseGoesOnHold() throws Exception {
        // A product whose plan lets a dose ship without an allocation: the bedside check still
        // insists that the dose is meant for the recipient in the bed.
        String product = allogeneicProductWithOptionalAllocation();
        String coi = allogeneicStored(product, 2);
        String dose = coi + "-D01";
        created(step(coi, "SHIPPED_TO_SITE", doseShipment(dose)));
        created(step(coi, "RECEIVED_AT_SITE", doseReceipt(coi, dose)));
        created(step(coi, "THAWED", doseThaw(coi, dose)));
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "INFUSED", doseInfusion(coi, dose, "RCP-NOBODYS-" + suffix())),
                "identity-mismatch", coi);

        assertThat(texts(problem.get("mismatches"))).singleElement().asString()
                .contains("dose " + dose + " is not allocated to any recipient");
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
    void aDoseOfTheSeededProductCannotShipBeforeItIsAllocated() throws Exception {
        String coi = allogeneicStored(ALLOGENEIC, 1);
        String dose = coi + "-D01";
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "SHIPPED_TO_SITE", doseShipment(dose)), "step-out-of-order", coi);

        assertThat(problem.get("currentStage").asText()).isEqualTo("STORED");
        assertThat(texts(problem.get("allowedNextStages"))).contains("ALLOCATED").doesNotContain("SHIPPED_TO_SITE");
        before.assertNothingWritten();
    }

    @Test
    void aDoseIsAllocatedToOneRecipientOnly() throws Exception {
        String coi = allogeneicStored(ALLOGENEIC, 2);
        String dose = coi + "-D01";
        String first = "RCP-FIRST-" + suffix();
        created(step(coi, "ALLOCATED", map("unitId", dose, "recipientReference", first)));
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "ALLOCATED", map("unitId", dose, "recipientReference",
                "RCP-SECOND-" + suffix())), "dose-already-allocated", coi);

        assertThat(problem.get("unitId").asText()).isEqualTo(dose);
        before.assertNothingWritten();
        assertThat(unit(Before.of(coi).batch(), dose).get("recipientReference").asText()).isEqualTo(first);
    }

    @Test
    void aQuarantinedDoseResumesToItsOwnAllocationButNeverToAnother() throws Exception {
        String coi = allogeneicStored(ALLOGENEIC, 2);
        String dose = coi + "-D01";
        String recipient = "RCP-KEPT-" + suffix();
        created(step(coi, "ALLOCATED", map("unitId", dose, "recipientReference", recipient)));
        JsonNode held = created(step(coi, "QUARANTINED", map("reason", "TEMPERATURE_EXCURSION",
                "qualityRecord", "DEV-2026-0520", "unitId", dose)));
        assertThat(held.get("event").get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(held.get("batch").get("stage").asText()).as("the lot").isEqualTo("STORED");
        assertThat(unit(held.get("batch"), dose).get("stage").asText()).isEqualTo("QUARANTINED");
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "ALLOCATED", map("unitId", dose, "recipientReference",
                "RCP-OTHER-" + suffix())), "dose-already-allocated", coi);
        assertThat(problem.get("unitId").asText()).isEqualTo(dose);
        before.assertNothingWritten();

        JsonNode resumed = created(step(coi, "ALLOCATED", map("unitId", dose, "recipientReference", recipient)));
        assertThat(unit(resumed.get("batch"), dose).get("stage").asText()).isEqualTo("ALLOCATED");
        assertThat(unit(resumed.get("batch"), dose).get("recipientReference").asText()).isEqualTo(recipient);
        created(step(coi, "SHIPPED_TO_SITE", doseShipment(dose)));
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
        String stranger = StageSamples.bag(autologousAt("FORMULATED"));
        Map<String, Object> receipt = sample(coi, "RECEIVED_AT_SITE");
        @SuppressWarnings("unchecked")
        Map<String, Object> check = (Map<String, Object>) receipt.get("identityCheck");
        check.put("scannedUnitId", stranger);
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "RECEIVED_AT_SITE", receipt), "identity-mismatch", coi);

        assertThat(texts(problem.get("mismatches"))).singleElement().asString().contains(stranger);
        before.assertAttemptRecorded(problem, "RECEIVED_AT_SITE", "IDENTITY_MISMATCH", "SHIPPED_TO_SITE", true);
    }

    @Test
    void aFailedCheckWhileResumingFromAHoldIsRecordedAndTheBatchStaysOnHold() throws Exception {
        String coi = autologousAt("THAWED");
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
    }

    @Test
    void anAllocatedDoseAtTheBedsideOfAnotherRecipientIsRefusedAndHeld() throws Exception {
        String coi = allogeneicStored(ALLOGENEIC, 1);
        String dose = coi + "-D01";
        String recipient = "RCP-RIGHT-" + suffix();
        created(step(coi, "ALLOCATED", map("unitId", dose, "recipientReference", recipient)));
        created(step(coi, "SHIPPED_TO_SITE", doseShipment(dose)));
        created(step(coi, "RECEIVED_AT_SITE", doseReceipt(coi, dose)));
        created(step(coi, "THAWED", doseThaw(coi, dose)));
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "INFUSED", doseInfusion(coi, dose, "RCP-WRONG-" + suffix())),
                "identity-mismatch", coi);

        assertThat(texts(problem.get("mismatches"))).singleElement().asString()
                .contains("is not the recipient dose " + dose + " is allocated to");
        before.assertAttemptRecorded(problem, "INFUSED", "IDENTITY_MISMATCH", "THAWED", true);
        assertThat(unit(Before.of(coi).batch(), dose).get("stage").asText()).isEqualTo("QUARANTINED");
    }

    @Test
    void cancellingALotEndsTheJourneyOfEveryDoseStillUnderWay() throws Exception {
        String coi = allogeneicStored(ALLOGENEIC, 2);
        String infused = coi + "-D01";
        created(step(coi, "ALLOCATED", map("unitId", infused, "recipientReference", "RCP-DONE-" + suffix())));
        created(step(coi, "SHIPPED_TO_SITE", doseShipment(infused)));
        created(step(coi, "RECEIVED_AT_SITE", doseReceipt(coi, infused)));

        JsonNode cancelled = created(step(coi, "CANCELLED", map("reason", "SPONSOR_DECISION",
                "qualityRecord", "DEV-2026-0999")));

        assertThat(cancelled.get("batch").get("stage").asText()).isEqualTo("CANCELLED");
        assertThat(unit(cancelled.get("batch"), infused).get("stage").asText()).isEqualTo("CANCELLED");
        assertThat(unit(cancelled.get("batch"), coi + "-D02").get("stage").asText()).isEqualTo("CANCELLED");
        refused(step(coi, "THAWED", doseThaw(coi, infused)), "step-out-of-order", coi);
    }

    // --- Temperature ---------------------------------------------------------------------------

    @Test
    void aShipmentInAnotherTemperatureClassThanTheProductsIsRefused() throws Exception {
        String coi = autologousAt("STORED");
        Map<String, Object> fresh = sample(coi, "SHIPPED_TO_SITE");
        fresh.put("temperatureClass", "FRESH_2_TO_8_C");
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "SHIPPED_TO_SITE", fresh), "temperature-class-mismatch", coi);

        assertThat(problem.get("declared").asText()).isEqualTo("FRESH_2_TO_8_C");
        assertThat(problem.get("required").asText()).isEqualTo("CRYO_AT_OR_BELOW_MINUS_150_C");
        before.assertNothingWritten();
        created(step(coi, "SHIPPED_TO_SITE", sample(coi, "SHIPPED_TO_SITE")));
    }

    @Test
    void startingMaterialFrozenAtCollectionShipsFrozen() throws Exception {
        String coi = autologousAt("COLLECTED");
        created(step(coi, "CRYOPRESERVED_AT_COLLECTION", sample(coi, "CRYOPRESERVED_AT_COLLECTION")));
        Before before = Before.of(coi);

        JsonNode problem = refused(step(coi, "SHIPPED_TO_MANUFACTURING", sample(coi, "SHIPPED_TO_MANUFACTURING")),
                "temperature-class-mismatch", coi);

        assertThat(problem.get("required").asText()).isEqualTo("CRYO_AT_OR_BELOW_MINUS_150_C");
        before.assertNothingWritten();
        Map<String, Object> frozen = sample(coi, "SHIPPED_TO_MANUFACTURING");
        frozen.put("temperatureClass", "CRYO_AT_OR_BELOW_MINUS_150_C");
        created(step(coi, "SHIPPED_TO_MANUFACTURING", frozen));
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
        problem = refused(step(lot, "ALLOCATED", map("unitId", lot + "-D09", "recipientReference",
                "RCP-" + suffix())), "unit-not-in-batch", lot);
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

        JsonNode held = created(step(coi, "QUARANTINED", map("reason", "TEMPERATURE_EXCURSION",
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

        JsonNode held = created(step(coi, "QUARANTINED", map("reason", "DAMAGED_CONTAINER",
                "qualityRecord", "DEV-2026-0613", "unitId", dose)));
        assertThat(held.get("event").get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(held.get("batch").get("stage").asText()).as("the lot").isEqualTo("STORED");
        assertThat(unit(held.get("batch"), dose).get("stage").asText()).isEqualTo("QUARANTINED");
        assertThat(unit(held.get("batch"), coi + "-D02").get("stage").asText()).isEqualTo("STORED");

        JsonNode resumed = created(step(coi, "STORED", map("location", location(), "unitIds", List.of(dose))));
        assertThat(resumed.get("batch").get("stage").asText()).isEqualTo("STORED");
        assertThat(unit(resumed.get("batch"), dose).get("stage").asText()).isEqualTo("STORED");
        created(step(coi, "ALLOCATED", map("unitId", dose, "recipientReference", "RCP-" + suffix())));
    }

    // --- Retries -----------------------------------------------------------------------------

    @Test
    void aRetriedRecordedRefusalIsReplayedWithoutASecondRejection() throws Exception {
        String coi = autologousAt("SHIPPED_TO_MANUFACTURING");
        String otherCoi = autologousAt("ORDERED");
        Before before = Before.of(coi);
        Map<String, Object> receipt = sample(coi, "RECEIVED_AT_MANUFACTURING");
        receipt.put("identityCheck", StageSamples.check(otherCoi, null));
        Map<String, Object> attempt = body("RECEIVED_AT_MANUFACTURING", now(), receipt);
        String key = UUID.randomUUID().toString();

        Response first = post(coi, attempt, key);
        JsonNode problem = refused(first, "identity-mismatch", coi);
        JsonNode[] recorded = before.assertAttemptRecorded(problem, "RECEIVED_AT_MANUFACTURING", "IDENTITY_MISMATCH",
                "SHIPPED_TO_MANUFACTURING", true);

        Response retry = post(coi, attempt, key);

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

    /** Registers an autologous batch and logs valid sample steps up to and including {@code stage}. */
    private static String autologousAt(String stage) {
        String coi = Api.registerAutologous("PSN-RULES-" + suffix());
        if (stage.equals("ORDERED")) {
            return coi;
        }
        for (String next : AUTOLOGOUS_PATH) {
            created(step(coi, next, sample(coi, next)));
            if (next.equals(stage)) {
                return coi;
            }
        }
        throw new IllegalArgumentException("no autologous stage " + stage);
    }

    /** Registers an allogeneic lot of {@code product} for a new donor and walks it into storage as {@code doses} doses. */
    private static String allogeneicStored(String product, int doses) {
        String coi = Api.given().contentType(ContentType.JSON)
                .body(Map.of("type", "ALLOGENEIC", "subjectReference", "DNR-RULES-" + suffix(), "productCode", product,
                        "collectionSite", LYON))
                .post("/api/v1/batches")
                .then().statusCode(201).extract().path("coi");
        for (String stage : List.of("COLLECTED", "SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING", "ACCEPTED",
                "EXPANDED", "FORMULATED")) {
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

    private static Map<String, Object> doseShipment(String dose) {
        return map("destinationSite", LYON, "courier", "CRYO-COURIER-EU", "containerId", "DS-0193",
                "temperatureClass", "CRYO_AT_OR_BELOW_MINUS_150_C", "unitIds", List.of(dose),
                "outOfStorageSince", now().minus(5, ChronoUnit.MINUTES).toString());
    }

    private static Map<String, Object> doseReceipt(String coi, String dose) {
        return map("identityCheck", map("scannedCoi", coi), "condition", "INTACT", "unitIds", List.of(dose));
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
        return map("stage", stage, "occurredAt", occurredAt.toString(), "site", LYON, "data", data);
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

    /** The problem of a refusal: its type, status and where it happened. */
    private static JsonNode refused(Response response, String type, String coi) throws Exception {
        response.then().log().ifValidationFails().statusCode(409).contentType("application/problem+json");
        JsonNode problem = JSON.readTree(response.asString());
        assertThat(problem.get("type").asText()).isEqualTo(PROBLEM + type);
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/batches/" + coi + "/steps");
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

package org.vein2vein.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.vein2vein.testing.StageSamples.map;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.vein2vein.platform.security.Roles;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.Digests;
import org.vein2vein.testing.References;
import org.vein2vein.testing.LedgerHashes;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * One healthy donor's cells become an allogeneic lot, and two of its doses reach two recipients at
 * two treatment sites: collected twice, gene-modified (transduced with the CAR and edited to knock
 * out TRAC and B2M), expanded, formulated, split into three doses, frozen, tested, released and
 * stored. From then on each dose travels on its own: allocated to its recipient, shipped, received,
 * thawed and infused, while the lot stays in storage with its third dose. The ledger tells the
 * whole story, a partner on Kafka hears all of it in order, and QA can trace the donor to every
 * recipient and each recipient back to the donor and the donations.
 */
@QuarkusTest
class AllogeneicJourneyScenarioTest {

    private static final String PRODUCT = "CART-B7H3-ALLO";
    private static final String COLLECTION_CENTRE = "SITE-LYON-01";
    private static final String MANUFACTURING = "MFG-GENT-01";
    /** Recipient A is treated where the donor gave their cells; recipient B in another country. */
    private static final String LYON = "SITE-LYON-01";
    private static final String BRUSSELS = "SITE-BRUX-02";
    private static final String BRUSSELS_TECHNICIAN_ID = "tech-brux";
    private static final String CRYO = "CRYO_AT_OR_BELOW_MINUS_150_C";

    private final ObjectMapper mapper = new ObjectMapper();

    /** One logged step: who logs it where, and which dose it moves on its own (null: the lot itself). */
    private record Step(String token, String actorId, String site, String stage, Map<String, Object> data,
            String dose) {
    }

    @Test
    void aDonorsLotIsSplitIntoDosesThatEachReachTheirOwnRecipientAndEveryStepIsTraceableBothWays() throws Exception {
        String run = References.suffix();
        String donor = "DNR-" + run;
        String recipientA = "RCP-A-" + run;
        String recipientB = "RCP-B-" + run;
        String lyon = Tokens.technician();
        String brussels = Tokens.token(BRUSSELS_TECHNICIAN_ID, Roles.TECHNICIAN, "HOSP-BRUX", List.of(BRUSSELS));

        // The donor's collection centre registers the lot for the donor's pseudonymous reference.
        String coi = Api.given().contentType(ContentType.JSON)
                .body(Map.of("type", "ALLOGENEIC", "subjectReference", donor, "productCode", PRODUCT,
                        "collectionSite", COLLECTION_CENTRE))
                .post("/api/v1/batches")
                .then().statusCode(201)
                .body("type", equalTo("ALLOGENEIC"))
                .body("subjectReference", equalTo(donor))
                .body("productVersion", equalTo(1))
                .body("stage", equalTo("ORDERED"))
                .extract().path("coi");
        String bag = coi + "-B01";
        String dose1 = coi + "-D01";
        String dose2 = coi + "-D02";
        String dose3 = coi + "-D03";
        String firstDonation = StageSamples.donationId();
        String secondDonation = StageSamples.donationId();

        // The steps are logged as they happen; the journey is compressed into the last two minutes.
        Instant start = Instant.now().minus(110, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        String tech = Tokens.TECHNICIAN_ID;
        List<Step> journey = List.of(
                // Two apheresis sessions, each with its own donation identification number.
                new Step(lyon, tech, COLLECTION_CENTRE, "COLLECTED", collection(firstDonation, start), null),
                new Step(lyon, tech, COLLECTION_CENTRE, "COLLECTED", collection(secondDonation, start), null),
                new Step(lyon, tech, COLLECTION_CENTRE, "SHIPPED_TO_MANUFACTURING", map("destinationSite", MANUFACTURING,
                        "courier", "CRYO-COURIER-EU", "containerId", "BOX-2-8-0441", "temperatureClass", "FRESH_2_TO_8_C"),
                        null),
                new Step(lyon, tech, MANUFACTURING, "RECEIVED_AT_MANUFACTURING", map("identityCheck",
                        map("scannedCoi", coi), "condition", "INTACT", "temperatureOnArrivalC", 4.1), null),
                new Step(lyon, tech, MANUFACTURING, "ACCEPTED", map("condition", "INTACT"), null),
                new Step(lyon, tech, MANUFACTURING, "GENE_MODIFIED", map("construct", "B7H3-41BBz-v2",
                        "transduction", map("method", "LENTIVIRAL", "vectorLot", "LV-B7H3-25-011"),
                        "editing", map("method", "CRISPR_CAS9", "reagentLot", "GRNA-TRAC-B2M-25-002",
                                "targets", List.of("TRAC", "B2M"))), null),
                new Step(lyon, tech, MANUFACTURING, "EXPANDED", map("bioreactor", "BR-PRODIGY-02", "cultureDay", 5,
                        "viableCells", 1_800_000_000L, "viabilityPercent", 94.1), null),
                new Step(lyon, tech, MANUFACTURING, "EXPANDED", map("bioreactor", "BR-PRODIGY-02", "cultureDay", 9,
                        "viableCells", 4_200_000_000L, "viabilityPercent", 92.3), null),
                new Step(lyon, tech, MANUFACTURING, "FORMULATED", map("identityCheck", map("scannedCoi", coi),
                        "units", List.of(map("unitId", bag, "volumeMl", 150, "carPositiveViableCells", 900_000_000L))),
                        null),
                new Step(lyon, tech, MANUFACTURING, "SPLIT", map("doses", List.of(doseOf(dose1), doseOf(dose2),
                        doseOf(dose3))), null),
                new Step(lyon, tech, MANUFACTURING, "CRYOPRESERVED", map("freezerRun", "CRF-2026-0601",
                        "unitIds", List.of(dose1, dose2, dose3)), null),
                new Step(lyon, tech, MANUFACTURING, "QC_TESTED", map("results", StageSamples.inSpecification()), null),
                new Step(lyon, tech, MANUFACTURING, "RELEASED", map(), null),
                new Step(lyon, tech, MANUFACTURING, "STORED", map("location", map("freezer", "LN2-07", "rack", "R1",
                        "box", "B03", "position", "C2"), "unitIds", List.of(dose1, dose2, dose3)), null),
                // From here on each dose travels on its own; the lot stays STORED.
                new Step(lyon, tech, MANUFACTURING, "ALLOCATED", map("unitId", dose1, "recipientReference", recipientA),
                        dose1),
                new Step(lyon, tech, MANUFACTURING, "ALLOCATED", map("unitId", dose2, "recipientReference", recipientB),
                        dose2),
                new Step(lyon, tech, MANUFACTURING, "SHIPPED_TO_SITE", shipment(LYON, dose1), dose1),
                new Step(lyon, tech, MANUFACTURING, "SHIPPED_TO_SITE", shipment(BRUSSELS, dose2), dose2),
                new Step(lyon, tech, LYON, "RECEIVED_AT_SITE", map("identityCheck", map("scannedCoi", coi),
                        "condition", "INTACT", "unitIds", List.of(dose1)), dose1),
                new Step(brussels, BRUSSELS_TECHNICIAN_ID, BRUSSELS, "RECEIVED_AT_SITE", map("identityCheck",
                        map("scannedCoi", coi), "condition", "INTACT", "unitIds", List.of(dose2)), dose2),
                new Step(lyon, tech, LYON, "THAWED", map("unitId", dose1, "identityCheck",
                        map("scannedCoi", coi, "scannedUnitId", dose1), "thawTemperatureC", 37), dose1),
                new Step(lyon, tech, LYON, "INFUSED", map("unitId", dose1, "identityCheck",
                        map("scannedCoi", coi, "scannedUnitId", dose1, "recipientReference", recipientA)), dose1),
                new Step(brussels, BRUSSELS_TECHNICIAN_ID, BRUSSELS, "THAWED", map("unitId", dose2, "identityCheck",
                        map("scannedCoi", coi, "scannedUnitId", dose2), "thawTemperatureC", 37), dose2),
                new Step(brussels, BRUSSELS_TECHNICIAN_ID, BRUSSELS, "INFUSED", map("unitId", dose2, "identityCheck",
                        map("scannedCoi", coi, "scannedUnitId", dose2, "recipientReference", recipientB)), dose2));

        // Brussels sees the lot only once a dose is on its way there.
        Api.as(brussels).get("/api/v1/batches/{coi}", coi).then().statusCode(404);
        long sequence = 1;
        for (Step step : journey) {
            sequence++;
            Instant occurredAt = start.plusSeconds(4 * sequence);
            if (step.stage().equals("SHIPPED_TO_SITE")) {
                // Taken out of the freezer four minutes before the dry shipper was closed.
                step.data().put("outOfStorageSince", occurredAt.minusSeconds(240).toString());
            }
            JsonNode answered = mapper.readTree(Api.as(step.token()).contentType(ContentType.JSON)
                    .body(Map.of("stage", step.stage(), "occurredAt", occurredAt.toString(),
                            "site", step.site(), "data", step.data()))
                    .post("/api/v1/batches/{coi}/steps", coi)
                    .then().log().ifValidationFails().statusCode(201)
                    .header("Location", equalTo("/api/v1/batches/" + coi + "/custody/" + sequence))
                    .header("ETag", equalTo("\"" + sequence + "\""))
                    .body("event.sequence", equalTo((int) sequence))
                    .body("event.stage", equalTo(step.stage()))
                    .body("batch.stage", equalTo(step.dose() == null ? step.stage() : "STORED"))
                    .extract().asString()).get("batch");
            // The answer shows the units as the step left them, not as the rules read them before it.
            if (step.dose() != null) {
                assertThat(unit(answered, step.dose()).get("stage").asText()).as("dose after %s", step.stage())
                        .isEqualTo(step.stage());
            }
            if (step.stage().equals("SPLIT") || step.stage().equals("STORED")) {
                for (String dose : List.of(dose1, dose2, dose3)) {
                    assertThat(unit(answered, dose).get("stage").asText()).as("dose after %s", step.stage())
                            .isEqualTo(step.stage());
                }
            }
        }
        int events = journey.size() + 1;
        Api.as(brussels).get("/api/v1/batches/{coi}", coi).then().statusCode(200);

        // The lot is still in storage with its third dose; two doses were given to their recipients.
        JsonNode batch = mapper.readTree(Api.batch(coi).statusCode(200)
                .body("stage", equalTo("STORED"))
                .body("ledgerSequence", equalTo(events))
                .body("donationIds", equalTo(List.of(firstDonation, secondDonation)))
                .extract().asString());
        assertThat(batch.get("units")).hasSize(4);
        assertThat(unit(batch, bag).get("kind").asText()).isEqualTo("BAG");
        assertThat(unit(batch, bag).has("stage")).as("a bag has no stage of its own").isFalse();
        assertDose(unit(batch, dose1), "INFUSED", recipientA);
        assertDose(unit(batch, dose2), "INFUSED", recipientB);
        assertDose(unit(batch, dose3), "STORED", null);

        // The ledger tells the whole story, dose steps included, and its hash chain recomputes.
        JsonNode history = LedgerHashes.read(Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi).then()
                .statusCode(200)
                .body("totalEvents", equalTo(events))
                .body("verification.intact", equalTo(true))
                .extract().asString());
        JsonNode ledger = history.get("events");
        assertThat(ledger).hasSize(events);
        assertThat(ledger.get(0).get("type").asText()).isEqualTo("BATCH_REGISTERED");
        assertThat(ledger.get(0).get("stage").asText()).isEqualTo("ORDERED");
        assertThat(ledger.get(0).get("data").get("batchType").asText()).isEqualTo("ALLOGENEIC");
        // The ledger, and so Kafka, holds keyed digests of the donor's and recipients' references, never the references.
        assertThat(ledger.get(0).get("data").has("subjectReference")).isFalse();
        assertThat(ledger.get(0).get("data").get("subjectReferenceDigest").asText()).isEqualTo(Digests.of(donor));
        assertThat(history.toString()).doesNotContain(donor, recipientA, recipientB);
        for (int i = 0; i < journey.size(); i++) {
            Step step = journey.get(i);
            JsonNode event = ledger.get(i + 1);
            assertThat(event.get("sequence").asLong()).isEqualTo(i + 2);
            assertThat(event.get("type").asText()).as("event %d", i + 2).isEqualTo("STEP_RECORDED");
            assertThat(event.get("stage").asText()).as("event %d", i + 2).isEqualTo(step.stage());
            assertThat(event.get("site").asText()).as("event %d", i + 2).isEqualTo(step.site());
            assertThat(event.get("actor").get("id").asText()).as("actor of event %d", i + 2).isEqualTo(step.actorId());
            assertThat(event.get("actor").get("role").asText()).isEqualTo("technician");
        }
        JsonNode geneModification = stepEvent(ledger, journey, "GENE_MODIFIED", null).get("data");
        assertThat(geneModification.get("transduction").get("method").asText()).isEqualTo("LENTIVIRAL");
        assertThat(geneModification.get("editing").get("method").asText()).isEqualTo("CRISPR_CAS9");
        assertThat(texts(geneModification.get("editing").get("targets"))).containsExactly("TRAC", "B2M");
        assertThat(stepEvent(ledger, journey, "COLLECTED", null).get("data").get("donationId").asText())
                .isEqualTo(firstDonation);
        assertThat(texts(stepEvent(ledger, journey, "SPLIT", null).get("data").get("doses").findValues("unitId")))
                .containsExactly(dose1, dose2, dose3);
        assertThat(texts(stepEvent(ledger, journey, "CRYOPRESERVED", null).get("data").get("unitIds")))
                .containsExactly(dose1, dose2, dose3);
        assertThat(stepEvent(ledger, journey, "QC_TESTED", null).get("data").get("assessment")
                .get("inSpecification").asBoolean()).isTrue();
        assertThat(texts(stepEvent(ledger, journey, "STORED", null).get("data").get("unitIds")))
                .containsExactly(dose1, dose2, dose3);
        for (String dose : List.of(dose1, dose2)) {
            String recipient = dose.equals(dose1) ? recipientA : recipientB;
            JsonNode allocation = stepEvent(ledger, journey, "ALLOCATED", dose).get("data");
            assertThat(allocation.get("unitId").asText()).isEqualTo(dose);
            assertThat(allocation.get("recipientReferenceDigest").asText()).isEqualTo(Digests.of(recipient));
            assertThat(texts(stepEvent(ledger, journey, "SHIPPED_TO_SITE", dose).get("data").get("unitIds")))
                    .containsExactly(dose);
            assertThat(texts(stepEvent(ledger, journey, "RECEIVED_AT_SITE", dose).get("data").get("unitIds")))
                    .containsExactly(dose);
            assertThat(stepEvent(ledger, journey, "THAWED", dose).get("data").get("unitId").asText()).isEqualTo(dose);
            JsonNode infusion = stepEvent(ledger, journey, "INFUSED", dose).get("data");
            assertThat(infusion.get("unitId").asText()).isEqualTo(dose);
            assertThat(infusion.get("identityCheck").get("recipientReferenceDigest").asText())
                    .isEqualTo(Digests.of(recipient));
        }
        LedgerHashes.assertChainRecomputes(ledger);

        // A partner on Kafka hears every event in order; a dose's events carry the dose's stage.
        try (CustodyTopic topic = new CustodyTopic()) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(coi, events);
            assertThat(records).hasSize(events);
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, String> record = records.get(i);
                JsonNode event = ledger.get(i);
                JsonNode published = LedgerHashes.read(record.value());
                assertThat(record.value()).as("no pseudonymous reference on the topic")
                        .doesNotContain(donor, recipientA, recipientB);
                assertThat(record.key()).isEqualTo(coi);
                assertThat(published.get("sequence").asLong()).isEqualTo(i + 1);
                assertThat(published.get("hash").asText()).isEqualTo(event.get("hash").asText());
                assertThat(published.get("data")).isEqualTo(event.get("data"));
                assertThat(CustodyTopic.header(record, "ce_specversion")).contains("1.0");
                assertThat(CustodyTopic.header(record, "ce_id")).contains(event.get("eventId").asText());
                assertThat(CustodyTopic.header(record, "ce_source")).contains("urn:vein2vein:custody-ledger");
                assertThat(CustodyTopic.header(record, "ce_subject")).contains(coi);
                assertThat(CustodyTopic.header(record, "ce_time")).contains(event.get("occurredAt").asText());
                assertThat(CustodyTopic.header(record, "ce_type")).contains(i == 0
                        ? "org.vein2vein.custody.batch-registered.v1"
                        : "org.vein2vein.custody.step-recorded.v1");
                assertThat(CustodyTopic.header(record, "ce_stage")).contains(event.get("stage").asText());
                assertThat(CustodyTopic.header(record, "ce_sequence")).contains(Long.toString(i + 1));
                assertThat(CustodyTopic.header(record, "content-type")).contains("application/json");
                if (i > 0 && journey.get(i - 1).dose() != null) {
                    assertThat(CustodyTopic.header(record, "ce_stage")).as("a dose's event carries the dose's stage")
                            .contains(journey.get(i - 1).stage());
                }
            }
        }

        // The lot's doses, as anyone who may see the lot reads them.
        JsonNode lot = mapper.readTree(Api.given().get("/api/v1/batches/{coi}/doses", coi).then().statusCode(200)
                .body("coi", equalTo(coi))
                .body("productCode", equalTo(PRODUCT))
                .body("productVersion", equalTo(1))
                .body("donorReference", equalTo(donor))
                .body("donationIds", equalTo(List.of(firstDonation, secondDonation)))
                .extract().asString());
        assertThat(lot.get("doses")).hasSize(3);
        assertDose(lot.get("doses").get(0), "INFUSED", recipientA);
        assertDose(lot.get("doses").get(1), "INFUSED", recipientB);
        assertDose(lot.get("doses").get(2), "STORED", null);
        assertThat(texts(lot.get("doses").findValues("unitId"))).containsExactly(dose1, dose2, dose3);

        // From the donor to every recipient (QA only): a recall starts here.
        JsonNode fromDonor = mapper.readTree(Api.as(Tokens.qa()).get("/api/v1/donors/{donor}/recipients", donor).then()
                .statusCode(200)
                .body("donorReference", equalTo(donor))
                .body("recipients", equalTo(List.of(recipientA, recipientB)))
                .body("lots.size()", equalTo(1))
                .body("lots[0].coi", equalTo(coi))
                .body("lots[0].donationIds", equalTo(List.of(firstDonation, secondDonation)))
                .extract().asString());
        assertThat(texts(fromDonor.get("lots").get(0).get("doses").findValues("unitId")))
                .containsExactly(dose1, dose2, dose3);

        // From each recipient back to the dose, the lot, the donor and both donations (QA only).
        for (String recipient : List.of(recipientA, recipientB)) {
            String dose = recipient.equals(recipientA) ? dose1 : dose2;
            Api.as(Tokens.qa()).get("/api/v1/recipients/{recipient}/doses", recipient).then()
                    .statusCode(200)
                    .body("recipientReference", equalTo(recipient))
                    .body("doses.size()", equalTo(1))
                    .body("doses[0].dose.unitId", equalTo(dose))
                    .body("doses[0].dose.stage", equalTo("INFUSED"))
                    .body("doses[0].dose.recipientReference", equalTo(recipient))
                    .body("doses[0].lot.coi", equalTo(coi))
                    .body("doses[0].lot.productCode", equalTo(PRODUCT))
                    .body("doses[0].lot.donorReference", equalTo(donor))
                    .body("doses[0].lot.donationIds", equalTo(List.of(firstDonation, secondDonation)));
        }

        // Tracing people is QA's: a technician is refused both ways.
        for (String path : List.of("/api/v1/donors/" + donor + "/recipients",
                "/api/v1/recipients/" + recipientA + "/doses")) {
            Api.given().get(path).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vein2vein:problem:forbidden"));
        }
    }

    private static Map<String, Object> collection(String donationId, Instant start) {
        return map("donationId", donationId, "startedAt", start.minusSeconds(7200).toString(),
                "endedAt", start.minusSeconds(120).toString(), "volumeMl", 240, "totalNucleatedCells", 14_000_000_000L,
                "cd3PositiveCells", 7_100_000_000L, "anticoagulant", "ACD_A");
    }

    private static Map<String, Object> doseOf(String unitId) {
        return map("unitId", unitId, "volumeMl", 50, "carPositiveViableCells", 300_000_000L);
    }

    /** One dose in its own dry shipper; when it left storage is set as it is logged. */
    private static Map<String, Object> shipment(String site, String dose) {
        return map("destinationSite", site, "courier", "CRYO-COURIER-EU", "containerId", "DS-" + dose.substring(15),
                "temperatureClass", CRYO, "unitIds", List.of(dose));
    }

    private static JsonNode unit(JsonNode batch, String unitId) {
        for (JsonNode unit : batch.get("units")) {
            if (unit.get("unitId").asText().equals(unitId)) {
                return unit;
            }
        }
        throw new AssertionError("batch has no unit " + unitId + ": " + batch.get("units"));
    }

    private static void assertDose(JsonNode dose, String stage, String recipient) {
        assertThat(dose.get("stage").asText()).as("stage of %s", dose).isEqualTo(stage);
        if (recipient == null) {
            assertThat(dose.has("recipientReference")).as("%s is allocated to nobody", dose).isFalse();
            assertThat(dose.has("allocatedAt")).isFalse();
        } else {
            assertThat(dose.get("recipientReference").asText()).as("recipient of %s", dose).isEqualTo(recipient);
            assertThat(dose.has("allocatedAt")).isTrue();
        }
    }

    /** The ledger event of the journey's first step at {@code stage} (of {@code dose}, or of the lot). */
    private static JsonNode stepEvent(JsonNode ledger, List<Step> journey, String stage, String dose) {
        for (int i = 0; i < journey.size(); i++) {
            Step step = journey.get(i);
            if (step.stage().equals(stage) && Objects.equals(step.dose(), dose)) {
                return ledger.get(i + 1);
            }
        }
        throw new AssertionError("the journey has no " + stage + " step of " + dose);
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}

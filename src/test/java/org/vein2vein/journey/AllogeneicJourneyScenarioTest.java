package org.vein2vein.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.vein2vein.testing.StageSamples.map;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.vein2vein.platform.security.Roles;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Digests;
import org.vein2vein.testing.LedgerHashes;
import org.vein2vein.testing.References;
import org.vein2vein.testing.Shipping;
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
    private static final String FRESH = "FRESH_2_TO_8_C";
    private static final Map<String, String> ORGANISATIONS = Map.of(LYON, "HOSP-LYON", MANUFACTURING, "MFG-GENT",
            BRUSSELS, "HOSP-BRUX");

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * An event the journey appended, in order: what it records, where, by whom, and which dose it moves on
     * its own (null: the lot itself, or a handover).
     */
    private record Expected(String type, String stage, String site, String actorId, String actorRole, String dose) {
    }

    private final List<Expected> expected = new ArrayList<>();
    private String coi;
    private Instant start;

    @Test
    void aDonorsLotIsSplitIntoDosesThatEachReachTheirOwnRecipientAndEveryStepIsTraceableBothWays() throws Exception {
        String run = References.suffix();
        String donor = "DNR-" + run;
        String recipientA = "RCP-A-" + run;
        String recipientB = "RCP-B-" + run;
        String lyon = Tokens.technician();
        String brussels = Tokens.token(BRUSSELS_TECHNICIAN_ID, Roles.TECHNICIAN, "HOSP-BRUX", List.of(BRUSSELS));

        // The donor's collection centre registers the lot for the donor's pseudonymous reference.
        coi = Api.given().contentType(ContentType.JSON)
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
        List<String> donations = new ArrayList<>(List.of(firstDonation, secondDonation));
        java.util.Collections.sort(donations);

        // The steps are logged as they happen; the journey is compressed into the last two minutes, the event
        // of sequence n happening 3 n seconds after the start.
        start = Instant.now().minus(110, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        String tech = Tokens.TECHNICIAN_ID;

        // Two apheresis sessions, each with its own donation identification number.
        step(lyon, tech, COLLECTION_CENTRE, "COLLECTED", collection(firstDonation, start), null);
        step(lyon, tech, COLLECTION_CENTRE, "COLLECTED", collection(secondDonation, start), null);
        assertUnit(firstDonation, "MATERIAL", COLLECTION_CENTRE, null, "HOSP-LYON");

        // The donor's fresh material travels to manufacturing.
        String toManufacturing = Shipping.plan(COLLECTION_CENTRE, MANUFACTURING, FRESH, donations).statusCode(201)
                .extract().path("id");
        ship(lyon, tech, toManufacturing, COLLECTION_CENTRE, MANUFACTURING, null, donations, "SHIPPED_TO_MANUFACTURING",
                "RECEIVED_AT_MANUFACTURING", 4.1);
        assertUnit(secondDonation, "MATERIAL", MANUFACTURING, null, "MFG-GENT");

        step(lyon, tech, MANUFACTURING, "ACCEPTED", map("condition", "INTACT"), null);
        step(lyon, tech, MANUFACTURING, "GENE_MODIFIED", map("construct", "B7H3-41BBz-v2",
                "transduction", map("method", "LENTIVIRAL", "vectorLot", "LV-B7H3-25-011"),
                "editing", map("method", "CRISPR_CAS9", "reagentLot", "GRNA-TRAC-B2M-25-002",
                        "targets", List.of("TRAC", "B2M"))), null);
        step(lyon, tech, MANUFACTURING, "EXPANDED", map("bioreactor", "BR-PRODIGY-02", "cultureDay", 5,
                "viableCells", 1_800_000_000L, "viabilityPercent", 94.1), null);
        step(lyon, tech, MANUFACTURING, "EXPANDED", map("bioreactor", "BR-PRODIGY-02", "cultureDay", 9,
                "viableCells", 4_200_000_000L, "viabilityPercent", 92.3), null);
        step(lyon, tech, MANUFACTURING, "FORMULATED", map("identityCheck", map("scannedCoi", coi),
                "units", List.of(map("unitId", bag, "volumeMl", 150, "carPositiveViableCells", 900_000_000L))), null);
        unit(firstDonation).body("endedBy", equalTo("FORMULATED"));
        step(lyon, tech, MANUFACTURING, "SPLIT", map("doses", List.of(doseOf(dose1), doseOf(dose2), doseOf(dose3))),
                null);
        unit(bag).body("endedBy", equalTo("SPLIT"));
        assertUnit(dose2, "DOSE", MANUFACTURING, null, "MFG-GENT");
        step(lyon, tech, MANUFACTURING, "CRYOPRESERVED", map("freezerRun", "CRF-2026-0601",
                "unitIds", List.of(dose1, dose2, dose3)), null);
        step(lyon, tech, MANUFACTURING, "QC_TESTED", map("results", StageSamples.inSpecification()), null);
        step(lyon, tech, MANUFACTURING, "RELEASED", map(), null);
        step(lyon, tech, MANUFACTURING, "STORED", map("location", map("freezer", "LN2-07", "rack", "R1",
                "box", "B03", "position", "C2"), "unitIds", List.of(dose1, dose2, dose3)), null);

        // From here on each dose travels on its own, to its recipient's treatment site; the lot stays STORED.
        step(lyon, tech, MANUFACTURING, "ALLOCATED", map("unitId", dose1, "recipientReference", recipientA,
                "treatmentSite", LYON), dose1);
        step(lyon, tech, MANUFACTURING, "ALLOCATED", map("unitId", dose2, "recipientReference", recipientB,
                "treatmentSite", BRUSSELS), dose2);
        unit(dose2).body("destinationSite", equalTo(BRUSSELS));

        // A dose bound for Brussels never boards a shipment to Lyon, alone or beside Lyon's dose.
        long shipments = Database.count("select count(*) from shipment");
        for (List<String> units : List.of(List.of(dose2), List.of(dose1, dose2))) {
            Shipping.plan(MANUFACTURING, LYON, CRYO, units).statusCode(409)
                    .body("type", equalTo("urn:vein2vein:problem:not-the-batch-destination"));
        }
        assertThat(Database.count("select count(*) from shipment")).isEqualTo(shipments);
        assertUnit(dose2, "DOSE", MANUFACTURING, null, "MFG-GENT");

        // Each dose on its own shipment, in its own dry shipper. (An arrival at -181.0 °C is kept as read: the
        // hashes recompute from the ledger as served.)
        String toLyon = Shipping.plan(MANUFACTURING, LYON, CRYO, List.of(dose1)).statusCode(201).extract().path("id");
        ship(lyon, tech, toLyon, MANUFACTURING, LYON, dose1, List.of(dose1), "SHIPPED_TO_SITE", "RECEIVED_AT_SITE",
                -181.0);
        // Brussels sees the lot only once a dose is on its way there.
        Api.as(brussels).get("/api/v1/batches/{coi}", coi).then().statusCode(404);
        String toBrussels = Shipping.plan(MANUFACTURING, BRUSSELS, CRYO, List.of(dose2)).statusCode(201).extract()
                .path("id");
        ship(brussels, BRUSSELS_TECHNICIAN_ID, toBrussels, MANUFACTURING, BRUSSELS, dose2, List.of(dose2),
                "SHIPPED_TO_SITE", "RECEIVED_AT_SITE", -179.5);

        step(lyon, tech, LYON, "THAWED", map("unitId", dose1, "identityCheck",
                map("scannedCoi", coi, "scannedUnitId", dose1), "thawTemperatureC", 37), dose1);
        unit(dose1).body("thawedAt", notNullValue());
        step(lyon, tech, LYON, "INFUSED", map("unitId", dose1, "identityCheck",
                map("scannedCoi", coi, "scannedUnitId", dose1, "recipientReference", recipientA)), dose1);
        unit(dose1).body("endedBy", equalTo("INFUSED")).body("site", equalTo(LYON));
        step(brussels, BRUSSELS_TECHNICIAN_ID, BRUSSELS, "THAWED", map("unitId", dose2, "identityCheck",
                map("scannedCoi", coi, "scannedUnitId", dose2), "thawTemperatureC", 37), dose2);
        step(brussels, BRUSSELS_TECHNICIAN_ID, BRUSSELS, "INFUSED", map("unitId", dose2, "identityCheck",
                map("scannedCoi", coi, "scannedUnitId", dose2, "recipientReference", recipientB)), dose2);
        Api.as(brussels).get("/api/v1/units/{unitId}", dose2).then().statusCode(200)
                .body("endedBy", equalTo("INFUSED")).body("site", equalTo(BRUSSELS))
                .body("custodian", equalTo("HOSP-BRUX"));
        assertUnit(dose3, "DOSE", MANUFACTURING, null, "MFG-GENT");

        int events = expected.size() + 1;
        assertThat(events).as("registered, 18 steps, 3 shipments of 5 events each").isEqualTo(1 + 18 + 3 * 5);
        Api.as(brussels).get("/api/v1/batches/{coi}", coi).then().statusCode(200);

        // The lot is still in storage with its third dose; two doses were given to their recipients.
        JsonNode batch = mapper.readTree(Api.batch(coi).statusCode(200)
                .body("stage", equalTo("STORED"))
                .body("ledgerSequence", equalTo(events))
                .body("donationIds", equalTo(List.of(firstDonation, secondDonation)))
                .extract().asString());
        assertThat(batch.get("units")).hasSize(6);
        for (String donation : donations) {
            assertThat(unit(batch, donation).get("kind").asText()).isEqualTo("MATERIAL");
            assertThat(unit(batch, donation).get("endedBy").asText()).isEqualTo("FORMULATED");
        }
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
        for (int i = 0; i < expected.size(); i++) {
            Expected want = expected.get(i);
            JsonNode event = ledger.get(i + 1);
            String what = "event " + (i + 2) + " (" + want.type() + " " + want.stage() + ")";
            assertThat(event.get("sequence").asLong()).isEqualTo(i + 2);
            assertThat(event.get("type").asText()).as(what).isEqualTo(want.type());
            assertThat(event.get("stage").asText()).as(what).isEqualTo(want.stage());
            assertThat(event.get("site").asText()).as("site of %s", what).isEqualTo(want.site());
            assertThat(event.get("actor").get("id").asText()).as("actor of %s", what).isEqualTo(want.actorId());
            assertThat(event.get("actor").get("role").asText()).as("role of %s", what).isEqualTo(want.actorRole());
        }
        assertThat(ledger).extracting(event -> event.get("type").asText())
                .contains("HANDOVER_RELEASED", "HANDOVER_ACCEPTED");
        JsonNode geneModification = stepEvent(ledger, "GENE_MODIFIED", null).get("data");
        assertThat(geneModification.get("transduction").get("method").asText()).isEqualTo("LENTIVIRAL");
        assertThat(geneModification.get("editing").get("method").asText()).isEqualTo("CRISPR_CAS9");
        assertThat(texts(geneModification.get("editing").get("targets"))).containsExactly("TRAC", "B2M");
        assertThat(stepEvent(ledger, "COLLECTED", null).get("data").get("donationId").asText())
                .isEqualTo(firstDonation);
        assertThat(texts(stepEvent(ledger, "SPLIT", null).get("data").get("doses").findValues("unitId")))
                .containsExactly(dose1, dose2, dose3);
        assertThat(texts(stepEvent(ledger, "CRYOPRESERVED", null).get("data").get("unitIds")))
                .containsExactly(dose1, dose2, dose3);
        assertThat(stepEvent(ledger, "QC_TESTED", null).get("data").get("assessment")
                .get("inSpecification").asBoolean()).isTrue();
        assertThat(texts(stepEvent(ledger, "STORED", null).get("data").get("unitIds")))
                .containsExactly(dose1, dose2, dose3);
        for (String dose : List.of(dose1, dose2)) {
            String recipient = dose.equals(dose1) ? recipientA : recipientB;
            JsonNode allocation = stepEvent(ledger, "ALLOCATED", dose).get("data");
            assertThat(allocation.get("unitId").asText()).isEqualTo(dose);
            assertThat(allocation.get("recipientReferenceDigest").asText()).isEqualTo(Digests.of(recipient));
            assertThat(allocation.get("treatmentSite").asText()).isEqualTo(dose.equals(dose1) ? LYON : BRUSSELS);
            JsonNode shipped = stepEvent(ledger, "SHIPPED_TO_SITE", dose).get("data");
            String shipment = dose.equals(dose1) ? toLyon : toBrussels;
            assertThat(texts(shipped.get("unitIds"))).containsExactly(dose);
            assertThat(shipped.get("shipmentId").asText()).isEqualTo(shipment);
            assertThat(shipped.get("destinationSite").asText()).isEqualTo(dose.equals(dose1) ? LYON : BRUSSELS);
            assertThat(shipped.get("courier").asText()).isEqualTo(Shipping.COURIER);
            assertThat(shipped.get("temperatureClass").asText()).isEqualTo(CRYO);
            JsonNode received = stepEvent(ledger, "RECEIVED_AT_SITE", dose).get("data");
            assertThat(texts(received.get("unitIds"))).containsExactly(dose);
            assertThat(received.get("shipmentId").asText()).isEqualTo(shipment);
            assertThat(received.get("identityCheck").get("scannedUnitId").asText()).isEqualTo(dose);
            // Every handover of the dose's shipment is in the lot's ledger: the pickup's two sides, the delivery.
            assertThat(handovers(ledger, shipment)).containsExactly("HANDOVER_RELEASED 1", "HANDOVER_ACCEPTED 1",
                    "HANDOVER_RELEASED 2");
            assertThat(stepEvent(ledger, "THAWED", dose).get("data").get("unitId").asText()).isEqualTo(dose);
            JsonNode infusion = stepEvent(ledger, "INFUSED", dose).get("data");
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
                assertThat(CustodyTopic.header(record, "ce_type")).contains("org.vein2vein.custody."
                        + event.get("type").asText().toLowerCase(Locale.ROOT).replace('_', '-') + ".v1");
                assertThat(CustodyTopic.header(record, "ce_stage")).contains(event.get("stage").asText());
                assertThat(CustodyTopic.header(record, "ce_sequence")).contains(Long.toString(i + 1));
                assertThat(CustodyTopic.header(record, "content-type")).contains("application/json");
                if (i > 0 && expected.get(i - 1).dose() != null) {
                    assertThat(CustodyTopic.header(record, "ce_stage")).as("a dose's event carries the dose's stage")
                            .contains(expected.get(i - 1).stage());
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
    private JsonNode stepEvent(JsonNode ledger, String stage, String dose) {
        for (int i = 0; i < expected.size(); i++) {
            Expected step = expected.get(i);
            if (step.type().equals("STEP_RECORDED") && step.stage().equals(stage)
                    && Objects.equals(step.dose(), dose)) {
                return ledger.get(i + 1);
            }
        }
        throw new AssertionError("the journey has no " + stage + " step of " + dose);
    }

    /** The handovers of the shipment in the ledger, in order: {@code HANDOVER_RELEASED 1}. */
    private static List<String> handovers(JsonNode ledger, String shipment) {
        List<String> handovers = new ArrayList<>();
        for (JsonNode event : ledger) {
            if (event.get("type").asText().startsWith("HANDOVER_") && event.at("/data/shipmentId").asText()
                    .equals(shipment)) {
                handovers.add(event.get("type").asText() + " " + event.at("/data/handover").asInt());
            }
        }
        return handovers;
    }

    /**
     * Logs the step as the next event, with {@code token} at {@code site}, and checks the answer: a dose's
     * step moves the dose, the lot keeps its stage.
     */
    private void step(String token, String actorId, String site, String stage, Map<String, Object> data,
            String dose) throws Exception {
        long sequence = expected.size() + 2;
        JsonNode answered = mapper.readTree(Api.as(token).contentType(ContentType.JSON)
                .body(Map.of("stage", stage, "occurredAt", at(sequence).toString(), "site", site, "data", data))
                .post("/api/v1/batches/{coi}/steps", coi)
                .then().log().ifValidationFails().statusCode(201)
                .header("Location", equalTo("/api/v1/batches/" + coi + "/custody/" + sequence))
                .header("ETag", equalTo("\"" + sequence + "\""))
                .body("event.sequence", equalTo((int) sequence))
                .body("event.stage", equalTo(stage))
                .body("batch.stage", equalTo(dose == null ? stage : "STORED"))
                .extract().asString()).get("batch");
        // The answer shows the units as the step left them, not as the rules read them before it.
        if (dose != null) {
            assertThat(unit(answered, dose).get("stage").asText()).as("dose after %s", stage).isEqualTo(stage);
        }
        if (stage.equals("SPLIT") || stage.equals("STORED")) {
            for (JsonNode unit : answered.get("units")) {
                if (unit.get("kind").asText().equals("DOSE")) {
                    assertThat(unit.get("stage").asText()).as("dose after %s", stage).isEqualTo(stage);
                }
            }
        }
        expected.add(new Expected("STEP_RECORDED", stage, site, actorId, "technician", dose));
    }

    /**
     * Ships the planned shipment all the way, each transition the next event: packed at the origin (the
     * shipping stage, of the lot or of the dose on board), handed to the courier and accepted by it (the
     * pickup), released to the destination (the delivery), received there by {@code receiver} (the
     * receiving stage). Checks where the first unit is and who holds it after each.
     */
    private void ship(String receiver, String receiverId, String shipment, String origin, String destination,
            String dose, List<String> units, String shippedStage, String receivedStage, double temperatureOnArrival) {
        String unit = units.get(0);
        String kind = dose != null ? "DOSE" : "MATERIAL";
        // A handover is recorded at the stage of what is on board: the dose's own, while the lot stays STORED.
        String handoverStage = shippedStage;

        Instant packedAt = at(next());
        // Taken out of storage four minutes before the shipper was closed.
        Shipping.pack(shipment, packedAt, packedAt.minusSeconds(240), null).statusCode(200);
        expected.add(new Expected("STEP_RECORDED", shippedStage, origin, Tokens.TECHNICIAN_ID, "technician", dose));
        assertUnit(unit, kind, null, shipment, ORGANISATIONS.get(origin));
        if (dose != null) {
            unit(dose).body("stage", equalTo(shippedStage));
        }

        Shipping.release(Tokens.technician(), shipment, map("occurredAt", at(next()).toString(), "toOrganisation",
                Shipping.COURIER)).statusCode(201);
        expected.add(new Expected("HANDOVER_RELEASED", handoverStage, origin, Tokens.TECHNICIAN_ID, "technician",
                null));
        Shipping.accept(Tokens.logistics(), shipment, 1, at(next())).statusCode(200);
        expected.add(new Expected("HANDOVER_ACCEPTED", handoverStage, origin, "courier-test", "logistics", null));
        assertUnit(unit, kind, null, shipment, Shipping.COURIER);
        Shipping.deliver(shipment, at(next())).statusCode(201);
        expected.add(new Expected("HANDOVER_RELEASED", handoverStage, destination, "courier-test", "logistics",
                null));
        assertUnit(unit, kind, null, shipment, Shipping.COURIER);

        List<Map<String, Object>> received = new ArrayList<>();
        units.forEach(each -> received.add(map("unitId", each, "identityCheck", StageSamples.check(coi, each))));
        Api.as(receiver).contentType(ContentType.JSON).body(map("occurredAt", at(next()).toString(), "condition",
                "INTACT", "temperatureOnArrivalC", temperatureOnArrival, "units", received))
                .post("/api/v1/shipments/{id}/receipt", shipment).then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("RECEIVED"));
        expected.add(new Expected("STEP_RECORDED", receivedStage, destination, receiverId, "technician", dose));
        for (String each : units) {
            assertUnit(each, kind, destination, null, ORGANISATIONS.get(destination), receiver);
        }
        if (dose != null) {
            Api.as(receiver).get("/api/v1/units/{unitId}", dose).then().statusCode(200)
                    .body("stage", equalTo(receivedStage)).body("destinationSite", equalTo(destination));
        }
    }

    /** The sequence of the next event. */
    private long next() {
        return expected.size() + 2;
    }

    /** When the event of {@code sequence} happens. */
    private Instant at(long sequence) {
        return start.plusSeconds(3 * sequence);
    }

    /** The unit, as the tests' default technician (who works at Lyon and Gent) reads it. */
    private ValidatableResponse unit(String unitId) {
        return Api.given().get("/api/v1/units/{unitId}", unitId).then().statusCode(200)
                .body("unitId", equalTo(unitId)).body("coi", equalTo(coi));
    }

    /** The unit is live at {@code site} or on {@code shipment}, held by {@code custodian}. */
    private void assertUnit(String unitId, String kind, String site, String shipment, String custodian) {
        assertUnit(unitId, kind, site, shipment, custodian, Tokens.technician());
    }

    private void assertUnit(String unitId, String kind, String site, String shipment, String custodian,
            String reader) {
        Api.as(reader).get("/api/v1/units/{unitId}", unitId).then().statusCode(200)
                .body("unitId", equalTo(unitId))
                .body("coi", equalTo(coi))
                .body("kind", equalTo(kind))
                .body("site", equalTo(site))
                .body("shipmentId", equalTo(shipment))
                .body("custodian", equalTo(custodian))
                .body("locatedSince", notNullValue())
                .body("endedBy", nullValue());
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}

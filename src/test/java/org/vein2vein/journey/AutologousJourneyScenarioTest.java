package org.vein2vein.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.Digests;
import org.vein2vein.testing.LedgerHashes;
import org.vein2vein.testing.Shipping;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * One autologous therapy from the patient's vein back to the same patient's vein: collected at the
 * treatment site, the material shipped fresh to manufacturing, made into two bags there, shipped
 * frozen back to the treatment site, received, thawed and infused. Every step is logged through the
 * API and every move through the shipment API; the ledger tells the whole story, handovers included,
 * a partner on Kafka hears all of it in order, and each unit is where its last event put it, held by
 * whom it was handed to.
 */
@QuarkusTest
class AutologousJourneyScenarioTest {

    /** Numbers are equal when their values are: the ledger keeps 91.0 as 91, say. */
    private static final Comparator<JsonNode> NUMERICALLY = (left, right) -> left.isNumber() && right.isNumber()
            ? left.decimalValue().compareTo(right.decimalValue()) : left.equals(right) ? 0 : 1;
    private static final String LYON = Shipping.TREATMENT;
    private static final String GENT = Shipping.MANUFACTURING;
    private static final String LYON_ORGANISATION = "HOSP-LYON";
    private static final String GENT_ORGANISATION = "MFG-GENT";
    private static final String FRESH = "FRESH_2_TO_8_C";
    private static final String CRYO = "CRYO_AT_OR_BELOW_MINUS_150_C";

    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectMapper exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** An event the journey must have appended, in order: what it records, where, by whom. */
    private record Expected(String type, String stage, String site, Actor actor, JsonNode data) {
    }

    private record Actor(String id, String role, String organisation) {
    }

    private static final Actor TECHNICIAN = new Actor(Tokens.TECHNICIAN_ID, "technician",
            Tokens.TECHNICIAN_ORGANISATION);
    private static final Actor COURIER = new Actor("courier-test", "logistics", Shipping.COURIER);

    private final List<Expected> expected = new ArrayList<>();
    private String coi;
    private Instant start;

    @Test
    void aPatientsCellsTravelFromCollectionToInfusionAndEveryStepIsOnTheLedgerAndOnKafka() throws Exception {
        String subject = "PSN-JOURNEY-01";
        coi = Api.registerAutologous(subject);
        Api.batch(coi).statusCode(200).body("stage", equalTo("ORDERED")).header("ETag", equalTo("\"1\""));

        // The journey is compressed into the last two minutes, the event of sequence n happening 4 n seconds
        // after the start.
        start = Instant.now().minus(115, ChronoUnit.SECONDS);
        String firstBag = StageSamples.bag(coi, 1);
        String secondBag = StageSamples.bag(coi, 2);
        List<String> bags = List.of(firstBag, secondBag);
        String firstDonation = StageSamples.donationId();
        String secondDonation = StageSamples.donationId();
        assertThat(firstDonation).as("each apheresis session has its own DIN").isNotEqualTo(secondDonation);
        List<String> donations = new ArrayList<>(List.of(firstDonation, secondDonation));
        Collections.sort(donations);

        // Collected twice at the treatment site: each session's material is a unit there, held by the hospital.
        step("COLLECTED", map("donationId", firstDonation, "startedAt", at(start, 0), "endedAt",
                at(start, 2), "volumeMl", 210, "totalNucleatedCells", 12_000_000_000L,
                "cd3PositiveCells", 6_500_000_000L, "anticoagulant", "ACD_A"));
        assertUnit(firstDonation, "MATERIAL", LYON, null, LYON_ORGANISATION);
        step("COLLECTED", map("donationId", secondDonation, "startedAt", at(start, 5), "endedAt",
                at(start, 7), "volumeMl", 180, "totalNucleatedCells", 9_800_000_000L,
                "cd3PositiveCells", 5_100_000_000L, "anticoagulant", "ACD_A"));
        assertThat(Shipping.materialOf(coi)).containsExactlyInAnyOrder(firstDonation, secondDonation);

        // The fresh material travels to manufacturing in a 2-8 °C box, out of storage since the second session ended.
        String toManufacturing = Shipping.plan(LYON, GENT, FRESH, List.of(firstDonation, secondDonation))
                .statusCode(201).body("status", equalTo("PLANNED")).extract().path("id");
        assertUnit(firstDonation, "MATERIAL", LYON, null, LYON_ORGANISATION);
        ship(toManufacturing, "SHIPPED_TO_MANUFACTURING", LYON, LYON_ORGANISATION, GENT, GENT_ORGANISATION, FRESH,
                "CB-0042", donations, Instant.parse(at(start, 7)), 4.2, donations);

        // Made at manufacturing: the material is formulated into two bags there, held by the manufacturer.
        step("ACCEPTED", map("condition", "INTACT"));
        step("GENE_MODIFIED", map("construct", "GD2-CD28z-v3",
                "transduction", map("method", "LENTIVIRAL", "vectorLot", "LV-GD2-24-007")));
        step("EXPANDED", map("bioreactor", "BR-PRODIGY-02", "cultureDay", 3, "viableCells", 900_000_000L,
                "viabilityPercent", 93.5));
        step("EXPANDED", map("bioreactor", "BR-PRODIGY-02", "cultureDay", 6,
                "viableCells", 2_400_000_000L, "viabilityPercent", 91.0));
        step("FORMULATED", map("identityCheck", StageSamples.check(coi, null), "units", List.of(
                map("unitId", firstBag, "volumeMl", 70, "carPositiveViableCells", 150_000_000L),
                map("unitId", secondBag, "volumeMl", 70, "carPositiveViableCells", 150_000_000L))));
        unit(firstDonation).body("endedBy", equalTo("FORMULATED"));
        assertUnit(firstBag, "BAG", GENT, null, GENT_ORGANISATION);
        step("CRYOPRESERVED", map("freezerRun", "CRF-2026-0533", "unitIds", bags));
        step("QC_TESTED", map("results", StageSamples.inSpecification()));
        step("RELEASED", map());
        step("STORED", map("location", map("freezer", "LN2-03", "rack", "R2", "box", "B14", "position", "A3"),
                "unitIds", bags));

        // Both bags travel frozen to the treatment site, packed from 20 minutes before: within the 30-minute
        // out-of-storage window.
        String toTreatmentSite = Shipping.plan(GENT, LYON, CRYO, bags).statusCode(201).extract().path("id");
        ship(toTreatmentSite, "SHIPPED_TO_SITE", GENT, GENT_ORGANISATION, LYON, LYON_ORGANISATION, CRYO, "DS-0192",
                bags, at(18).minusSeconds(20 * 60), -180.5, bags);

        // Thawed and infused at the bedside: the first bag ends there; the second stays at the site.
        step("THAWED", map("unitId", firstBag, "identityCheck", StageSamples.check(coi, firstBag),
                "thawTemperatureC", 37));
        unit(firstBag).body("thawedAt", notNullValue()).body("endedBy", nullValue());
        step("INFUSED", map("unitId", firstBag, "identityCheck",
                map("scannedCoi", coi, "scannedUnitId", firstBag, "patientReference", subject,
                        "witness", StageSamples.WITNESS)));
        unit(firstBag).body("endedBy", equalTo("INFUSED")).body("site", equalTo(LYON));
        assertUnit(secondBag, "BAG", LYON, null, LYON_ORGANISATION);
        unit(secondBag).body("thawedAt", nullValue());

        int events = expected.size() + 1;
        assertThat(events).as("registered, 13 steps, 2 shipments of 5 events each").isEqualTo(1 + 13 + 2 * 5);
        Api.batch(coi).statusCode(200)
                .body("stage", equalTo("INFUSED"))
                .body("allowedNextStages.size()", equalTo(0))
                .body("ledgerSequence", equalTo(events))
                .body("units.findAll { it.kind == 'MATERIAL' }.unitId", containsInAnyOrder(firstDonation,
                        secondDonation))
                .body("units.findAll { it.kind == 'BAG' }.unitId", containsInAnyOrder(firstBag, secondBag));

        JsonNode history = LedgerHashes.read(Api.custody(coi).statusCode(200)
                .body("verification.intact", equalTo(true))
                .body("events.type", hasItems("BATCH_REGISTERED", "STEP_RECORDED", "HANDOVER_RELEASED",
                        "HANDOVER_ACCEPTED"))
                .extract().asString());
        JsonNode ledger = history.get("events");
        assertThat(ledger).hasSize(events);
        assertThat(ledger.get(0).get("stage").asText()).isEqualTo("ORDERED");
        assertActor(ledger.get(0), TECHNICIAN);
        for (int i = 0; i < expected.size(); i++) {
            Expected want = expected.get(i);
            JsonNode event = ledger.get(i + 1);
            String what = "event " + (i + 2) + " (" + want.type() + " " + want.stage() + ")";
            assertThat(event.get("sequence").asLong()).isEqualTo(i + 2);
            assertThat(event.get("type").asText()).as(what).isEqualTo(want.type());
            assertThat(event.get("stage").asText()).as(what).isEqualTo(want.stage());
            assertThat(event.get("site").asText()).as("site of %s", what).isEqualTo(want.site());
            assertActor(event, want.actor());
            ObjectNode recorded = event.get("data").deepCopy();
            if (want.stage().equals("QC_TESTED")) {
                assertThat(recorded.remove("assessment").get("inSpecification").asBoolean())
                        .as("the service's assessment of the QC results").isTrue();
            }
            assertThat(recorded.equals(NUMERICALLY, want.data()))
                    .as("the ledger keeps the data of %s as sent: %s, expected %s", what, recorded, want.data())
                    .isTrue();
        }
        LedgerHashes.assertChainRecomputes(ledger);

        try (CustodyTopic topic = new CustodyTopic()) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(coi, events);
            assertThat(records).hasSize(events);
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, String> record = records.get(i);
                JsonNode ledgerEvent = ledger.get(i);
                JsonNode published = mapper.readTree(record.value());
                assertThat(published.get("sequence").asLong()).isEqualTo(i + 1);
                assertThat(published.get("hash").asText()).isEqualTo(ledgerEvent.get("hash").asText());
                assertThat(CustodyTopic.header(record, "ce_specversion")).contains("1.0");
                assertThat(CustodyTopic.header(record, "ce_id")).contains(ledgerEvent.get("eventId").asText());
                assertThat(CustodyTopic.header(record, "ce_subject")).contains(coi);
                assertThat(CustodyTopic.header(record, "ce_time")).contains(ledgerEvent.get("occurredAt").asText());
                assertThat(CustodyTopic.header(record, "ce_source")).contains("urn:vein2vein:custody-ledger");
                assertThat(CustodyTopic.header(record, "ce_type")).contains("org.vein2vein.custody."
                        + ledgerEvent.get("type").asText().toLowerCase(Locale.ROOT).replace('_', '-') + ".v1");
                assertThat(CustodyTopic.header(record, "ce_stage")).contains(ledgerEvent.get("stage").asText());
                assertThat(CustodyTopic.header(record, "content-type")).contains("application/json");
            }
            assertThat(records).extracting(record -> CustodyTopic.header(record, "ce_type").orElseThrow())
                    .contains("org.vein2vein.custody.batch-registered.v1", "org.vein2vein.custody.step-recorded.v1",
                            "org.vein2vein.custody.handover-released.v1",
                            "org.vein2vein.custody.handover-accepted.v1");
        }
    }

    /** Logs the step as the next event, at its stage's site ({@link Api#siteOf}), and expects it on the ledger. */
    private void step(String stage, Map<String, ?> data) {
        long sequence = expected.size() + 2;
        Api.logStep(coi, stage, at(sequence), data)
                .statusCode(201)
                .header("Location", equalTo("/api/v1/batches/" + coi + "/custody/" + sequence))
                .body("event.sequence", equalTo((int) sequence))
                .body("event.stage", equalTo(stage))
                .body("batch.stage", equalTo(stage));
        ObjectNode sent = exact.valueToTree(data);
        if (sent.path("identityCheck").has("patientReference")) {
            // The patient's reference never enters the ledger: its keyed digest stands for it.
            ObjectNode check = (ObjectNode) sent.get("identityCheck");
            check.put("patientReferenceDigest", Digests.of(check.remove("patientReference").asText()));
        }
        expected.add(new Expected("STEP_RECORDED", stage, Api.siteOf(stage), TECHNICIAN, sent));
    }

    /**
     * Packs the planned shipment, which records the shipping stage; the origin's technician hands it to the
     * courier, who accepts it (the pickup) and releases it to the destination (the delivery); the
     * destination's technician receives it, which records the receiving stage. Checks where the units are,
     * and who holds them, after each.
     */
    private void ship(String shipment, String shippedStage, String origin, String originOrganisation,
            String destination, String destinationOrganisation, String temperatureClass, String shipperId,
            List<String> units, Instant outOfStorageSince, double temperatureOnArrival, List<String> recordedUnits) {
        String receivedStage = shippedStage.equals("SHIPPED_TO_SITE") ? "RECEIVED_AT_SITE"
                : "RECEIVED_AT_MANUFACTURING";
        String unit = units.get(0);
        String kind = unit.startsWith(coi) ? "BAG" : "MATERIAL";

        Instant packedAt = at(next());
        Shipping.pack(shipment, packedAt, outOfStorageSince, null).statusCode(200).body("status", equalTo("PACKED"));
        expected.add(new Expected("STEP_RECORDED", shippedStage, origin, TECHNICIAN, exact.valueToTree(map(
                "destinationSite", destination, "courier", Shipping.COURIER, "containerId", shipperId,
                "temperatureClass", temperatureClass, "unitIds", recordedUnits,
                "outOfStorageSince", outOfStorageSince.toString(), "shipmentId", shipment))));
        Api.batch(coi).statusCode(200).body("stage", equalTo(shippedStage));
        assertUnit(unit, kind, null, shipment, originOrganisation);

        Map<String, Object> toCourier = map("shipmentId", shipment, "handover", 1, "fromOrganisation",
                originOrganisation, "toOrganisation", Shipping.COURIER, "fromSite", origin);
        Shipping.release(Tokens.technician(), shipment, map("occurredAt", at(next()).toString(), "toOrganisation",
                Shipping.COURIER)).statusCode(201);
        expected.add(new Expected("HANDOVER_RELEASED", shippedStage, origin, TECHNICIAN, exact.valueToTree(toCourier)));
        assertUnit(unit, kind, null, shipment, originOrganisation);

        Shipping.accept(Tokens.logistics(), shipment, 1, at(next())).statusCode(200)
                .body("status", equalTo("PICKED_UP"));
        toCourier.put("condition", "INTACT");
        expected.add(new Expected("HANDOVER_ACCEPTED", shippedStage, origin, COURIER, exact.valueToTree(toCourier)));
        assertUnit(unit, kind, null, shipment, Shipping.COURIER);

        Shipping.deliver(shipment, at(next())).statusCode(201).body("status", equalTo("DELIVERED"));
        expected.add(new Expected("HANDOVER_RELEASED", shippedStage, destination, COURIER, exact.valueToTree(map(
                "shipmentId", shipment, "handover", 2, "fromOrganisation", Shipping.COURIER, "toOrganisation",
                destinationOrganisation, "toSite", destination))));
        assertUnit(unit, kind, null, shipment, Shipping.COURIER);
        Api.batch(coi).statusCode(200).body("stage", equalTo(shippedStage));

        Map<String, String> received = new LinkedHashMap<>();
        units.forEach(each -> received.put(each, coi));
        Shipping.receive(shipment, at(next()), temperatureOnArrival, received, null).statusCode(200)
                .body("status", equalTo("RECEIVED"));
        expected.add(new Expected("STEP_RECORDED", receivedStage, destination, TECHNICIAN, exact.valueToTree(map(
                "identityCheck", StageSamples.check(coi, recordedUnits.get(0)), "condition", "INTACT",
                "temperatureOnArrivalC", temperatureOnArrival, "unitIds", recordedUnits, "shipmentId", shipment))));
        Api.batch(coi).statusCode(200).body("stage", equalTo(receivedStage));
        for (String each : units) {
            assertUnit(each, kind, destination, null, destinationOrganisation);
        }
    }

    /** The sequence of the next event. */
    private long next() {
        return expected.size() + 2;
    }

    /** When the event of {@code sequence} happens. */
    private Instant at(long sequence) {
        return start.plusSeconds(4 * sequence);
    }

    private ValidatableResponse unit(String unitId) {
        return Api.given().get("/api/v1/units/{unitId}", unitId).then().statusCode(200)
                .body("unitId", equalTo(unitId)).body("coi", equalTo(coi));
    }

    /** The unit is live at {@code site} or on {@code shipment}, held by {@code custodian}. */
    private void assertUnit(String unitId, String kind, String site, String shipment, String custodian) {
        unit(unitId).body("kind", equalTo(kind))
                .body("site", equalTo(site))
                .body("shipmentId", equalTo(shipment))
                .body("custodian", equalTo(custodian))
                .body("locatedSince", notNullValue())
                .body("endedBy", nullValue());
    }

    private static void assertActor(JsonNode event, Actor actor) {
        String what = "actor of event " + event.get("sequence") + " (" + event.get("type").asText() + ")";
        assertThat(event.get("actor").get("id").asText()).as(what).isEqualTo(actor.id());
        assertThat(event.get("actor").get("role").asText()).as(what).isEqualTo(actor.role());
        assertThat(event.get("actor").get("organisation").asText()).as(what).isEqualTo(actor.organisation());
    }

    /** {@code seconds} after {@code start}, as the API writes instants. */
    private static String at(Instant start, long seconds) {
        return start.plusSeconds(seconds).toString();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        return StageSamples.map(keysAndValues);
    }
}

package org.vein2vein.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.Digests;
import org.vein2vein.testing.LedgerHashes;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * One autologous therapy from the patient's vein back to the same patient's vein: every stage is
 * logged through the API, the ledger tells the whole story, and a partner on Kafka hears all of it
 * in order.
 */
@QuarkusTest
class AutologousJourneyScenarioTest {

    /** Numbers are equal when their values are: the ledger keeps 91.0 as 91, say. */
    private static final Comparator<JsonNode> NUMERICALLY = (left, right) -> left.isNumber() && right.isNumber()
            ? left.decimalValue().compareTo(right.decimalValue()) : left.equals(right) ? 0 : 1;

    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectMapper exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void aPatientsCellsTravelFromCollectionToInfusionAndEveryStepIsOnTheLedgerAndOnKafka() throws Exception {
        String subject = "PSN-JOURNEY-01";
        String coi = Api.registerAutologous(subject);
        Api.batch(coi).statusCode(200).body("stage", equalTo("ORDERED")).header("ETag", equalTo("\"1\""));

        // The steps are logged as they happen; the journey is compressed into the last two minutes, the
        // event of sequence n happening 5 n seconds after the start.
        Instant start = Instant.now().minus(100, ChronoUnit.SECONDS);
        String firstBag = StageSamples.bag(coi, 1);
        String secondBag = StageSamples.bag(coi, 2);
        List<String> bags = List.of(firstBag, secondBag);
        String firstDonation = StageSamples.donationId();
        String secondDonation = StageSamples.donationId();
        assertThat(firstDonation).as("each apheresis session has its own DIN").isNotEqualTo(secondDonation);
        record Step(String stage, Map<String, ?> data) {
        }
        List<Step> journey = List.of(
                new Step("COLLECTED", map("donationId", firstDonation, "startedAt", at(start, 0), "endedAt",
                        at(start, 2), "volumeMl", 210, "totalNucleatedCells", 12_000_000_000L,
                        "cd3PositiveCells", 6_500_000_000L, "anticoagulant", "ACD_A")),
                new Step("COLLECTED", map("donationId", secondDonation, "startedAt", at(start, 5), "endedAt",
                        at(start, 7), "volumeMl", 180, "totalNucleatedCells", 9_800_000_000L,
                        "cd3PositiveCells", 5_100_000_000L, "anticoagulant", "ACD_A")),
                new Step("SHIPPED_TO_MANUFACTURING", map("destinationSite", "MFG-GENT-01", "courier", "CRYO-COURIER-EU",
                        "containerId", "DS-0192", "temperatureClass", "FRESH_2_TO_8_C")),
                new Step("RECEIVED_AT_MANUFACTURING", map("identityCheck", StageSamples.check(coi, null),
                        "condition", "INTACT", "temperatureOnArrivalC", 4.2)),
                new Step("ACCEPTED", map("condition", "INTACT")),
                new Step("GENE_MODIFIED", map("construct", "GD2-CD28z-v3",
                        "transduction", map("method", "LENTIVIRAL", "vectorLot", "LV-GD2-24-007"))),
                new Step("EXPANDED", map("bioreactor", "BR-PRODIGY-02", "cultureDay", 3, "viableCells", 900_000_000L,
                        "viabilityPercent", 93.5)),
                new Step("EXPANDED", map("bioreactor", "BR-PRODIGY-02", "cultureDay", 6,
                        "viableCells", 2_400_000_000L, "viabilityPercent", 91.0)),
                new Step("FORMULATED", map("identityCheck", StageSamples.check(coi, null), "units", List.of(
                        map("unitId", firstBag, "volumeMl", 70, "carPositiveViableCells", 150_000_000L),
                        map("unitId", secondBag, "volumeMl", 70, "carPositiveViableCells", 150_000_000L)))),
                new Step("CRYOPRESERVED", map("freezerRun", "CRF-2026-0533", "unitIds", bags)),
                new Step("QC_TESTED", map("results", StageSamples.inSpecification())),
                new Step("RELEASED", map()),
                new Step("STORED", map("location", map("freezer", "LN2-03", "rack", "R2", "box", "B14", "position", "A3"),
                        "unitIds", bags)),
                new Step("SHIPPED_TO_SITE", map("destinationSite", "SITE-LYON-01", "courier", "CRYO-COURIER-EU",
                        "containerId", "DS-0193", "temperatureClass", "CRYO_AT_OR_BELOW_MINUS_150_C", "unitIds", bags,
                        // The 15th event, packed from 20 minutes before: within the 30-minute out-of-storage window.
                        "outOfStorageSince", at(start, 15 * 5 - 20 * 60))),
                new Step("RECEIVED_AT_SITE", map("identityCheck", StageSamples.check(coi, null), "condition", "INTACT",
                        "temperatureOnArrivalC", -180.5, "unitIds", bags)),
                new Step("THAWED", map("unitId", firstBag, "identityCheck", StageSamples.check(coi, firstBag),
                        "thawTemperatureC", 37)),
                new Step("INFUSED", map("unitId", firstBag, "identityCheck",
                        map("scannedCoi", coi, "scannedUnitId", firstBag, "patientReference", subject,
                                "witness", StageSamples.WITNESS))));

        long sequence = 1;
        for (Step step : journey) {
            sequence++;
            Api.logStep(coi, step.stage(), start.plusSeconds(5 * sequence), step.data())
                    .statusCode(201)
                    .header("Location", equalTo("/api/v1/batches/" + coi + "/custody/" + sequence))
                    .body("event.sequence", equalTo((int) sequence))
                    .body("event.stage", equalTo(step.stage()))
                    .body("batch.stage", equalTo(step.stage()));
        }

        Api.batch(coi).statusCode(200)
                .body("stage", equalTo("INFUSED"))
                .body("allowedNextStages.size()", equalTo(0))
                .body("ledgerSequence", equalTo(journey.size() + 1));

        JsonNode history = LedgerHashes.read(Api.custody(coi).statusCode(200)
                .body("verification.intact", equalTo(true))
                .body("events.type", hasItem("BATCH_REGISTERED"))
                .extract().asString());
        JsonNode events = history.get("events");
        assertThat(events).hasSize(journey.size() + 1);
        assertThat(events.get(0).get("stage").asText()).isEqualTo("ORDERED");
        for (JsonNode event : events) {
            assertThat(event.get("actor").get("id").asText()).as("actor from the token").isEqualTo(Tokens.TECHNICIAN_ID);
            assertThat(event.get("actor").get("role").asText()).isEqualTo("technician");
            assertThat(event.get("actor").get("organisation").asText()).isEqualTo(Tokens.TECHNICIAN_ORGANISATION);
        }
        for (int i = 0; i < journey.size(); i++) {
            JsonNode event = events.get(i + 1);
            assertThat(event.get("stage").asText()).isEqualTo(journey.get(i).stage());
            assertThat(event.get("sequence").asLong()).isEqualTo(i + 2);
            ObjectNode recorded = event.get("data").deepCopy();
            if (journey.get(i).stage().equals("QC_TESTED")) {
                assertThat(recorded.remove("assessment").get("inSpecification").asBoolean())
                        .as("the service's assessment of the QC results").isTrue();
            }
            ObjectNode sent = exact.valueToTree(journey.get(i).data());
            if (sent.path("identityCheck").has("patientReference")) {
                // The patient's reference never enters the ledger: its keyed digest stands for it.
                ObjectNode check = (ObjectNode) sent.get("identityCheck");
                check.put("patientReferenceDigest", Digests.of(check.remove("patientReference").asText()));
            }
            assertThat(recorded.equals(NUMERICALLY, sent))
                    .as("the ledger keeps the typed data of %s as sent: %s", journey.get(i).stage(), recorded)
                    .isTrue();
        }
        LedgerHashes.assertChainRecomputes(events);

        try (CustodyTopic topic = new CustodyTopic()) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(coi, journey.size() + 1);
            assertThat(records).hasSize(journey.size() + 1);
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, String> record = records.get(i);
                JsonNode ledgerEvent = events.get(i);
                JsonNode published = mapper.readTree(record.value());
                assertThat(published.get("sequence").asLong()).isEqualTo(i + 1);
                assertThat(published.get("hash").asText()).isEqualTo(ledgerEvent.get("hash").asText());
                assertThat(CustodyTopic.header(record, "ce_specversion")).contains("1.0");
                assertThat(CustodyTopic.header(record, "ce_id")).contains(ledgerEvent.get("eventId").asText());
                assertThat(CustodyTopic.header(record, "ce_subject")).contains(coi);
                assertThat(CustodyTopic.header(record, "ce_time")).contains(ledgerEvent.get("occurredAt").asText());
                assertThat(CustodyTopic.header(record, "ce_source")).contains("urn:vein2vein:custody-ledger");
                assertThat(CustodyTopic.header(record, "ce_type")).contains(i == 0
                        ? "org.vein2vein.custody.batch-registered.v1"
                        : "org.vein2vein.custody.step-recorded.v1");
                assertThat(CustodyTopic.header(record, "ce_stage")).contains(ledgerEvent.get("stage").asText());
                assertThat(CustodyTopic.header(record, "content-type")).contains("application/json");
            }
        }
    }

    /** {@code seconds} after {@code start}, as the API writes instants. */
    private static String at(Instant start, long seconds) {
        return start.plusSeconds(seconds).toString();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        return StageSamples.map(keysAndValues);
    }
}

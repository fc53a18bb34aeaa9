package org.vein2vein.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.LedgerHashes;
import org.vein2vein.testing.Tokens;

/**
 * One autologous therapy from the patient's vein back to the same patient's vein: every stage is
 * logged through the API, the ledger tells the whole story, and a partner on Kafka hears all of it
 * in order.
 */
@QuarkusTest
class AutologousJourneyScenarioTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aPatientsCellsTravelFromCollectionToInfusionAndEveryStepIsOnTheLedgerAndOnKafka() throws Exception {
        String coi = Api.registerAutologous("PSN-JOURNEY-01");
        Api.batch(coi).statusCode(200).body("stage", equalTo("ORDERED")).header("ETag", equalTo("\"1\""));

        // The steps are logged as they happen; the journey is compressed into the last two minutes.
        Instant start = Instant.now().minus(100, ChronoUnit.SECONDS);
        record Step(String stage, Map<String, ?> data) {
        }
        List<Step> journey = List.of(
                new Step("COLLECTED", Map.of("donationId", "A9990 26 000001", "volumeMl", 210)),
                new Step("COLLECTED", Map.of("donationId", "A9990 26 000002", "volumeMl", 180)),
                new Step("SHIPPED_TO_MANUFACTURING", Map.of("shipper", "CRYO-COURIER-1", "destinationSite", "MFG-GENT-01")),
                new Step("RECEIVED_AT_MANUFACTURING", Map.of("condition", "2-8C intact")),
                new Step("ACCEPTED", Map.of()),
                new Step("GENE_MODIFIED", Map.of("method", "LENTIVIRAL_TRANSDUCTION")),
                new Step("EXPANDED", Map.of("cultureDay", 3, "viabilityPercent", 93.5)),
                new Step("EXPANDED", Map.of("cultureDay", 6, "viabilityPercent", 91.0)),
                new Step("FORMULATED", Map.of("bags", 2)),
                new Step("CRYOPRESERVED", Map.of("freezerRun", "CRF-118")),
                new Step("QC_TESTED", Map.of("viabilityPercent", 88)),
                new Step("RELEASED", Map.of()),
                new Step("STORED", Map.of("location", "LN2-A/R3/B7/P12")),
                new Step("SHIPPED_TO_SITE", Map.of("shipper", "CRYO-COURIER-1", "destinationSite", "SITE-LYON-01")),
                new Step("RECEIVED_AT_SITE", Map.of("condition", "dry shipper intact")),
                new Step("THAWED", Map.of("unit", "BAG-1")),
                new Step("INFUSED", Map.of("unit", "BAG-1", "bedsideCheck", "PASSED")));

        long sequence = 1;
        for (Step step : journey) {
            sequence++;
            Api.logStep(coi, step.stage(), start.plusSeconds(5 * sequence), step.data())
                    .statusCode(201)
                    .header("Location", startsWith("http"))
                    .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/batches/" + coi + "/custody/" + sequence))
                    .body("event.sequence", equalTo((int) sequence))
                    .body("event.stage", equalTo(step.stage()))
                    .body("batch.stage", equalTo(step.stage()));
        }

        Api.batch(coi).statusCode(200)
                .body("stage", equalTo("INFUSED"))
                .body("allowedNextStages.size()", equalTo(0))
                .body("ledgerSequence", equalTo(journey.size() + 1));

        JsonNode history = mapper.readTree(Api.custody(coi).statusCode(200)
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
            assertThat(events.get(i + 1).get("stage").asText()).isEqualTo(journey.get(i).stage());
            assertThat(events.get(i + 1).get("sequence").asLong()).isEqualTo(i + 2);
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
}

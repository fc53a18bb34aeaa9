package org.vein2vein.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.Digests;
import org.vein2vein.testing.Shipping;
import org.vein2vein.testing.StageSamples;

/**
 * Minimum necessary: a patient's pseudonymous reference is kept by the service and served to the
 * roles that may read it, but never written into an event, where partners on Kafka would read it
 * and nobody could ever erase it. A failed bedside check records that it failed and a keyed digest
 * of what was scanned, not the other patient's reference.
 */
@QuarkusTest
class PseudonymousReferencesTest {

    private static final String PATIENT = "PSN-MINNEC-01";
    private static final String OTHER_PATIENT = "PSN-OTHER-4711";
    private static final List<String> TO_THAW = List.of("COLLECTED", "SHIPPED_TO_MANUFACTURING",
            "RECEIVED_AT_MANUFACTURING", "ACCEPTED", "GENE_MODIFIED", "EXPANDED", "FORMULATED", "CRYOPRESERVED",
            "QC_TESTED", "RELEASED", "STORED", "SHIPPED_TO_SITE", "RECEIVED_AT_SITE", "THAWED");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = { "Firstname.Lastname.1961-04-12", "FIRSTNAME-LASTNAME-19610412", "PSN-12.04.1961",
            "DUPONT-1961-04-12", "John Smith", "JOHN-SMITH", "PSN_20261125" })
    void refusesAReferenceShapedLikeANameOrABirthDateWithoutEchoingIt(String reference) {
        String answer = Api.register("AUTOLOGOUS", reference).statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("subjectReference"))
                .extract().asString();
        assertThat(answer).doesNotContain(reference);
    }

    @ParameterizedTest
    @ValueSource(strings = { "PSN-7F3K-22", "PAT-LYON-0042", "RCP-GENT-0007", "a1b2c3", "SUBJ:0815_X" })
    void acceptsPseudonymsAsSitesIssueThem(String reference) {
        Api.register("AUTOLOGOUS", reference).statusCode(201);
    }

    @Test
    void refusesAWitnessNamedWithDotsOrSpaces() {
        String coi = Api.registerAutologous("PSN-MINNEC-02");
        Api.advance(coi, "COLLECTED");
        List<String> material = Shipping.materialOf(coi);
        String shipment = Shipping.plan(Shipping.TREATMENT, Shipping.MANUFACTURING, "FRESH_2_TO_8_C", material)
                .statusCode(201).extract().path("id");
        Instant packed = Instant.now();
        Shipping.pack(shipment, packed).statusCode(200);
        Shipping.pickUp(shipment, packed.plusMillis(10));
        Shipping.deliver(shipment, packed.plusMillis(20)).statusCode(201);
        Map<String, Object> receipt = StageSamples.map("occurredAt", Instant.now().toString(), "condition", "INTACT",
                "temperatureOnArrivalC", 4.2, "units", List.of(StageSamples.map("unitId", material.get(0),
                        "identityCheck", StageSamples.map("scannedCoi", coi, "witness", "Dr.Firstname.Lastname"))));
        Api.given().contentType(ContentType.JSON).body(receipt)
                .post("/api/v1/shipments/{id}/receipt", shipment).then().statusCode(400)
                .body("violations[0].field", equalTo("units[0].identityCheck.witness"));
        Api.batch(coi).statusCode(200).body("stage", equalTo("SHIPPED_TO_MANUFACTURING"));
        Api.given().get("/api/v1/shipments/{id}", shipment).then().statusCode(200).body("status",
                equalTo("DELIVERED"));
    }

    @Test
    void aFailedBedsideCheckRecordsADigestOfTheScanNotTheOtherPatientsReference() throws Exception {
        String coi = Api.registerAutologous(PATIENT);
        for (String stage : TO_THAW) {
            Api.advance(coi, stage);
        }
        Map<String, Object> wrongPatient = StageSamples.of(coi, "INFUSED", Instant.now(), OTHER_PATIENT);
        Api.logStep(coi, "INFUSED", Instant.now(), wrongPatient).statusCode(409)
                .body("type", equalTo("urn:vein2vein:problem:identity-mismatch"));

        // Authorised roles still read the reference where it is kept: the batch record.
        Api.batch(coi).statusCode(200).body("subjectReference", equalTo(PATIENT)).body("stage",
                equalTo("QUARANTINED"));
        String history = Api.custody(coi).statusCode(200).body("verification.intact", equalTo(true))
                .extract().asString();
        List<JsonNode> events = List.copyOf(toList(json.readTree(history).get("events")));
        JsonNode registration = events.get(0).get("data");
        JsonNode rejection = events.stream().filter(event -> "STEP_REJECTED".equals(event.get("type").asText()))
                .findFirst().orElseThrow().get("data");

        assertThat(registration.has("subjectReference")).isFalse();
        assertThat(registration.get("subjectReferenceDigest").asText()).isEqualTo(Digests.of(PATIENT));
        assertThat(rejection.get("refusal").asText()).isEqualTo("IDENTITY_MISMATCH");
        JsonNode scanned = rejection.get("data").get("identityCheck");
        assertThat(scanned.has("patientReference")).isFalse();
        assertThat(scanned.get("patientReferenceDigest").asText()).as("comparable: not the batch's patient")
                .isEqualTo(Digests.of(OTHER_PATIENT))
                .isNotEqualTo(registration.get("subjectReferenceDigest").asText());
        assertThat(history).doesNotContain(PATIENT, OTHER_PATIENT);

        try (CustodyTopic topic = new CustodyTopic()) {
            List<ConsumerRecord<String, String>> published = topic.awaitRecords(coi, events.size());
            assertThat(published).extracting(ConsumerRecord::value).allSatisfy(value -> assertThat(value)
                    .as("no pseudonymous reference on the topic partners read").doesNotContain(PATIENT, OTHER_PATIENT));
        }
    }

    @Test
    void anAllocationRefusesARecipientReferenceShapedLikeAName() {
        Api.given().contentType(ContentType.JSON)
                .body(Map.of("stage", "ALLOCATED", "occurredAt", Instant.now().toString(), "site", "SITE-LYON-01",
                        "data", Map.of("unitId", "V2V7K3Q9P2XRTB-D01", "recipientReference", "Jane.Doe")))
                .post("/api/v1/batches/{coi}/steps", Api.registerAutologous("PSN-MINNEC-03"))
                .then().statusCode(400)
                .body("violations[0].field", equalTo("data.recipientReference"));
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}

package org.vein2vein.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.custody.application.CustodyEventMessage;
import org.vein2vein.custody.domain.Actor;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.CustodyTopic;

/**
 * What the service publishes and serves about a batch's custody carries no personal health
 * information. Every field must be on the allowlist below, with the reason it is not PHI; a new
 * field fails this test until someone has written down why it may be shared.
 */
@QuarkusTest
class PhiAllowlistTest {

    /** The custody event, on Kafka and in the API: field path and why it is not PHI. */
    private static final Map<String, String> EVENT_FIELDS = allowlist(
            "eventId", "a random UUID the service assigns",
            "coi", "the Chain of Identity id: random, assigned by the service, meaningless outside it",
            "sequence", "the event's position in the batch's ledger",
            "type", "a code: BATCH_REGISTERED or STEP_RECORDED",
            "stage", "a code of the stage plan",
            "occurredAt", "when a manufacturing step happened, not a clinical date of the person",
            "recordedAt", "when the service recorded the event",
            "actor", "the member, not a value: see ACTOR_FIELDS",
            "site", "a site code, an organisation's location, not the person's",
            "data", "the member, not a value: see REGISTRATION_DATA_FIELDS; step data is checked elsewhere",
            "previousHash", "a SHA-256 hash",
            "hash", "a SHA-256 hash");

    /** Who acted: staff, not patients. */
    private static final Map<String, String> ACTOR_FIELDS = allowlist(
            "actor.id", "the staff member's pseudonymous id from their token, never a name",
            "actor.role", "a code: technician, qa, ...",
            "actor.organisation", "an organisation code");

    /** The data of BATCH_REGISTERED, which the service builds itself. */
    private static final Map<String, String> REGISTRATION_DATA_FIELDS = allowlist(
            "data.batchType", "a code: AUTOLOGOUS or ALLOGENEIC",
            "data.subjectReference", "the pseudonym the site issued; only the site can link it to the person",
            "data.productCode", "a product code",
            "data.productVersion", "a number: the version of the product definition the batch follows",
            "data.collectionSite", "a site code");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theKafkaMessageRecordHasExactlyTheAllowedFields() {
        Set<String> components = Arrays.stream(CustodyEventMessage.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> actorComponents = Arrays.stream(Actor.class.getRecordComponents())
                .map(component -> "actor." + component.getName()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(components).as("CustodyEventMessage: add a new field to the allowlist, with its reason")
                .isEqualTo(new TreeSet<>(EVENT_FIELDS.keySet()));
        assertThat(actorComponents).as("Actor: add a new field to the allowlist, with its reason")
                .isEqualTo(new TreeSet<>(ACTOR_FIELDS.keySet()));
    }

    @Test
    void everyPublishedAndServedFieldIsAllowed() throws Exception {
        String coi = Api.registerAutologous("PSN-PHI-01");
        Api.logStep(coi, "COLLECTED", Instant.now(), Map.of("donationId", "A9990 26 123456", "volumeMl", 210))
                .statusCode(201);
        Api.logStep(coi, "SHIPPED_TO_MANUFACTURING").statusCode(201);

        List<JsonNode> events;
        try (CustodyTopic topic = new CustodyTopic()) {
            events = topic.awaitRecords(coi, 3).stream().map(ConsumerRecord::value).map(this::read).toList();
        }
        JsonNode custody = json.readTree(Api.custody(coi).statusCode(200).extract().asString());
        List<JsonNode> served = iterableToList(custody.get("events").elements());

        assertThat(events).hasSize(3);
        assertThat(served).hasSize(3);
        for (JsonNode event : concat(events, served)) {
            assertOnlyAllowedFields(event);
        }
    }

    private void assertOnlyAllowedFields(JsonNode event) {
        assertThat(fieldNames(event, "")).as("top-level fields of %s", event)
                .isEqualTo(new TreeSet<>(EVENT_FIELDS.keySet()));
        assertThat(fieldNames(event.get("actor"), "actor.")).as("actor of %s", event)
                .isEqualTo(new TreeSet<>(ACTOR_FIELDS.keySet()));
        if ("BATCH_REGISTERED".equals(event.get("type").asText())) {
            assertThat(fieldNames(event.get("data"), "data.")).as("registration data of %s", event)
                    .isEqualTo(new TreeSet<>(REGISTRATION_DATA_FIELDS.keySet()));
            event.get("data").forEach(value -> assertThat(value.isTextual() || value.isIntegralNumber())
                    .as("a code or a version number, not a structure").isTrue());
        } else {
            // Step data is free JSON from the client until typed stage data arrives; its members are
            // the client's to keep PHI-free (the API contract says so) and are not checked here.
            assertThat(event.get("data").isObject()).isTrue();
        }
    }

    private static Set<String> fieldNames(JsonNode node, String prefix) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(name -> names.add(prefix + name));
        return names;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> allowlist(String... pathsAndReasons) {
        Map<String, String> allowed = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndReasons.length; i += 2) {
            allowed.put(pathsAndReasons[i], pathsAndReasons[i + 1]);
        }
        return allowed;
    }

    private static <T> List<T> iterableToList(Iterator<T> iterator) {
        List<T> values = new ArrayList<>();
        iterator.forEachRemaining(values::add);
        return values;
    }

    private static List<JsonNode> concat(List<JsonNode> first, List<JsonNode> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}

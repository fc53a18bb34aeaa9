package org.vein2vein.platform.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.EventContract;
import org.vein2vein.testing.EventContract.Message;
import org.vein2vein.testing.ShipmentsTopic;

/**
 * {@code openapi/asyncapi.yaml} is a valid AsyncAPI 3.0.0 document, its examples conform to it, and
 * its schemas refuse the mistakes they are there to catch. That the service's events conform is
 * {@link EmittedEventsConformTest}'s part.
 */
class AsyncApiContractTest {

    private static final EventContract CONTRACT = EventContract.load();

    @Test
    void theDocumentIsValidAsyncApi300() {
        List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("classpath:asyncapi/asyncapi-3.0.0.json"))
                .validate(new YAMLMapper().readTree(EventContract.DOCUMENT));

        assertThat(errors).isEmpty();
    }

    @Test
    void eachTopicCarriesItsOwnEventsAndItsOperationPublishesThemAll() {
        assertThat(CONTRACT.messages()).extracting(Message::topic).containsOnly(CustodyTopic.TOPIC, ShipmentsTopic.TOPIC);
        for (Message message : CONTRACT.messages()) {
            String family = message.topic().equals(CustodyTopic.TOPIC) ? "custody" : "shipment";
            assertThat(message.name()).as("message %s", message.id()).isEqualTo("org.vein2vein." + family + "."
                    + message.payloadType().toLowerCase(Locale.ROOT).replace('_', '-') + ".v1");
            assertThat(message.headers().getSchemaNode().at("/properties/ce_type/enum").values())
                    .as("ce_type of %s's headers", message.id()).extracting(JsonNode::asString)
                    .contains(message.name());
        }
        for (JsonNode operation : CONTRACT.document().path("operations").values()) {
            String channel = operation.at("/channel/$ref").asString();
            JsonNode channelMessages = CONTRACT.document().at(channel.substring(1) + "/messages");
            assertThat(operation.path("messages").values()).as("messages of %s", channel)
                    .extracting(reference -> reference.path("$ref").asString())
                    .containsExactlyInAnyOrderElementsOf(channelMessages.propertyNames().stream()
                            .map(name -> channel + "/messages/" + name).toList());
        }
    }

    @Test
    void everyExampleConformsToItsMessage() {
        int examples = 0;
        for (Message message : CONTRACT.messages()) {
            for (JsonNode example : message.examples()) {
                assertThat(problems(message, example, changed -> {
                })).as("example %s of %s", example.path("name").asString(), message.id()).isEmpty();
                examples++;
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(11);
    }

    @Test
    void aShipmentEventWithAPatientReferenceIsRefused() {
        assertThat(problems(message("shipmentPacked"), example("shipmentPacked"),
                payload -> payload.put("patientReference", "PSN-7F3K-22"))).isNotEmpty();
    }

    @Test
    void aPlainReferenceAnywhereInACustodyEventsDataIsRefused() {
        assertThat(problems(message("custodyStepRecorded"), example("custodyStepRecorded"),
                payload -> ((ObjectNode) payload.path("data")).putObject("identityCheck")
                        .put("patientReference", "PSN-7F3K-22"))).isNotEmpty();
    }

    @Test
    void anEmptyOptionalWrittenAsNullIsRefused() {
        assertThat(problems(message("shipmentPacked"), example("shipmentPacked"),
                payload -> payload.putNull("trackingNumber"))).isNotEmpty();
    }

    @Test
    void aStatusTheEventCannotLeaveIsRefused() {
        assertThat(problems(message("shipmentPacked"), example("shipmentPacked"),
                payload -> payload.put("status", "RECEIVED"))).isNotEmpty();
    }

    @Test
    void aTimeWithAnOffsetIsRefused() {
        assertThat(problems(message("shipmentPacked"), example("shipmentPacked"),
                payload -> payload.put("occurredAt", "2026-11-25T10:00:00+01:00"))).isNotEmpty();
    }

    @Test
    void aPartnerHeaderThatIsNotTheCourierIsRefused() {
        Message packed = message("shipmentPacked");
        ObjectNode example = example("shipmentPacked");
        ((ObjectNode) example.path("headers")).put("ce_partner", "ANOTHER-COURIER");

        assertThat(problems(packed, example, payload -> {
        })).containsExactly("ce_partner ANOTHER-COURIER is not the payload's /courier \"CRYO-COURIER-1\"");
    }

    @Test
    void anUnknownTypeOrAnEventOnTheWrongTopicIsRefused() {
        ObjectNode example = example("custodyStepRecorded");
        Map<String, String> headers = headers(example);

        assertThat(CONTRACT.problems(ShipmentsTopic.TOPIC, headers.get("ce_subject"), headers,
                example.path("payload").toString())).contains(
                        "org.vein2vein.custody.step-recorded.v1 is documented on vein2vein.custody.v1, not on "
                                + "vein2vein.shipments.v1");
        headers.put("ce_type", "org.vein2vein.custody.step-recorded.v2");
        assertThat(CONTRACT.problems(CustodyTopic.TOPIC, headers.get("ce_subject"), headers,
                example.path("payload").toString()))
                .containsExactly("ce_type org.vein2vein.custody.step-recorded.v2 is no message of the contract");
    }

    private static List<String> problems(Message message, JsonNode example, Consumer<ObjectNode> change) {
        ObjectNode payload = (ObjectNode) example.path("payload").deepCopy();
        change.accept(payload);
        Map<String, String> headers = headers(example);
        return CONTRACT.problems(message.topic(), headers.get("ce_subject"), headers, payload.toString());
    }

    private static Map<String, String> headers(JsonNode example) {
        Map<String, String> headers = new LinkedHashMap<>();
        example.path("headers").properties().forEach(header -> headers.put(header.getKey(),
                header.getValue().asString()));
        return headers;
    }

    private static Message message(String id) {
        return CONTRACT.messages().stream().filter(message -> message.id().equals(id)).findFirst().orElseThrow();
    }

    private static ObjectNode example(String id) {
        return (ObjectNode) message(id).examples().get(0).deepCopy();
    }
}

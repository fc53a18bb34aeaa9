package org.vein2vein.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kafka contract, {@code openapi/asyncapi.yaml}, as a checker of records: each message of the
 * document, found by its name (a record's {@code ce_type}), with the JSON Schemas of its key, headers
 * and payload, and the headers that repeat a payload's member.
 */
public final class EventContract {

    public static final Path DOCUMENT = Path.of("openapi", "asyncapi.yaml");

    /** Headers that repeat a member of the payload, per topic; ce_time repeats occurredAt on both. */
    private static final Map<String, Map<String, String>> HEADERS_FROM_PAYLOAD = Map.of(
            CustodyTopic.TOPIC, Map.of("ce_id", "/eventId", "ce_subject", "/coi", "ce_stage", "/stage",
                    "ce_sequence", "/sequence"),
            ShipmentsTopic.TOPIC, Map.of("ce_subject", "/shipmentId", "ce_partner", "/courier"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode document;
    private final Map<String, Message> messages = new LinkedHashMap<>();

    /**
     * A message of the contract.
     *
     * @param id          its key under components/messages
     * @param name        its name: the {@code ce_type} of its records
     * @param topic       the address of the channel that carries it
     * @param payloadType the payload's {@code type} member, which the payload schema fixes
     * @param examples    the message's examples, each with headers and payload
     */
    public record Message(String id, String name, String topic, String payloadType, Schema key, Schema headers,
            Schema payload, List<JsonNode> examples) {
    }

    private EventContract(JsonNode document) {
        this.document = document;
        Path folder = DOCUMENT.toAbsolutePath().getParent();
        String files = folder.toUri().toString();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true).build())
                        // The schemas beside the document, and nothing from anywhere else.
                        .schemas(iri -> iri.startsWith(files) ? read(Path.of(URI.create(iri))) : null));
        for (Map.Entry<String, JsonNode> channel : document.path("channels").properties()) {
            String topic = channel.getValue().path("address").asString();
            for (JsonNode reference : channel.getValue().path("messages").values()) {
                JsonNode message = resolve(reference);
                String id = reference.path("$ref").asString().substring("#/components/messages/".length());
                Schema payload = registry.getSchema(SchemaLocation.of(folder.resolve(
                        message.at("/payload/schema/$ref").asString()).toUri().toString()));
                Schema headers = registry.getSchema(SchemaLocation.of(folder.resolve(
                        message.at("/headers/schema/$ref").asString()).toUri().toString()));
                Schema key = registry.getSchema(resolve(message.path("bindings")).at("/kafka/key"));
                String payloadType = payload.getSchemaNode().at("/properties/type/const").asString();
                messages.put(message.path("name").asString(), new Message(id, message.path("name").asString(), topic,
                        payloadType, key, headers, payload, List.copyOf(message.path("examples").values())));
            }
        }
    }

    public static EventContract load() {
        return new EventContract(new YAMLMapper().readTree(DOCUMENT));
    }

    /** The document as read, for checks of its structure. */
    public JsonNode document() {
        return document;
    }

    public Collection<Message> messages() {
        return messages.values();
    }

    public Optional<Message> message(String ceType) {
        return Optional.ofNullable(messages.get(ceType));
    }

    /** What is wrong with a record of {@code topic}, by the contract; nothing when it conforms. */
    public List<String> problems(String topic, String key, Map<String, String> headers, String value) {
        String ceType = headers.get("ce_type");
        Message message = messages.get(ceType);
        if (message == null) {
            return List.of("ce_type " + ceType + " is no message of the contract");
        }
        List<String> problems = new ArrayList<>();
        if (!message.topic().equals(topic)) {
            problems.add(ceType + " is documented on " + message.topic() + ", not on " + topic);
        }
        problems.addAll(errors("key", message.key(), JSON.valueToTree(key)));
        ObjectNode headerObject = JSON.createObjectNode();
        headers.forEach(headerObject::put);
        problems.addAll(errors("headers", message.headers(), headerObject));
        JsonNode payload;
        try {
            payload = JSON.readTree(value);
        } catch (JacksonException e) {
            problems.add("payload is not JSON: " + e.getOriginalMessage());
            return problems;
        }
        problems.addAll(errors("payload", message.payload(), payload));
        if (!problems.isEmpty()) {
            // The checks below read what the schemas guarantee.
            return problems;
        }
        if (!key.equals(headers.get("ce_subject"))) {
            problems.add("key " + key + " is not ce_subject " + headers.get("ce_subject"));
        }
        if (!Instant.parse(headers.get("ce_time")).equals(Instant.parse(payload.path("occurredAt").asString()))) {
            problems.add("ce_time " + headers.get("ce_time") + " is not occurredAt " + payload.path("occurredAt"));
        }
        HEADERS_FROM_PAYLOAD.getOrDefault(topic, Map.of()).forEach((header, member) -> {
            if (!payload.at(member).asString().equals(headers.get(header))) {
                problems.add(header + " " + headers.get(header) + " is not the payload's " + member + " "
                        + payload.at(member));
            }
        });
        return problems;
    }

    private static List<String> errors(String part, Schema schema, JsonNode node) {
        return schema.validate(node).stream().map(Error::toString).map(error -> part + ": " + error).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node a local reference points to, or the node itself. */
    private JsonNode resolve(JsonNode node) {
        String reference = node.path("$ref").asString("");
        return reference.startsWith("#/") ? document.at(reference.substring(1)) : node;
    }
}

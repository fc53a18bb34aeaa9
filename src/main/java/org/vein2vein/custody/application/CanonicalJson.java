package org.vein2vein.custody.application;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes JSON in the one form that custody hashes are computed over: object members sorted by
 * name at every depth, no whitespace. The stored payload is that text, byte for byte.
 */
@ApplicationScoped
public class CanonicalJson {

    private final ObjectMapper mapper;
    /** Reads a stored payload number for number as it was hashed: 4.0 stays 4.0, not 4. */
    private final ObjectReader stored;

    public CanonicalJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.stored = mapper.reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /**
     * @throws UnrepresentablePayloadException when a string holds an unpaired surrogate, which
     *         UTF-8 cannot store: the stored text would differ from the hashed one
     */
    public String write(JsonNode node) {
        return writeCanonical(canonical(node));
    }

    /** A copy of {@code node} in canonical order: members sorted by name at every depth. */
    public JsonNode canonical(JsonNode node) {
        return sorted(node);
    }

    /**
     * The text of a tree {@link #canonical} returned, without sorting it again.
     *
     * @throws UnrepresentablePayloadException as {@link #write} does
     */
    public String writeCanonical(JsonNode canonicalNode) {
        String canonical;
        try {
            canonical = mapper.writeValueAsString(canonicalNode);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < canonical.length()
                    && Character.isLowSurrogate(canonical.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new UnrepresentablePayloadException(
                        "the data holds an unpaired UTF-16 surrogate (\\u" + Integer.toHexString(c)
                                + "), which is not valid Unicode text");
            }
        }
        return canonical;
    }

    /** The stored payload as JSON, or empty when it is not a JSON object (a ledger tampered with). */
    public Optional<JsonNode> readStored(String payload) {
        try {
            JsonNode node = stored.readTree(payload);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> members = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                members.put(member.getKey(), sorted(member.getValue()));
            }
            ObjectNode object = mapper.createObjectNode();
            members.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = mapper.createArrayNode();
            node.forEach(element -> array.add(sorted(element)));
            return array;
        }
        return node;
    }
}

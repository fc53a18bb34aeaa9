package org.vein2vein.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * Recomputes custody hashes from events as the API serves them, following only the canonical
 * form docs/custody-ledger.md documents: a second, independent implementation, so that a drift between the
 * documentation and the service fails a test.
 *
 * <p>Numbers are part of the hashed text as the API serves them ({@code 1E+400}, {@code 93.5},
 * {@code 2.1E+2}): read the served JSON with {@link #read(String)}, which keeps each number as the
 * exact decimal it was written as, never as a double that would be written back differently.
 */
public final class LedgerHashes {

    private static final ObjectMapper SORTED = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private LedgerHashes() {
    }

    /** Served JSON (a custody history, an event), each number kept exactly as written. */
    public static JsonNode read(String json) {
        try {
            return SORTED.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /** Asserts that every event's hash recomputes and links to the one before it. */
    public static void assertChainRecomputes(JsonNode events) throws Exception {
        String previous = "0".repeat(64);
        for (JsonNode event : events) {
            assertThat(event.get("previousHash").asText()).as("link of event %s", event.get("sequence"))
                    .isEqualTo(previous);
            assertThat(hashOf(event)).as("hash of event %s", event.get("sequence"))
                    .isEqualTo(event.get("hash").asText());
            previous = event.get("hash").asText();
        }
    }

    public static String hashOf(JsonNode event) throws Exception {
        if (hasBinaryFloatingPoint(event.get("data"))) {
            throw new IllegalArgumentException("event " + event.get("sequence") + " holds a number read as a double, "
                    + "which is not the text the API served: read it with LedgerHashes.read");
        }
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("actor", SORTED.convertValue(event.get("actor"), Object.class));
        for (String member : new String[] { "coi", "eventId", "occurredAt", "previousHash", "recordedAt",
                "site", "stage", "type" }) {
            canonical.put(member, event.get(member).asText());
        }
        canonical.put("sequence", event.get("sequence").asLong());
        canonical.put("payload", SORTED.convertValue(event.get("data"), Object.class));
        String text = SORTED.writeValueAsString(canonical);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static boolean hasBinaryFloatingPoint(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasBinaryFloatingPoint(child)) {
                return true;
            }
        }
        return false;
    }
}

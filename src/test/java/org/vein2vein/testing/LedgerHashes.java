package org.vein2vein.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Recomputes custody hashes from events as the API serves them, following only the canonical
 * form the README documents: a second, independent implementation, so that a drift between the
 * documentation and the service fails a test.
 */
public final class LedgerHashes {

    private static final ObjectMapper SORTED = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private LedgerHashes() {
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
}

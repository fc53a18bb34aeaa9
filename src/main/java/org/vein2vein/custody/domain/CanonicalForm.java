package org.vein2vein.custody.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

import org.vein2vein.kernel.Actor;

/**
 * The exact text a custody event's hash is computed over, so that anyone can recompute it.
 *
 * <p>A JSON object without whitespace whose members appear in this order (alphabetical):
 * {@code actor, coi, eventId, occurredAt, payload, previousHash, recordedAt, sequence, site,
 * stage, type}; {@code actor} is an object of {@code id, organisation, role}, in that order.
 * Strings are JSON strings escaped as RFC 8785 does; times are ISO-8601 UTC
 * instants as {@link DateTimeFormatter#ISO_INSTANT} prints them (microsecond precision at most);
 * {@code sequence} is a JSON number; {@code payload} is the event's canonical payload JSON
 * embedded as is (object members sorted by name, no whitespace). The hash is the lower-case hex
 * SHA-256 of the UTF-8 bytes of that text.
 */
public final class CanonicalForm {

    private CanonicalForm() {
    }

    public static String of(UUID eventId, String coi, long sequence, CustodyEventType type, String stage,
            Instant occurredAt, Instant recordedAt, Actor actor, String site, String canonicalPayload,
            String previousHash) {
        StringBuilder text = new StringBuilder(256 + canonicalPayload.length());
        text.append('{');
        JsonText.string(text, "actor").append(":{");
        member(text, "id", actor.id()).append(',');
        member(text, "organisation", actor.organisation()).append(',');
        member(text, "role", actor.role()).append("},");
        member(text, "coi", coi).append(',');
        member(text, "eventId", eventId.toString()).append(',');
        member(text, "occurredAt", DateTimeFormatter.ISO_INSTANT.format(occurredAt)).append(',');
        JsonText.string(text, "payload").append(':').append(canonicalPayload).append(',');
        member(text, "previousHash", previousHash).append(',');
        member(text, "recordedAt", DateTimeFormatter.ISO_INSTANT.format(recordedAt)).append(',');
        JsonText.string(text, "sequence").append(':').append(sequence).append(',');
        member(text, "site", site).append(',');
        member(text, "stage", stage).append(',');
        member(text, "type", type.name());
        return text.append('}').toString();
    }

    public static String hash(UUID eventId, String coi, long sequence, CustodyEventType type, String stage,
            Instant occurredAt, Instant recordedAt, Actor actor, String site, String canonicalPayload,
            String previousHash) {
        String text = of(eventId, coi, sequence, type, stage, occurredAt, recordedAt, actor, site, canonicalPayload,
                previousHash);
        return sha256Hex(text);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static StringBuilder member(StringBuilder text, String name, String value) {
        JsonText.string(text, name).append(':');
        return JsonText.string(text, value);
    }
}

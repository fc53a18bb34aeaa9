package org.vein2vein.custody.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.vein2vein.kernel.Actor;

class CanonicalFormTest {

    private static final UUID EVENT_ID = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    private static final String COI = "V2V7K3Q9P2XRTB";
    private static final Instant OCCURRED = Instant.parse("2025-03-01T08:15:30.123456Z");
    private static final Instant RECORDED = Instant.parse("2025-03-01T08:15:31Z");
    private static final String PAYLOAD = "{\"donationId\":\"DIN-1\",\"volumeMl\":250}";
    private static final String GENESIS = "0".repeat(64);
    private static final Actor TECH = new Actor("tech-1", "technician", "HOSP-LYON");

    private static final String KNOWN_TEXT = "{\"actor\":{\"id\":\"tech-1\",\"organisation\":\"HOSP-LYON\","
            + "\"role\":\"technician\"},\"coi\":\"V2V7K3Q9P2XRTB\","
            + "\"eventId\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"occurredAt\":\"2025-03-01T08:15:30.123456Z\","
            + "\"payload\":{\"donationId\":\"DIN-1\",\"volumeMl\":250},"
            + "\"previousHash\":\"" + GENESIS + "\",\"recordedAt\":\"2025-03-01T08:15:31Z\",\"sequence\":1,"
            + "\"site\":\"SITE-A\",\"stage\":\"COLLECTED\",\"type\":\"STEP_RECORDED\"}";

    /** SHA-256 of {@link #KNOWN_TEXT}, computed outside Java (Python hashlib). */
    private static final String KNOWN_HASH = "87aee4adfb602ce66aebb9e168fbdc3dbe649ac61ea53de2af02655196dedfed";

    @Test
    void canonical_form_of_a_known_event_is_exact_sorted_json_without_whitespace() {
        String text = CanonicalForm.of(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                RECORDED, TECH, "SITE-A", PAYLOAD, GENESIS);
        assertThat(text).isEqualTo(KNOWN_TEXT);
        assertThat(text).doesNotContainAnyWhitespaces();
    }

    @Test
    void members_appear_in_alphabetical_order() {
        String text = CanonicalForm.of(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                RECORDED, TECH, "SITE-A", "{}", GENESIS);
        String[] names = { "actor", "coi", "eventId", "occurredAt", "payload", "previousHash", "recordedAt",
                "sequence", "site", "stage", "type" };
        int last = -1;
        for (String name : names) {
            int at = text.indexOf("\"" + name + "\":");
            assertThat(at).as(name).isGreaterThan(last);
            last = at;
        }
        String[] sorted = names.clone();
        java.util.Arrays.sort(sorted);
        assertThat(names).containsExactly(sorted);

        String[] actorNames = { "id", "organisation", "role" };
        int actorAt = text.indexOf("\"actor\":{");
        int actorEnd = text.indexOf("},\"coi\":");
        assertThat(actorAt).as("actor is an object").isEqualTo(text.indexOf("\"actor\":"));
        int lastActorMember = actorAt;
        for (String name : actorNames) {
            int at = text.indexOf("\"" + name + "\":");
            assertThat(at).as("actor." + name).isGreaterThan(lastActorMember).isLessThan(actorEnd);
            lastActorMember = at;
        }
        String[] actorSorted = actorNames.clone();
        java.util.Arrays.sort(actorSorted);
        assertThat(actorNames).containsExactly(actorSorted);
    }

    @Test
    void hash_is_lowercase_hex_sha256_of_the_canonical_text() throws Exception {
        String hash = CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                RECORDED, TECH, "SITE-A", PAYLOAD, GENESIS);
        assertThat(hash).isEqualTo(KNOWN_HASH).matches("[0-9a-f]{64}");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(KNOWN_TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(hash).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void strings_are_escaped_as_rfc_8785_does() {
        String actor = "tech \"Ann\" \\ O'Brien\u0001\u001f\u0000\t\n\r\b\f/ Z\u00fcrich \u2028 \uD83E\uDDEC \u007f";
        String escaped = "\"tech \\\"Ann\\\" \\\\ O'Brien\\u0001\\u001f\\u0000\\t\\n\\r\\b\\f/ Z\u00fcrich \u2028 "
                + "\uD83E\uDDEC \u007f\"";
        String text = CanonicalForm.of(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                RECORDED, new Actor(actor, "technician", "HOSP-LYON"), "SITE-A", "{}", GENESIS);
        assertThat(text).startsWith("{\"actor\":{\"id\":" + escaped
                + ",\"organisation\":\"HOSP-LYON\",\"role\":\"technician\"},\"coi\":");
    }

    @Test
    void control_characters_use_lowercase_four_digit_hex_escapes() {
        StringBuilder controls = new StringBuilder();
        StringBuilder expected = new StringBuilder("\"");
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
            expected.append(switch (c) {
                case '\b' -> "\\b";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\f' -> "\\f";
                case '\r' -> "\\r";
                default -> String.format("\\u%04x", (int) c);
            });
        }
        expected.append('"');
        assertThat(JsonText.string(new StringBuilder(), controls.toString()).toString())
                .isEqualTo(expected.toString())
                .contains("\\u001b", "\\u001f", "\\u000b")
                .doesNotContain("\\u001B", "\\u001F", "\\u000B");
    }

    @Test
    void non_ascii_characters_are_written_as_utf8_not_escaped() {
        assertThat(JsonText.string(new StringBuilder(), "\u00e9\u4e2d\uD83E\uDDEC").toString())
                .isEqualTo("\"\u00e9\u4e2d\uD83E\uDDEC\"");
        String hash = CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                RECORDED, new Actor("Z\u00fcrich", "technician", "HOSP-LYON"), "SITE-A", "{}", GENESIS);
        String text = CanonicalForm.of(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                RECORDED, new Actor("Z\u00fcrich", "technician", "HOSP-LYON"), "SITE-A", "{}", GENESIS);
        assertThat(hash).isEqualTo(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_lone_surrogate_never_hashes_like_another_string() {
        // UTF-8 encoding turns an unpaired surrogate into '?', so without a check "?" and "\uD800"
        // would share a hash and one could replace the other unnoticed. RFC 8785 requires I-JSON
        // input, which forbids unpaired surrogates: they must be rejected (or at least not collide).
        String plain = hashWithActor("tech?");
        String[] lone = new String[1];
        Throwable thrown = catchThrowable(() -> lone[0] = hashWithActor("tech\uD800"));
        if (thrown == null) {
            assertThat(lone[0]).as("hash of 'tech\\uD800' must differ from hash of 'tech?'").isNotEqualTo(plain);
        } else {
            assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void times_print_as_iso_instants_in_utc_with_only_the_digits_needed() {
        String whole = CanonicalForm.of(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED",
                Instant.parse("2025-03-01T08:15:30Z"), Instant.parse("2025-03-01T08:15:30.120Z"), TECH, "s", "{}",
                GENESIS);
        assertThat(whole).contains("\"occurredAt\":\"2025-03-01T08:15:30Z\"",
                "\"recordedAt\":\"2025-03-01T08:15:30.120Z\"");
    }

    @Test
    void sequence_is_a_json_number() {
        String text = CanonicalForm.of(EVENT_ID, COI, 42, CustodyEventType.BATCH_REGISTERED, "ORDERED", OCCURRED,
                RECORDED, TECH, "s", "{}", GENESIS);
        assertThat(text).contains(",\"sequence\":42,").contains("\"type\":\"BATCH_REGISTERED\"}");
    }

    @Test
    void any_change_to_a_field_changes_the_hash() {
        String base = CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                RECORDED, TECH, "SITE-A", PAYLOAD, GENESIS);
        assertThat(java.util.List.of(
                CanonicalForm.hash(UUID.randomUUID(), COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                        RECORDED, TECH, "SITE-A", PAYLOAD, GENESIS),
                CanonicalForm.hash(EVENT_ID, "V2V00000000006", 1, CustodyEventType.STEP_RECORDED, "COLLECTED",
                        OCCURRED, RECORDED, TECH, "SITE-A", PAYLOAD, GENESIS),
                CanonicalForm.hash(EVENT_ID, COI, 2, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                        RECORDED, TECH, "SITE-A", PAYLOAD, GENESIS),
                CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.BATCH_REGISTERED, "COLLECTED", OCCURRED,
                        RECORDED, TECH, "SITE-A", PAYLOAD, GENESIS),
                CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "EXPANDED", OCCURRED,
                        RECORDED, TECH, "SITE-A", PAYLOAD, GENESIS),
                CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED",
                        OCCURRED.plusNanos(1_000), RECORDED, TECH, "SITE-A", PAYLOAD, GENESIS),
                CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                        RECORDED.plusSeconds(1), TECH, "SITE-A", PAYLOAD, GENESIS),
                CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                        RECORDED, new Actor("tech-2", "technician", "HOSP-LYON"), "SITE-A", PAYLOAD, GENESIS),
                CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                        RECORDED, TECH, "SITE-B", PAYLOAD, GENESIS),
                CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                        RECORDED, TECH, "SITE-A", "{\"donationId\":\"DIN-2\",\"volumeMl\":250}", GENESIS),
                CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                        RECORDED, TECH, "SITE-A", PAYLOAD, "1" + GENESIS.substring(1))))
                .doesNotContain(base)
                .doesNotHaveDuplicates();
    }

    @Test
    void the_actors_role_and_organisation_are_covered_by_the_hash() {
        String base = CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED,
                RECORDED, TECH, "SITE-A", PAYLOAD, GENESIS);
        String otherRole = CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED",
                OCCURRED, RECORDED, new Actor("tech-1", "coordinator", "HOSP-LYON"), "SITE-A", PAYLOAD, GENESIS);
        String otherOrganisation = CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED,
                "COLLECTED", OCCURRED, RECORDED, new Actor("tech-1", "technician", "HOSP-PARIS"), "SITE-A",
                PAYLOAD, GENESIS);
        // role and organisation swapped: each must stay in its own member, not merely be present
        String swapped = CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED",
                OCCURRED, RECORDED, new Actor("tech-1", "HOSP-LYON", "technician"), "SITE-A", PAYLOAD, GENESIS);
        assertThat(java.util.List.of(otherRole, otherOrganisation, swapped))
                .doesNotContain(base)
                .doesNotHaveDuplicates();
    }

    private static String hashWithActor(String actorId) {
        return CanonicalForm.hash(EVENT_ID, COI, 1, CustodyEventType.STEP_RECORDED, "COLLECTED", OCCURRED, RECORDED,
                new Actor(actorId, "technician", "HOSP-LYON"), "SITE-A", "{}", GENESIS);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

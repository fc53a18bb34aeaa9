package org.vein2vein.custody.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.vein2vein.custody.domain.ChainVerification.ChainBreak;
import org.vein2vein.custody.domain.ChainVerification.LedgerAnchors;
import org.vein2vein.custody.domain.ChainVerification.RecordedState;
import org.vein2vein.kernel.Actor;

class ChainVerificationTest {

    private static final String COI = "V2V7K3Q9P2XRTB";

    private final List<CustodyEvent> chain = chainOfThree();

    @Test
    void an_untouched_chain_of_three_events_verifies_intact() {
        ChainVerification result = ChainVerification.of(chain);
        assertThat(result.intact()).isTrue();
        assertThat(result.verifiedEvents()).isEqualTo(3);
        assertThat(result.firstBrokenSequence()).isEmpty();
        assertThat(result.headHash()).isEqualTo(chain.get(2).hash());
    }

    @Test
    void an_empty_ledger_is_intact_at_the_genesis() {
        ChainVerification result = ChainVerification.of(List.of());
        assertThat(result.intact()).isTrue();
        assertThat(result.verifiedEvents()).isZero();
        assertThat(result.firstBrokenSequence()).isEmpty();
        assertThat(result.headHash()).isEqualTo(LedgerHead.GENESIS_HASH);
    }

    @Test
    void a_changed_payload_is_detected_at_its_event() {
        CustodyEvent e = chain.get(1);
        assertBrokenAt(replace(1, copy(e, e.actor(), e.occurredAt(), "{\"note\":\"forged\"}", e.previousHash(),
                e.hash())), 2);
    }

    @Test
    void a_changed_actor_is_detected_at_its_event() {
        CustodyEvent e = chain.get(2);
        Actor someoneElse = new Actor("someone-else", e.actor().role(), e.actor().organisation());
        assertBrokenAt(replace(2, copy(e, someoneElse, e.occurredAt(), e.payload(), e.previousHash(), e.hash())),
                3);
    }

    @Test
    void a_changed_occurrence_time_is_detected_at_its_event() {
        CustodyEvent e = chain.get(0);
        assertBrokenAt(replace(0, copy(e, e.actor(), e.occurredAt().minusSeconds(3600), e.payload(),
                e.previousHash(), e.hash())), 1);
    }

    @Test
    void a_changed_occurrence_time_of_one_microsecond_is_detected() {
        CustodyEvent e = chain.get(1);
        assertBrokenAt(replace(1, copy(e, e.actor(), e.occurredAt().plusNanos(1_000), e.payload(), e.previousHash(),
                e.hash())), 2);
    }

    @Test
    void a_removed_event_is_detected_as_a_sequence_gap() {
        List<CustodyEvent> gap = new ArrayList<>(chain);
        gap.remove(1);
        assertBrokenAt(gap, 2);
    }

    @Test
    void a_sequence_gap_is_detected_even_when_hash_and_link_were_recomputed() {
        CustodyEvent first = chain.get(0);
        CustodyEvent third = chain.get(2);
        // a forger renumbers event 3 as 3 but links it straight to event 1 with a valid hash
        String hash = CanonicalForm.hash(third.eventId(), COI, 3, third.type(), third.stage(), third.occurredAt(),
                third.recordedAt(), third.actor(), third.site(), third.payload(), first.hash());
        CustodyEvent relinked = new CustodyEvent(third.eventId(), COI, 3, third.type(), third.stage(),
                third.occurredAt(), third.recordedAt(), third.actor(), third.site(), third.payload(), first.hash(),
                hash);
        assertBrokenAt(List.of(first, relinked), 2);
    }

    @Test
    void a_renumbered_event_is_detected() {
        CustodyEvent e = chain.get(2);
        CustodyEvent renumbered = new CustodyEvent(e.eventId(), COI, 4, e.type(), e.stage(), e.occurredAt(),
                e.recordedAt(), e.actor(), e.site(), e.payload(), e.previousHash(), e.hash());
        assertBrokenAt(replace(2, renumbered), 3);
    }

    @Test
    void a_changed_previous_hash_is_detected_at_its_event() {
        CustodyEvent e = chain.get(1);
        assertBrokenAt(replace(1, copy(e, e.actor(), e.occurredAt(), e.payload(), LedgerHead.GENESIS_HASH, e.hash())),
                2);
    }

    @Test
    void a_changed_previous_hash_is_detected_even_when_the_hash_was_recomputed() {
        CustodyEvent e = chain.get(2);
        String forgedPrevious = "f".repeat(64);
        String hash = CanonicalForm.hash(e.eventId(), COI, e.sequence(), e.type(), e.stage(), e.occurredAt(),
                e.recordedAt(), e.actor(), e.site(), e.payload(), forgedPrevious);
        assertBrokenAt(replace(2, copy(e, e.actor(), e.occurredAt(), e.payload(), forgedPrevious, hash)), 3);
    }

    @Test
    void a_forged_event_with_a_recomputed_hash_breaks_the_link_of_the_next_event() {
        CustodyEvent e = chain.get(1);
        String forgedPayload = "{\"note\":\"forged\"}";
        String hash = CanonicalForm.hash(e.eventId(), COI, e.sequence(), e.type(), e.stage(), e.occurredAt(),
                e.recordedAt(), e.actor(), e.site(), forgedPayload, e.previousHash());
        assertBrokenAt(replace(1, copy(e, e.actor(), e.occurredAt(), forgedPayload, e.previousHash(), hash)), 3);
    }

    @Test
    void a_changed_stored_hash_is_detected_at_its_event() {
        CustodyEvent e = chain.get(2);
        assertBrokenAt(replace(2, copy(e, e.actor(), e.occurredAt(), e.payload(), e.previousHash(), "a".repeat(64))),
                3);
    }

    @Test
    void swapped_events_are_detected() {
        assertBrokenAt(List.of(chain.get(1), chain.get(0), chain.get(2)), 1);
    }

    @Test
    void the_head_hash_of_a_broken_chain_is_the_last_event_that_held() {
        CustodyEvent e = chain.get(2);
        Actor x = new Actor("x", e.actor().role(), e.actor().organisation());
        ChainVerification result = ChainVerification.of(replace(2, copy(e, x, e.occurredAt(), e.payload(),
                e.previousHash(), e.hash())));
        assertThat(result.headHash()).isEqualTo(chain.get(1).hash());
    }

    @Test
    void a_payload_that_is_not_json_is_named_as_such_at_its_event() {
        CustodyEvent e = chain.get(1);
        List<CustodyEvent> tampered = replace(1, copy(e, e.actor(), e.occurredAt(), "not json {", e.previousHash(),
                e.hash()));
        ChainVerification result = ChainVerification.of(tampered, payload -> payload.startsWith("{"),
                anchoredAt(chain.get(2)));
        assertThat(result.failure()).map(ChainBreak::reason).contains(ChainBreakReason.PAYLOAD_NOT_JSON);
        assertThat(result.firstBrokenSequence()).contains(2L);
    }

    @Test
    void a_changed_payload_reports_the_recomputed_and_the_stored_hash() {
        CustodyEvent e = chain.get(1);
        ChainVerification result = ChainVerification.of(replace(1, copy(e, e.actor(), e.occurredAt(),
                "{\"note\":\"forged\"}", e.previousHash(), e.hash())));
        ChainBreak failure = result.failure().orElseThrow();
        assertThat(failure.reason()).isEqualTo(ChainBreakReason.HASH_MISMATCH);
        assertThat(failure.found()).containsEntry("hash", e.hash());
        assertThat(failure.expected().get("hash")).isNotEqualTo(e.hash());
    }

    @Test
    void a_removed_middle_event_names_the_missing_sequence() {
        List<CustodyEvent> gap = new ArrayList<>(chain);
        gap.remove(1);
        ChainBreak failure = ChainVerification.of(gap).failure().orElseThrow();
        assertThat(failure.reason()).isEqualTo(ChainBreakReason.SEQUENCE_MISMATCH);
        assertThat(failure.expected()).containsEntry("sequence", 2L);
        assertThat(failure.found()).containsEntry("sequence", 3L);
    }

    @Test
    void a_removed_newest_event_is_detected_against_the_recorded_head() {
        List<CustodyEvent> shortened = chain.subList(0, 2);
        ChainVerification result = ChainVerification.of(shortened, payload -> true, anchoredAt(chain.get(2)));
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(3L);
        assertThat(result.verifiedEvents()).isEqualTo(2);
        assertThat(result.headHash()).isEqualTo(chain.get(1).hash());
        ChainBreak failure = result.failure().orElseThrow();
        assertThat(failure.reason()).isEqualTo(ChainBreakReason.NEWEST_EVENTS_MISSING);
        assertThat(failure.expected()).containsEntry("sequence", 3L).containsEntry("hash", chain.get(2).hash());
        assertThat(failure.found()).containsEntry("sequence", 2L);
    }

    @Test
    void a_removed_newest_event_still_chains_without_the_recorded_head() {
        assertThat(ChainVerification.of(chain.subList(0, 2)).intact()).isTrue();
    }

    @Test
    void an_event_the_service_did_not_append_is_detected_past_the_recorded_head() {
        ChainVerification result = ChainVerification.of(chain, payload -> true, anchoredAt(chain.get(1)));
        assertThat(result.failure()).map(ChainBreak::reason).contains(ChainBreakReason.EVENTS_NOT_APPENDED_BY_THE_SERVICE);
        assertThat(result.firstBrokenSequence()).contains(3L);
        assertThat(result.verifiedEvents()).isEqualTo(2);
    }

    @Test
    void a_newest_event_replaced_by_another_valid_one_is_detected_by_the_recorded_head_hash() {
        CustodyEvent other = CustodyEvent.next(LedgerHead.of(chain.get(1)), UUID.randomUUID(), COI,
                CustodyEventType.STEP_RECORDED, "CANCELLED", chain.get(2).occurredAt(), chain.get(2).recordedAt(),
                chain.get(2).actor(), "SITE-A", "{}");
        ChainVerification result = ChainVerification.of(replace(2, other), payload -> true, anchoredAt(chain.get(2)));
        assertThat(result.failure()).map(ChainBreak::reason).contains(ChainBreakReason.HEAD_HASH_MISMATCH);
        assertThat(result.firstBrokenSequence()).contains(3L);
        assertThat(result.verifiedEvents()).isEqualTo(2);
    }

    @Test
    void a_batch_whose_stage_is_not_what_its_state_event_records_is_detected() {
        LedgerAnchors anchors = new LedgerAnchors(Optional.of(LedgerHead.of(chain.get(2))),
                Optional.of(new RecordedState(3, "RECEIVED_AT_MANUFACTURING")));
        ChainVerification result = ChainVerification.of(chain, payload -> true, anchors);
        ChainBreak failure = result.failure().orElseThrow();
        assertThat(failure.reason()).isEqualTo(ChainBreakReason.BATCH_STATE_MISMATCH);
        assertThat(failure.expected()).containsEntry("stage", "RECEIVED_AT_MANUFACTURING");
        assertThat(failure.found()).containsEntry("stage", "SHIPPED_TO_MANUFACTURING");
        assertThat(result.firstBrokenSequence()).contains(3L);
    }

    @Test
    void a_batch_whose_state_event_is_gone_is_detected() {
        LedgerAnchors anchors = new LedgerAnchors(Optional.empty(), Optional.of(new RecordedState(4, "RELEASED")));
        ChainBreak failure = ChainVerification.of(chain, payload -> true, anchors).failure().orElseThrow();
        assertThat(failure.reason()).isEqualTo(ChainBreakReason.BATCH_STATE_MISMATCH);
        assertThat(failure.found()).containsEntry("stage", "(no such event)");
    }

    @Test
    void a_ledger_that_agrees_with_its_anchors_is_intact() {
        LedgerAnchors anchors = new LedgerAnchors(Optional.of(LedgerHead.of(chain.get(2))),
                Optional.of(new RecordedState(3, "SHIPPED_TO_MANUFACTURING")));
        ChainVerification result = ChainVerification.of(chain, payload -> true, anchors);
        assertThat(result.intact()).isTrue();
        assertThat(result.failure()).isEmpty();
        assertThat(result.verifiedEvents()).isEqualTo(3);
    }

    private static LedgerAnchors anchoredAt(CustodyEvent head) {
        return new LedgerAnchors(Optional.of(LedgerHead.of(head)), Optional.empty());
    }

    private void assertBrokenAt(List<CustodyEvent> events, long sequence) {
        ChainVerification result = ChainVerification.of(events);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(sequence);
        assertThat(result.verifiedEvents()).isEqualTo(sequence - 1);
    }

    private List<CustodyEvent> replace(int index, CustodyEvent forged) {
        List<CustodyEvent> copy = new ArrayList<>(chain);
        copy.set(index, forged);
        return copy;
    }

    private static CustodyEvent copy(CustodyEvent e, Actor actor, Instant occurredAt, String payload,
            String previousHash, String hash) {
        return new CustodyEvent(e.eventId(), e.coi(), e.sequence(), e.type(), e.stage(), occurredAt, e.recordedAt(),
                actor, e.site(), payload, previousHash, hash);
    }

    private static List<CustodyEvent> chainOfThree() {
        Instant t = Instant.parse("2025-03-01T08:00:00.123456Z");
        CustodyEvent first = CustodyEvent.next(LedgerHead.GENESIS, UUID.randomUUID(), COI,
                CustodyEventType.BATCH_REGISTERED, "ORDERED", t, t.plusMillis(5),
                new Actor("coordinator-1", "coordinator", "HOSP-LYON"), "SITE-A", "{}");
        CustodyEvent second = CustodyEvent.next(LedgerHead.of(first), UUID.randomUUID(), COI,
                CustodyEventType.STEP_RECORDED, "COLLECTED", t.plusSeconds(3600), t.plusSeconds(3601),
                new Actor("tech-1", "technician", "HOSP-LYON"), "SITE-A", "{\"donationId\":\"DIN-1\"}");
        CustodyEvent third = CustodyEvent.next(LedgerHead.of(second), UUID.randomUUID(), COI,
                CustodyEventType.STEP_RECORDED, "SHIPPED_TO_MANUFACTURING", t.plusSeconds(7200), t.plusSeconds(7201),
                new Actor("courier-1", "courier", "COURIER-CO"), "SITE-A", "{\"shipment\":\"S-1\"}");
        return List.of(first, second, third);
    }
}

package org.vein2vein.custody.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

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

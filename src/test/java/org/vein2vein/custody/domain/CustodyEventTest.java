package org.vein2vein.custody.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.vein2vein.kernel.Actor;

class CustodyEventTest {

    private static final String COI = "V2V7K3Q9P2XRTB";
    private static final Actor TECH = new Actor("tech-1", "technician", "HOSP-LYON");

    @Test
    void the_first_event_follows_the_genesis() {
        CustodyEvent first = CustodyEvent.next(LedgerHead.GENESIS, UUID.randomUUID(), COI,
                CustodyEventType.BATCH_REGISTERED, "ORDERED", Instant.parse("2025-03-01T08:00:00Z"),
                Instant.parse("2025-03-01T08:00:01Z"), new Actor("coordinator-1", "coordinator", "HOSP-LYON"),
                "SITE-A", "{}");
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(LedgerHead.GENESIS_HASH).isEqualTo("0".repeat(64));
        assertThat(first.hash()).matches("[0-9a-f]{64}").isEqualTo(first.recomputeHash());
    }

    @Test
    void the_next_event_chains_to_the_head() {
        CustodyEvent first = event(LedgerHead.GENESIS, "ORDERED");
        LedgerHead head = LedgerHead.of(first);
        assertThat(head.sequence()).isEqualTo(1);
        assertThat(head.hash()).isEqualTo(first.hash());
        assertThat(head.lastOccurredAt()).contains(first.occurredAt());
        assertThat(head.nextSequence()).isEqualTo(2);

        CustodyEvent second = event(head, "COLLECTED");
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isNotEqualTo(first.hash()).isEqualTo(second.recomputeHash());
    }

    @Test
    void the_genesis_head_has_sequence_zero_and_no_time() {
        assertThat(LedgerHead.GENESIS.sequence()).isZero();
        assertThat(LedgerHead.GENESIS.lastOccurredAt()).isEmpty();
        assertThat(LedgerHead.GENESIS.nextSequence()).isEqualTo(1);
    }

    @Test
    void times_are_truncated_to_microseconds_before_hashing() {
        Instant occurred = Instant.parse("2025-03-01T08:15:30.123456789Z");
        Instant recorded = Instant.parse("2025-03-01T08:15:31.000000999Z");
        CustodyEvent event = CustodyEvent.next(LedgerHead.GENESIS, UUID.randomUUID(), COI,
                CustodyEventType.STEP_RECORDED, "COLLECTED", occurred, recorded, TECH, "SITE-A", "{}");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-01T08:15:30.123456Z"));
        assertThat(event.recordedAt()).isEqualTo(Instant.parse("2025-03-01T08:15:31Z"));
        assertThat(event.hash()).isEqualTo(CanonicalForm.hash(event.eventId(), COI, 1, CustodyEventType.STEP_RECORDED,
                "COLLECTED", Instant.parse("2025-03-01T08:15:30.123456Z"), Instant.parse("2025-03-01T08:15:31Z"),
                TECH, "SITE-A", "{}", LedgerHead.GENESIS_HASH));
    }

    @Test
    void the_hash_survives_a_round_trip_through_microsecond_storage() {
        Instant occurred = Instant.parse("2025-03-01T08:15:30.987654321Z");
        CustodyEvent event = CustodyEvent.next(LedgerHead.GENESIS, UUID.randomUUID(), COI,
                CustodyEventType.STEP_RECORDED, "COLLECTED", occurred, occurred.plusNanos(5), TECH, "SITE-A",
                "{}");
        // what the database gives back: microsecond precision
        CustodyEvent reloaded = new CustodyEvent(event.eventId(), event.coi(), event.sequence(), event.type(),
                event.stage(), event.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                event.recordedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS), event.actor(), event.site(),
                event.payload(), event.previousHash(), event.hash());
        assertThat(reloaded.recomputeHash()).isEqualTo(event.hash());
        assertThat(reloaded).isEqualTo(event);
    }

    @Test
    void sequence_starts_at_one() {
        CustodyEvent valid = event(LedgerHead.GENESIS, "ORDERED");
        assertThatThrownBy(() -> new CustodyEvent(valid.eventId(), COI, 0, valid.type(), valid.stage(),
                valid.occurredAt(), valid.recordedAt(), valid.actor(), valid.site(), valid.payload(),
                valid.previousHash(), valid.hash())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void required_fields_may_not_be_null() {
        CustodyEvent v = event(LedgerHead.GENESIS, "ORDERED");
        assertThatThrownBy(() -> new CustodyEvent(v.eventId(), COI, 1, v.type(), v.stage(), v.occurredAt(),
                v.recordedAt(), null, v.site(), v.payload(), v.previousHash(), v.hash()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CustodyEvent(v.eventId(), COI, 1, v.type(), v.stage(), v.occurredAt(),
                v.recordedAt(), v.actor(), v.site(), v.payload(), v.previousHash(), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void recompute_hash_detects_a_changed_field() {
        CustodyEvent v = event(LedgerHead.GENESIS, "ORDERED");
        CustodyEvent changed = new CustodyEvent(v.eventId(), COI, 1, v.type(), "INFUSED", v.occurredAt(),
                v.recordedAt(), v.actor(), v.site(), v.payload(), v.previousHash(), v.hash());
        assertThat(changed.recomputeHash()).isNotEqualTo(changed.hash());
    }

    private static CustodyEvent event(LedgerHead head, String stage) {
        Instant at = head.lastOccurredAt().map(t -> t.plusSeconds(60)).orElse(Instant.parse("2025-03-01T08:00:00Z"));
        return CustodyEvent.next(head, UUID.randomUUID(), COI, CustodyEventType.STEP_RECORDED, stage, at,
                at.plusMillis(1), TECH, "SITE-A", "{\"note\":\"" + stage + "\"}");
    }

}

package org.vein2vein.custody.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import org.vein2vein.kernel.Actor;

/**
 * One immutable entry of a batch's custody ledger: what happened ({@code type}, {@code stage},
 * {@code payload}), when it happened and when the system learned of it, where, and who did it.
 * Each event carries the hash of the one before it, so that changing or removing any entry
 * breaks the chain from there on.
 *
 * @param sequence      position in the batch's ledger, gapless from 1
 * @param actor         who did it, in which role, for which organisation
 * @param stage         the batch's stage once this event is applied
 * @param payload       the event's details as canonical JSON (see {@link CanonicalForm})
 * @param previousHash  hash of the event with sequence - 1, or {@link LedgerHead#GENESIS_HASH}
 * @param hash          SHA-256 of this event's {@link CanonicalForm}, lower-case hex
 */
public record CustodyEvent(UUID eventId, String coi, long sequence, CustodyEventType type, String stage,
        Instant occurredAt, Instant recordedAt, Actor actor, String site, String payload, String previousHash,
        String hash) {

    public CustodyEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(coi, "coi");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }

    /**
     * The next event after {@code head}, with its hash computed. Times are cut to microseconds,
     * the precision the database keeps, so that the hash can be recomputed from stored rows.
     */
    public static CustodyEvent next(LedgerHead head, UUID eventId, String coi, CustodyEventType type, String stage,
            Instant occurredAt, Instant recordedAt, Actor actor, String site, String canonicalPayload) {
        Instant occurred = occurredAt.truncatedTo(ChronoUnit.MICROS);
        Instant recorded = recordedAt.truncatedTo(ChronoUnit.MICROS);
        String hash = CanonicalForm.hash(eventId, coi, head.nextSequence(), type, stage, occurred, recorded, actor,
                site, canonicalPayload, head.hash());
        return new CustodyEvent(eventId, coi, head.nextSequence(), type, stage, occurred, recorded, actor, site,
                canonicalPayload, head.hash(), hash);
    }

    /** Recomputes this event's hash from its fields. */
    public String recomputeHash() {
        return CanonicalForm.hash(eventId, coi, sequence, type, stage, occurredAt, recordedAt, actor, site, payload,
                previousHash);
    }
}

package org.vein2vein.custody.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.platform.persistence.ActorColumns;

/** A stored ledger entry. Immutable here and append-only in the database (see V1 migration). */
@Entity
@Immutable
@Table(name = "custody_event")
public class CustodyEventEntity {

    @Id
    @Column(name = "event_id")
    UUID eventId;

    @Column(name = "coi", nullable = false, length = 14)
    String coi;

    @Column(name = "sequence", nullable = false)
    long sequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 40)
    CustodyEventType type;

    @Column(name = "stage", nullable = false, length = 40)
    String stage;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    @Embedded
    ActorColumns actor;

    @Column(name = "site", nullable = false, length = 64)
    String site;

    @Column(name = "payload", nullable = false, columnDefinition = "text")
    String payload;

    @Column(name = "previous_hash", nullable = false, length = 64)
    String previousHash;

    @Column(name = "hash", nullable = false, length = 64)
    String hash;

    protected CustodyEventEntity() {
    }

    static CustodyEventEntity of(CustodyEvent event) {
        CustodyEventEntity entity = new CustodyEventEntity();
        entity.eventId = event.eventId();
        entity.coi = event.coi();
        entity.sequence = event.sequence();
        entity.type = event.type();
        entity.stage = event.stage();
        entity.occurredAt = event.occurredAt();
        entity.recordedAt = event.recordedAt();
        entity.actor = ActorColumns.of(event.actor());
        entity.site = event.site();
        entity.payload = event.payload();
        entity.previousHash = event.previousHash();
        entity.hash = event.hash();
        return entity;
    }

    CustodyEvent toDomain() {
        return new CustodyEvent(eventId, coi, sequence, type, stage, occurredAt, recordedAt, actor.toActor(), site, payload,
                previousHash, hash);
    }
}

package org.vein2vein.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored outbox row; {@code publishedAt} is set once Kafka has acknowledged the record. */
@Entity
@Table(name = "outbox_message")
class OutboxMessageEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    UUID eventId;

    /** The topic's name as configured when the row was written; see migration V15. */
    @Column(name = "topic", nullable = false, length = 249)
    String topic;

    @Column(name = "aggregate_id", nullable = false, length = 64)
    String aggregateId;

    @Column(name = "lane", nullable = false)
    short lane;

    @Column(name = "event_type", nullable = false, length = 128)
    String eventType;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    @Column(name = "extensions", nullable = false, columnDefinition = "text")
    String extensions;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "payload", nullable = false, columnDefinition = "text")
    String payload;

    @Column(name = "published_at")
    Instant publishedAt;

    protected OutboxMessageEntity() {
    }

    OutboxMessageEntity(OutboxMessage message, String topic, short lane, String extensionsJson, Instant createdAt) {
        this.eventId = message.eventId();
        this.topic = topic;
        this.aggregateId = message.aggregateId();
        this.lane = lane;
        this.eventType = message.type();
        this.occurredAt = message.occurredAt();
        this.extensions = extensionsJson;
        this.createdAt = createdAt;
        this.payload = message.payload();
    }
}

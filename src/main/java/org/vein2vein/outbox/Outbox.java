package org.vein2vein.outbox;

import java.time.Clock;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes messages to the outbox table inside the caller's transaction, so that a message exists
 * exactly when the business change that caused it was committed.
 */
@ApplicationScoped
public class Outbox {

    /**
     * Messages of one aggregate always share a lane, and one relay at a time owns a lane: this
     * keeps each aggregate's messages in order while several relays share the work.
     */
    static final int LANES = 16;

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Event<OutboxMessageWritten> written;
    private final OutboxConfig config;

    public Outbox(EntityManager entityManager, ObjectMapper mapper, Clock clock, Event<OutboxMessageWritten> written,
            OutboxConfig config) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.clock = clock;
        this.written = written;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(OutboxMessage message) {
        entityManager.persist(new OutboxMessageEntity(message, message.topic().configuredName(config),
                lane(message.aggregateId()), extensionsJson(message), clock.instant()));
        written.fire(new OutboxMessageWritten());
    }

    /** String.hashCode is specified by the JLS, so every replica computes the same lane. */
    static short lane(String aggregateId) {
        return (short) Math.floorMod(aggregateId.hashCode(), LANES);
    }

    private String extensionsJson(OutboxMessage message) {
        try {
            return mapper.writeValueAsString(new TreeMap<>(message.extensions()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    /** Fired in the writing transaction; the relay hears of it after commit and publishes at once. */
    public record OutboxMessageWritten() {
    }
}

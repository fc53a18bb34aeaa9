package org.vein2vein.custody.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.custody.domain.LedgerHead;
import org.vein2vein.custody.persistence.CustodyEventRepository;
import org.vein2vein.kernel.Actor;
import org.vein2vein.outbox.Outbox;
import org.vein2vein.outbox.OutboxMessage;
import org.vein2vein.outbox.OutboxTopic;

/**
 * Appends events to a batch's custody ledger and, in the same transaction, to the outbox that
 * carries them to Kafka. Callers hold the batch's row lock, so appends to one ledger never race.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

    /** CloudEvents type of each event on the custody topic. */
    static String cloudEventType(CustodyEventType type) {
        return "org.vein2vein.custody." + type.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".v1";
    }

    private final CustodyEventRepository events;
    private final Outbox outbox;
    private final CanonicalJson canonicalJson;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final PseudonymousReferences references;

    public Ledger(CustodyEventRepository events, Outbox outbox, CanonicalJson canonicalJson, ObjectMapper mapper,
            Clock clock, PseudonymousReferences references) {
        this.events = events;
        this.outbox = outbox;
        this.canonicalJson = canonicalJson;
        this.mapper = mapper;
        this.clock = clock;
        this.references = references;
    }

    /** The newest event of the batch's ledger, or the genesis for a new batch. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LedgerHead head(String coi) {
        return events.head(coi);
    }

    /** When the newest event a person recorded happened; the service's own events do not count. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> lastOccurredAtByPeople(String coi) {
        return events.lastOccurredAtByPeople(coi);
    }


    /**
     * Chains a new event to {@code head}, stores it and queues it for Kafka. References to patients,
     * donors and recipients in the payload are recorded as their keyed digests, never as sent.
     */
    public CustodyEvent append(LedgerHead head, NewCustodyEvent event) {
        // The tree is kept for the Kafka message, so the stored text is not parsed back for it.
        JsonNode data = canonicalJson.canonical(references.digested(event.payload()));
        String payload = canonicalJson.writeCanonical(data);
        CustodyEvent appended = CustodyEvent.next(head, UUID.randomUUID(), event.coi(), event.type(), event.stage(),
                event.occurredAt(), clock.instant(), event.actor(), event.site(), payload);
        events.append(appended);
        outbox.enqueue(new OutboxMessage(appended.eventId(), OutboxTopic.CUSTODY, appended.coi(),
                cloudEventType(appended.type()), appended.occurredAt(), message(appended, data),
                Map.of("stage", appended.stage(), "sequence", Long.toString(appended.sequence()))));
        return appended;
    }

    private String message(CustodyEvent event, JsonNode data) {
        CustodyEventMessage message = new CustodyEventMessage(event.eventId(), event.coi(), event.sequence(),
                event.type().name(), event.stage(), event.occurredAt(), event.recordedAt(), event.actor(),
                event.site(), data, event.previousHash(), event.hash());
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("custody messages always serialize", e);
        }
    }

    /** What the caller knows of a new event; the ledger adds id, sequence, time recorded and hashes. */
    public record NewCustodyEvent(String coi, CustodyEventType type, String stage, Instant occurredAt, Actor actor,
            String site, ObjectNode payload) {
    }
}

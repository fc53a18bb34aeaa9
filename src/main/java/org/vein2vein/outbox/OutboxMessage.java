package org.vein2vein.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A message to publish once the transaction that wrote it commits. It becomes a CloudEvent in
 * binary mode on {@code topic}: {@code eventId} is {@code ce_id}, {@code type} is {@code ce_type},
 * {@code aggregateId} is both the Kafka key and {@code ce_subject}, {@code occurredAt} is
 * {@code ce_time}, and each extension attribute becomes a {@code ce_<name>} header. Aggregate ids of
 * different topics never collide (COIs start with {@code V2V}, shipment ids with {@code SHP-}), so
 * an aggregate's messages keep their order whichever topics share its lane.
 *
 * @param occurredAt to the microsecond, as the outbox keeps it for {@code ce_time}: a finer time would make
 *                   {@code ce_time} differ from the time in the event's data
 * @param payload    the JSON data of the event
 * @param extensions CloudEvents extension attributes: lower-case alphanumeric names
 */
public record OutboxMessage(UUID eventId, OutboxTopic topic, String aggregateId, String type, Instant occurredAt,
        String payload, Map<String, String> extensions) {

    public OutboxMessage {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (occurredAt.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException("occurredAt " + occurredAt + " is finer than the microsecond the outbox "
                    + "keeps for ce_time: truncate it, as the ledger does");
        }
        extensions = Map.copyOf(extensions);
        for (String name : extensions.keySet()) {
            if (!name.matches("[a-z0-9]{1,20}")) {
                throw new IllegalArgumentException("CloudEvents extension names are lower-case alphanumeric: " + name);
            }
        }
    }
}

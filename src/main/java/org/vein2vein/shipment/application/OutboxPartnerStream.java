package org.vein2vein.shipment.application;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.vein2vein.outbox.Outbox;
import org.vein2vein.outbox.OutboxMessage;
import org.vein2vein.outbox.OutboxTopic;

/**
 * The partner stream through the outbox: each event becomes a CloudEvent on the shipments topic,
 * keyed by shipment id, with the courier as its {@code partner} extension, so that a partner can
 * filter on a header without reading the data (docs/partner-stream.md).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutboxPartnerStream implements PartnerStream {

    /** The event types openapi/asyncapi.yaml documents; any other would reach partners undocumented. */
    static final List<String> TYPES = List.of("PLANNED", "PACKED", "HANDOVER_RELEASED", "HANDOVER_ACCEPTED",
            "RECEIVED", "TEMPERATURE_EXCURSION", "CANCELLED");

    /** CloudEvents type of each event on the shipments topic, named as the custody topic names its own. */
    static String cloudEventType(String type) {
        return "org.vein2vein.shipment." + type.toLowerCase(Locale.ROOT).replace('_', '-') + ".v1";
    }

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public OutboxPartnerStream(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        // An empty Optional leaves its field out; a null anywhere else stays visible as null.
        this.mapper = mapper.copy();
        this.mapper.configOverride(Optional.class)
                .setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT));
    }

    @Override
    public void publish(ShipmentEventMessage event) {
        if (!TYPES.contains(event.type())) {
            throw new IllegalArgumentException("no shipment event type " + event.type() + " in the partner stream's "
                    + "contract (openapi/asyncapi.yaml)");
        }
        outbox.enqueue(new OutboxMessage(UUID.randomUUID(), OutboxTopic.SHIPMENTS, event.shipmentId(),
                cloudEventType(event.type()), event.occurredAt(), json(event), Map.of("partner", event.courier())));
    }

    private String json(ShipmentEventMessage event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shipment events always serialize", e);
        }
    }
}

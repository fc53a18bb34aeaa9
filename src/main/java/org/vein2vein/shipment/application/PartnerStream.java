package org.vein2vein.shipment.application;

/**
 * Publishes shipment events to logistics partners (topic {@code vein2vein.shipments.v1}), through
 * the transactional outbox: an event is published exactly when the transition that caused it commits.
 */
public interface PartnerStream {

    /**
     * Enqueues the event in the caller's transaction, keyed by shipment id, for the shipment's courier.
     * Its {@code occurredAt} is to the microsecond, as the database keeps times; its type is one the Kafka
     * contract ({@code openapi/asyncapi.yaml}) documents. Either refusal is an {@link IllegalArgumentException}.
     */
    void publish(ShipmentEventMessage event);
}

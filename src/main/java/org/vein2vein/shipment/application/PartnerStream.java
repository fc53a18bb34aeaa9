package org.vein2vein.shipment.application;

/**
 * Publishes shipment events to logistics partners (topic {@code vein2vein.shipments.v1}), through
 * the transactional outbox: an event is published exactly when the transition that caused it commits.
 */
public interface PartnerStream {

    /** Enqueues the event in the caller's transaction, keyed by shipment id, for the shipment's courier. */
    void publish(ShipmentEventMessage event);
}

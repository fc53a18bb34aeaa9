package org.vein2vein.outbox;

/**
 * The Kafka topics the outbox publishes to. A message names one; its row keeps the topic's name as
 * configured when it was written, so that a later change of configuration only moves later messages.
 */
public enum OutboxTopic {

    /** Every custody ledger event, keyed by COI: {@code vein2vein.outbox.topic}. */
    CUSTODY,
    /** Shipment events for logistics partners, keyed by shipment id: {@code vein2vein.outbox.shipments-topic}. */
    SHIPMENTS;

    /** The topic's name as configured now. */
    String configuredName(OutboxConfig config) {
        return switch (this) {
            case CUSTODY -> config.topic();
            case SHIPMENTS -> config.shipmentsTopic();
        };
    }
}

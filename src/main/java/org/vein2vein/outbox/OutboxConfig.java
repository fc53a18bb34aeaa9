package org.vein2vein.outbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay publishes custody and shipment events to Kafka. */
@ConfigMapping(prefix = "vein2vein.outbox")
public interface OutboxConfig {

    /** Kafka topic the custody events go to. */
    @WithDefault("vein2vein.custody.v1")
    String topic();

    /** Kafka topic the shipment events go to: the partner stream (docs/partner-stream.md). */
    @WithDefault("vein2vein.shipments.v1")
    String shipmentsTopic();

    /** Partitions of each topic when the relay creates it; the broker's default when unset. */
    Optional<Integer> topicPartitions();

    /** Replication factor of each topic when the relay creates it; the broker's default when unset. */
    Optional<Short> topicReplicationFactor();

    /** The CloudEvents {@code source} of every event. */
    @WithDefault("urn:vein2vein:custody-ledger")
    String source();

    /** Whether this replica runs a relay at all. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for messages when nothing woke it. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** Most messages one relay transaction publishes. */
    @WithDefault("500")
    int batchSize();

    /** Longest wait between attempts while Kafka cannot be reached. */
    @WithDefault("PT10S")
    Duration maxBackoff();

    /** How long Kafka may take to acknowledge a record before the attempt counts as failed. */
    @WithDefault("PT15S")
    Duration deliveryTimeout();

    /**
     * How long sending one record may wait for the topic's metadata (Kafka unreachable) or for room
     * in the producer's buffer; Kafka's {@code max.block.ms}.
     */
    @WithDefault("PT5S")
    Duration maxBlock();

    /** How long published messages stay in the outbox table before they are purged. */
    @WithDefault("P7D")
    Duration retention();
}

package org.vein2vein.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Runs this replica's relay for as long as the service runs. */
@ApplicationScoped
public class OutboxRelayLifecycle {

    private final OutboxPublisher publisher;
    private final KafkaOutboxClients clients;
    private final KafkaDeliveryState kafkaState;
    private final OutboxConfig config;
    private volatile OutboxRelay relay;

    public OutboxRelayLifecycle(OutboxPublisher publisher, KafkaOutboxClients clients, KafkaDeliveryState kafkaState,
            OutboxConfig config) {
        this.publisher = publisher;
        this.clients = clients;
        this.kafkaState = kafkaState;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        if (config.relayEnabled()) {
            relay = new OutboxRelay("outbox-relay", publisher, () -> clients.producer("vein2vein-outbox-relay"),
                    kafkaState, config, clients::ensureTopics).start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (relay != null) {
            relay.close();
            relay = null;
        }
    }

    /**
     * Looks for messages no commit of this replica announced: written by a replica whose relay stopped,
     * or left by a pass that failed.
     */
    @Scheduled(identity = "outbox-poll", every = "${vein2vein.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        OutboxRelay current = relay;
        if (current != null) {
            current.wakeUp();
        }
    }

    /** Deletes published messages past their retention; safe on any number of replicas at once. */
    @Scheduled(identity = "outbox-purge", every = "10m", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        if (relay == null) {
            return;
        }
        try {
            int purged = publisher.purgePublished();
            if (purged > 0) {
                Log.infof("Purged %d published outbox messages older than %s", purged, config.retention());
            }
        } catch (RuntimeException e) {
            Log.warnf("Purging published outbox messages failed (%s); retrying in 10 minutes", e.toString());
        }
    }

    /** A message was committed: publish it now instead of at the next poll. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxMessageWritten written) {
        OutboxRelay current = relay;
        if (current != null) {
            current.wakeUp();
        }
    }
}

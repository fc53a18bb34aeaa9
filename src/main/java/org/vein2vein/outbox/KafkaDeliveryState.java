package org.vein2vein.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What this replica's relay last learnt about Kafka. Health checks read it instead of calling Kafka,
 * so that they answer at once and never wait on a broker that is away.
 */
@ApplicationScoped
public class KafkaDeliveryState {

    /** Kafka as the relay last found it. */
    public enum Kafka {
        /** The relay has not tried yet (or this replica runs no relay). */
        NOT_YET_CONTACTED,
        /** The relay's last attempt got through. */
        REACHABLE,
        /** The relay's last attempt failed; rows wait in the outbox. */
        UNREACHABLE
    }

    /**
     * @param kafka what the relay last found
     * @param since when it first found it so, after finding otherwise
     */
    public record Snapshot(Kafka kafka, Instant since) {
    }

    private final Clock clock;
    private final AtomicReference<Snapshot> current;

    public KafkaDeliveryState(Clock clock) {
        this.clock = clock;
        this.current = new AtomicReference<>(new Snapshot(Kafka.NOT_YET_CONTACTED, clock.instant()));
    }

    public Snapshot snapshot() {
        return current.get();
    }

    void reachable() {
        found(Kafka.REACHABLE);
    }

    void unreachable() {
        found(Kafka.UNREACHABLE);
    }

    private void found(Kafka kafka) {
        Instant now = clock.instant();
        current.updateAndGet(previous -> previous.kafka() == kafka ? previous : new Snapshot(kafka, now));
    }
}

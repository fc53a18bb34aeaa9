package org.vein2vein.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.quarkus.logging.Log;

import org.apache.kafka.clients.producer.Producer;

/**
 * One relay: a thread that publishes pending outbox rows whenever it is woken or its poll
 * interval passes, and backs off while Kafka cannot be reached. Any number of relays may run
 * against the same database, in one process or in many.
 *
 * <p>A producer serves as long as Kafka acknowledges everything it sends; the first failure closes
 * it (see {@link FailFastProducer}) and the next pass takes a new one from the factory.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    private final String name;
    private final OutboxPublisher publisher;
    private final Supplier<Producer<String, byte[]>> producers;
    private final KafkaDeliveryState kafkaState;
    private final OutboxConfig config;
    private final Runnable beforeFirstPublish;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private boolean ready;
    private Duration backoff = Duration.ZERO;
    private Instant nextPurge = Instant.now();
    /** Used by the relay thread only; null until the first pass, or after the relay stopped. */
    private FailFastProducer producer;

    /**
     * @param producers          makes a new producer whenever the previous one failed
     * @param kafkaState         told whether Kafka took what the relay sent
     * @param beforeFirstPublish runs until it succeeds before anything is published (e.g. topic
     *                           creation); failures count as Kafka being unavailable
     */
    public OutboxRelay(String name, OutboxPublisher publisher, Supplier<Producer<String, byte[]>> producers,
            KafkaDeliveryState kafkaState, OutboxConfig config, Runnable beforeFirstPublish) {
        this.name = name;
        this.publisher = publisher;
        this.producers = producers;
        this.kafkaState = kafkaState;
        this.config = config;
        this.beforeFirstPublish = beforeFirstPublish;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public OutboxRelay start() {
        thread.start();
        return this;
    }

    /** Publish now rather than at the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    private void run() {
        Log.infof("Outbox relay %s started: topic %s", name, config.topic());
        while (running) {
            boolean more = false;
            try {
                more = cycle();
            } catch (RuntimeException e) {
                // After an unexpected failure (e.g. of the database), trust nothing the producer may still hold.
                discardProducer();
                failed(e);
            }
            if (!more) {
                waitForWork();
            }
        }
        discardProducer();
    }

    /** Publishes what is pending; true when a lane may hold more than one batch could take. */
    private boolean cycle() {
        if (!ready) {
            try {
                beforeFirstPublish.run();
            } catch (RuntimeException e) {
                kafkaState.unreachable();
                throw e;
            }
            kafkaState.reachable();
            ready = true;
        }
        purgeWhenDue();
        boolean more = false;
        List<Integer> lanes = publisher.pendingLanes();
        for (int lane : lanes) {
            OutboxPublisher.LaneOutcome outcome = publisher.publishLane(lane, usableProducer());
            if (outcome.failed()) {
                kafkaState.unreachable();
                failed(outcome.failure());
                return false;
            }
            if (outcome.published() > 0) {
                kafkaState.reachable();
            }
            more |= outcome.more();
        }
        if (!backoff.isZero() && !lanes.isEmpty()) {
            Log.infof("Outbox relay %s: Kafka reachable again, publishing resumed", name);
        }
        if (!lanes.isEmpty()) {
            backoff = Duration.ZERO;
        }
        return more;
    }

    private void failed(Throwable failure) {
        Duration previous = backoff;
        backoff = previous.isZero() ? config.pollInterval()
                : min(previous.multipliedBy(2), config.maxBackoff());
        if (previous.isZero()) {
            Log.warnf("Outbox relay %s cannot publish (%s); messages stay in the outbox, retrying",
                    name, failure.toString());
        } else {
            Log.debugf("Outbox relay %s still cannot publish: %s", name, failure.toString());
        }
    }

    private void waitForWork() {
        Duration wait = backoff.isZero() ? config.pollInterval() : backoff;
        try {
            if (backoff.isZero()) {
                wakeUps.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } else {
                // While Kafka is away, wake-ups do not shorten the back-off.
                Thread.sleep(wait.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void purgeWhenDue() {
        if (Instant.now().isBefore(nextPurge)) {
            return;
        }
        nextPurge = Instant.now().plus(PURGE_INTERVAL);
        int purged = publisher.purgePublished();
        if (purged > 0) {
            Log.infof("Outbox relay %s purged %d published messages older than %s", name, purged, config.retention());
        }
    }

    private FailFastProducer usableProducer() {
        if (producer == null || !producer.usable()) {
            discardProducer();
            producer = new FailFastProducer(producers.get());
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            producer.fail(new IllegalStateException("relay " + name + " let go of this producer"));
            producer = null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(publisher.longestPass().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Log.infof("Outbox relay %s stopped", name);
    }
}

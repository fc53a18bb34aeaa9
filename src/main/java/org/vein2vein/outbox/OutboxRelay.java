package org.vein2vein.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import io.quarkus.logging.Log;

import org.apache.kafka.clients.producer.Producer;

/**
 * One relay: a thread that publishes pending outbox rows whenever it is woken — by a commit that
 * wrote one, or by the scheduled poll — and backs off while Kafka cannot be reached. Any number of
 * relays may run against the same database, in one process or in many.
 *
 * <p>Why a thread of its own rather than a scheduled job: a commit wakes it at once, which is what
 * keeps the time from a step's answer to its record on Kafka in milliseconds. The scheduler has no
 * way to run a job now, and checks its triggers once a second (SimpleScheduler.CHECK_PERIOD), so a
 * job alone would add up to a poll interval to every event's delivery.
 *
 * <p>A producer serves as long as Kafka acknowledges everything it sends; the first failure closes
 * it (see {@link FailFastProducer}) and the next pass takes a new one from the factory.
 */
public final class OutboxRelay implements AutoCloseable {

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
        Log.infof("Outbox relay %s started: topics %s and %s", name, config.topic(), config.shipmentsTopic());
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
        // Stopping interrupted this thread: the producer's close would throw on that flag, so clear it first.
        Thread.interrupted();
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

    /**
     * Waits for a commit's wake-up or the scheduled poll (see {@link OutboxRelayLifecycle}); while Kafka
     * is away, for the back-off, which wake-ups do not shorten.
     */
    private void waitForWork() {
        try {
            if (backoff.isZero()) {
                wakeUps.acquire();
                wakeUps.drainPermits();
            } else {
                Thread.sleep(backoff.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
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

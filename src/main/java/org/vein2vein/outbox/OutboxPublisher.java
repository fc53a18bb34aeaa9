package org.vein2vein.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes pending outbox rows, lane by lane. Each lane is published in its own transaction that
 * holds a PostgreSQL advisory lock on the lane: a relay in another replica skips a locked lane,
 * so rows of one aggregate are never published by two relays at once, nor out of order.
 *
 * <p>Rows are found by "not yet published", never by "after the last id seen": ids are handed
 * out before commit, so a transaction that commits late may hold a lower id than rows already
 * published, and it must still be picked up.
 */
@ApplicationScoped
public class OutboxPublisher {

    /** First half of the advisory lock key; the lane is the second. */
    private static final int LOCK_NAMESPACE = 0x7632_7632;

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final Clock clock;
    private final CloudEventRecords records;

    public OutboxPublisher(EntityManager entityManager, OutboxConfig config, Clock clock, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        this.records = new CloudEventRecords(mapper, config.topic(), config.source());
    }

    /** Lanes that hold unpublished rows. */
    public List<Integer> pendingLanes() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select distinct m.lane from OutboxMessageEntity m where m.publishedAt is null "
                        + "order by m.lane", Short.class)
                .getResultList().stream().map(Short::intValue).toList());
    }

    /**
     * Publishes up to one batch of a lane's oldest rows, unless another relay holds the lane.
     * Rows are marked published only up to the first one Kafka did not acknowledge.
     *
     * @return the outcome: how many rows went out, and whether Kafka failed
     */
    public LaneOutcome publishLane(int lane, Producer<String, byte[]> producer) {
        int timeoutSeconds = (int) Math.max(30, config.deliveryTimeout().multipliedBy(3).toSeconds());
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            if (!tryLock(lane)) {
                return LaneOutcome.BUSY;
            }
            List<OutboxMessageEntity> pending = entityManager
                    .createQuery("from OutboxMessageEntity m where m.lane = :lane and m.publishedAt is null "
                            + "order by m.id", OutboxMessageEntity.class)
                    .setParameter("lane", (short) lane)
                    .setMaxResults(config.batchSize())
                    .getResultList();
            if (pending.isEmpty()) {
                return new LaneOutcome(0, false, null);
            }
            List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(pending.size());
            RuntimeException sendFailure = null;
            for (OutboxMessageEntity message : pending) {
                try {
                    acknowledgements.add(producer.send(records.record(message)));
                } catch (RuntimeException e) {
                    sendFailure = e;
                    break;
                }
            }
            Instant now = clock.instant();
            int published = 0;
            Exception failure = sendFailure;
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                try {
                    acknowledgement.get(config.deliveryTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    failure = e;
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                    break;
                }
                pending.get(published).publishedAt = now;
                published++;
            }
            return new LaneOutcome(published, pending.size() == config.batchSize() && failure == null,
                    failure == null ? null : failure.getCause() != null ? failure.getCause() : failure);
        });
    }

    /** Deletes published rows older than the retention period; returns how many. */
    public int purgePublished() {
        Instant cutoff = clock.instant().minus(config.retention());
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("delete from OutboxMessageEntity m where m.publishedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }

    private boolean tryLock(int lane) {
        return (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:namespace, :lane)")
                .setParameter("namespace", LOCK_NAMESPACE)
                .setParameter("lane", lane)
                .getSingleResult();
    }

    /**
     * What one lane transaction did.
     *
     * @param published rows acknowledged by Kafka and marked published
     * @param more      whether the lane had a full batch, so more rows may be waiting
     * @param failure   why Kafka did not acknowledge a row, if it did not
     */
    public record LaneOutcome(int published, boolean more, Throwable failure) {
        static final LaneOutcome BUSY = new LaneOutcome(0, false, null);

        public boolean failed() {
            return failure != null;
        }
    }
}

package org.vein2vein.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.hibernate.jpa.HibernateHints;

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
    private final PassBudget budget;

    public OutboxPublisher(EntityManager entityManager, OutboxConfig config, Clock clock, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        this.records = new CloudEventRecords(mapper, config.source());
        this.budget = new PassBudget(config);
    }

    /** The longest one lane pass can last. */
    public Duration longestPass() {
        return budget.longestPass();
    }

    /** Lanes that hold unpublished rows. */
    public List<Integer> pendingLanes() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select distinct m.lane from OutboxMessageEntity m where m.publishedAt is null "
                        + "order by m.lane", Short.class)
                .getResultList().stream().map(Short::intValue).toList());
    }

    /**
     * Publishes up to one batch of a lane's oldest rows, unless another relay holds the lane. Sending
     * stops at the first row Kafka does not take; a row is marked published when Kafka acknowledged
     * it and every earlier row of its aggregate in the batch, so an aggregate's unpublished rows
     * always start where its published ones end. The pass ends before its transaction can time out.
     *
     * @param producer a producer that has not failed; it closes itself if a row fails
     * @return the outcome: how many rows went out, and whether Kafka failed
     */
    LaneOutcome publishLane(int lane, FailFastProducer producer) {
        return QuarkusTransaction.requiringNew().timeout(budget.transactionTimeoutSeconds()).call(() -> {
            PassBudget.Pass pass = budget.start();
            if (!tryLock(lane)) {
                return LaneOutcome.NOTHING_SENT;
            }
            List<OutboxMessageEntity> pending = entityManager
                    .createQuery("from OutboxMessageEntity m where m.lane = :lane and m.publishedAt is null "
                            + "order by m.id", OutboxMessageEntity.class)
                    .setParameter("lane", (short) lane)
                    .setHint(HibernateHints.HINT_READ_ONLY, true)
                    .setMaxResults(config.batchSize())
                    .getResultList();
            if (pending.isEmpty()) {
                return LaneOutcome.NOTHING_SENT;
            }
            List<ProducerRecord<String, byte[]>> batch = pending.stream().map(records::record).toList();
            LaneDelivery.Result delivery = LaneDelivery.deliver(producer, batch, pass);
            List<Long> published = publishable(pending, delivery);
            markPublished(published, clock.instant());
            boolean more = pending.size() == config.batchSize() || !delivery.complete();
            return new LaneOutcome(published.size(), more && delivery.failure() == null, delivery.failure());
        });
    }

    /** The rows Kafka acknowledged that follow no unacknowledged row of their aggregate. */
    private static List<Long> publishable(List<OutboxMessageEntity> pending, LaneDelivery.Result delivery) {
        List<Long> publishable = new ArrayList<>(pending.size());
        Set<String> held = new HashSet<>();
        for (int i = 0; i < pending.size(); i++) {
            OutboxMessageEntity message = pending.get(i);
            if (delivery.acknowledged(i) && !held.contains(message.aggregateId)) {
                publishable.add(message.id);
            } else {
                held.add(message.aggregateId);
            }
        }
        return publishable;
    }

    private void markPublished(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("update outbox_message set published_at = :now where id = any(:ids)")
                .setParameter("now", now)
                .setParameter("ids", ids.toArray(Long[]::new))
                .executeUpdate();
    }

    /** How many rows wait to be published, and when the oldest of them was written. */
    public Backlog backlog(Duration timeout) {
        return QuarkusTransaction.requiringNew().timeout((int) Math.max(1, timeout.toSeconds())).call(() -> {
            Object[] row = entityManager.createQuery("select count(m), min(m.createdAt) from OutboxMessageEntity m "
                    + "where m.publishedAt is null", Object[].class)
                    .setHint(HibernateHints.HINT_TIMEOUT, (int) Math.max(1, timeout.toSeconds()))
                    .getSingleResult();
            return new Backlog((Long) row[0], Optional.ofNullable((Instant) row[1]));
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
     * @param messages    rows waiting to be published
     * @param oldestSince when the oldest of them was written, if there is one
     */
    public record Backlog(long messages, Optional<Instant> oldestSince) {
    }

    /**
     * What one lane transaction did.
     *
     * @param published rows acknowledged by Kafka and marked published
     * @param more      whether more rows may be waiting: the batch was full, or the pass ran out of time
     * @param failure   why Kafka did not acknowledge a row, if it did not
     */
    public record LaneOutcome(int published, boolean more, Throwable failure) {
        static final LaneOutcome NOTHING_SENT = new LaneOutcome(0, false, null);

        public boolean failed() {
            return failure != null;
        }
    }
}

package org.vein2vein.clock.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import org.vein2vein.clock.domain.WindowClock;

/** The live clocks (table window_clock). Every method joins the caller's transaction. */
@ApplicationScoped
public class WindowClockRepository {

    private static final String RUNNING_ORDER = " order by c.deadline, c.coi, c.unit_id, c.window_name";

    private final EntityManager entityManager;

    public WindowClockRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores a new clock unless the batch (or unit) already has one for the window; true when stored. */
    public boolean startUnlessPresent(WindowClock clock) {
        return entityManager.createNativeQuery("""
                insert into window_clock (coi, unit_id, window_name, from_stage, to_stage, started_at, deadline)
                values (:coi, :unitId, :window, :fromStage, :toStage, :startedAt, :deadline)
                on conflict do nothing""")
                .setParameter("coi", clock.coi())
                .setParameter("unitId", clock.unitId())
                .setParameter("window", clock.window())
                .setParameter("fromStage", clock.from().name())
                .setParameter("toStage", clock.to().name())
                .setParameter("startedAt", clock.startedAt())
                .setParameter("deadline", clock.deadline())
                .executeUpdate() == 1;
    }

    /** Stops the clock if it runs; true when it did. */
    public boolean stop(WindowClock.Key key, Instant at) {
        return entityManager.createNativeQuery("""
                update window_clock set stopped_at = :at
                where coi = :coi and unit_id = :unitId and window_name = :window and stopped_at is null""")
                .setParameter("at", at)
                .setParameter("coi", key.coi())
                .setParameter("unitId", key.unitId())
                .setParameter("window", key.window())
                .executeUpdate() == 1;
    }

    /** Stops every running clock of the batch; returns how many. */
    public int stopAll(String coi, Instant at) {
        return entityManager.createNativeQuery(
                "update window_clock set stopped_at = :at where coi = :coi and stopped_at is null")
                .setParameter("at", at)
                .setParameter("coi", coi)
                .executeUpdate();
    }

    /** Stops every running clock of one dose unit of the batch; returns how many. */
    public int stopAll(String coi, String unitId, Instant at) {
        return entityManager.createNativeQuery("""
                update window_clock set stopped_at = :at
                where coi = :coi and unit_id = :unitId and stopped_at is null""")
                .setParameter("at", at)
                .setParameter("coi", coi)
                .setParameter("unitId", unitId)
                .executeUpdate();
    }

    public Optional<WindowClock> find(WindowClock.Key key) {
        return Optional.ofNullable(entityManager.find(WindowClockEntity.class, new WindowClockEntity.Id(key)))
                .map(WindowClockEntity::toDomain);
    }

    /** Reads the clock and locks its row until the transaction ends. */
    public Optional<WindowClock> findForUpdate(WindowClock.Key key) {
        WindowClockEntity.Id id = new WindowClockEntity.Id(key);
        WindowClockEntity entity = entityManager.find(WindowClockEntity.class, id);
        if (entity == null) {
            return Optional.empty();
        }
        // Read again under the lock: the copy in hand may predate a commit this transaction waited for.
        entityManager.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
        return Optional.of(entity.toDomain());
    }

    /** Records that the clock's warning is in the ledger; the row must be locked by this transaction. */
    public void markWarned(WindowClock.Key key, Instant at) {
        locked(key).warnedAt = at;
    }

    /**
     * Records that the clock's breach is in the ledger, and that no warning is to come any more; the
     * row must be locked by this transaction.
     */
    public void markBreached(WindowClock.Key key, Instant at) {
        WindowClockEntity entity = locked(key);
        entity.breachedAt = at;
        if (entity.warnedAt == null) {
            entity.warnedAt = at;
        }
    }

    /** The running clocks of a batch, soonest deadline first. */
    public List<WindowClock> running(String coi) {
        return clocks(entityManager.createNativeQuery("select c.* from window_clock c "
                + "where c.coi = :coi and c.stopped_at is null" + RUNNING_ORDER, WindowClockEntity.class)
                .setParameter("coi", coi));
    }

    /**
     * Running clocks whose warning or breach is due at {@code now} and not yet recorded, soonest
     * deadline first, at most {@code limit}. Nothing is locked: the watcher locks each one, and checks
     * it again, before it acts.
     */
    public List<WindowClock> due(Instant now, double warningThreshold, int limit) {
        return clocks(entityManager.createNativeQuery("""
                select c.* from window_clock c
                where c.stopped_at is null and c.breached_at is null
                  and (c.deadline <= :now
                       or (c.warned_at is null and c.started_at + (c.deadline - c.started_at) * :threshold <= :now))
                """ + RUNNING_ORDER + " limit :limit", WindowClockEntity.class)
                .setParameter("now", now)
                .setParameter("threshold", warningThreshold)
                .setParameter("limit", limit));
    }

    /**
     * Running clocks due before {@code until} (overdue ones included), soonest deadline first, at most
     * {@code limit}: of every subject, or only of {@code cois}.
     */
    public List<WindowClock> runningDueBefore(Instant until, Optional<Set<String>> cois, int limit) {
        if (cois.isPresent() && cois.get().isEmpty()) {
            return List.of();
        }
        String visible = cois.isEmpty() ? "" : " and c.coi in (:cois)";
        Query query = entityManager.createNativeQuery("select c.* from window_clock c "
                + "where c.stopped_at is null and c.deadline < :until" + visible + RUNNING_ORDER + " limit :limit",
                WindowClockEntity.class)
                .setParameter("until", until)
                .setParameter("limit", limit);
        cois.ifPresent(names -> query.setParameter("cois", names));
        return clocks(query);
    }

    private WindowClockEntity locked(WindowClock.Key key) {
        WindowClockEntity entity = entityManager.find(WindowClockEntity.class, new WindowClockEntity.Id(key));
        if (entity == null || entityManager.getLockMode(entity) != LockModeType.PESSIMISTIC_WRITE) {
            throw new IllegalStateException("clock " + key + " is not locked by this transaction");
        }
        return entity;
    }

    @SuppressWarnings("unchecked")
    private static List<WindowClock> clocks(Query query) {
        return ((List<WindowClockEntity>) query.getResultList()).stream().map(WindowClockEntity::toDomain).toList();
    }
}

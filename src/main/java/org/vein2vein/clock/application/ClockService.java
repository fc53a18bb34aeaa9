package org.vein2vein.clock.application;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.vein2vein.clock.domain.WindowClock;
import org.vein2vein.clock.persistence.WindowClockRepository;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.TimeWindow;

/**
 * The live clocks of the time windows of a batch's product: started and stopped by its steps, read
 * by the API and watched by {@link ClockWatch}. Changes join the step's transaction, which holds the
 * batch's row lock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ClockService {

    private final WindowClockRepository clocks;
    private final ClockConfig config;

    public ClockService(WindowClockRepository clocks, ClockConfig config) {
        this.clocks = clocks;
        this.config = config;
    }

    /**
     * A step reached {@code stage} at {@code occurredAt}: starts the clock of every window that
     * begins at the stage (unless the batch, or unit, already has one: the first of repeated
     * collections starts it), stops the running clock of every window that ends at it, and when the
     * step ends the journey stops every running clock of the unit, or of the whole batch for a
     * batch-level step. Windows from a stage to itself are measured within one step and have no
     * clock. The caller holds the batch's row lock.
     *
     * @param unitId  the dose unit the step is about, or {@link WindowClock#BATCH_LEVEL} ("")
     * @param windows the time windows of the product version the batch is pinned to
     */
    public void stageReached(String coi, String unitId, Stage stage, Instant occurredAt, boolean endsJourney,
            List<TimeWindow> windows) {
        Objects.requireNonNull(unitId, "unitId");
        Instant at = occurredAt.truncatedTo(ChronoUnit.MICROS);
        for (TimeWindow window : windows) {
            if (window.from() == window.to()) {
                continue;
            }
            if (window.to() == stage) {
                clocks.stop(new WindowClock.Key(coi, unitId, window.name()), at);
            }
            if (window.from() == stage) {
                clocks.startUnlessPresent(WindowClock.start(coi, unitId, window.name(), window.from(), window.to(),
                        at, window.max()));
            }
        }
        if (endsJourney) {
            if (WindowClock.BATCH_LEVEL.equals(unitId)) {
                clocks.stopAll(coi, at);
            } else {
                clocks.stopAll(coi, unitId, at);
            }
        }
    }

    /**
     * Starts a clock on something that waits for a party rather than for a stage: a handover released
     * and not yet accepted. Its "from" and "to" are the batch's stage while it waits.
     *
     * @param subject what waits, in place of a unit id (e.g. {@code SHP-…/H2})
     */
    public void startWaiting(String coi, String subject, String window, Stage stage, Instant at, Duration max) {
        clocks.startUnlessPresent(WindowClock.start(coi, subject, window, stage, stage,
                at.truncatedTo(ChronoUnit.MICROS), max));
    }

    /** The party answered: the clock started by {@link #startWaiting} stops. */
    public void stopWaiting(String coi, String subject, String window, Instant at) {
        clocks.stop(new WindowClock.Key(coi, subject, window), at.truncatedTo(ChronoUnit.MICROS));
    }

    /** The clock of a window of the batch (or unit), running or stopped: when it started, when it is due. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WindowClock> find(String coi, String unitId, String window) {
        return clocks.find(new WindowClock.Key(coi, unitId, window));
    }

    /** The running clocks of the batch, soonest deadline first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WindowClock> running(String coi) {
        return clocks.running(coi);
    }

    /**
     * The running clocks due before {@code until} (overdue ones included), soonest deadline first, at
     * most {@code limit}: of every subject, or only of {@code cois}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WindowClock> dueBefore(Instant until, Optional<Set<String>> cois, int limit) {
        return clocks.runningDueBefore(until, cois, limit);
    }

    /** The clock, locked until the caller's transaction ends; the caller holds its subject's lock first. */
    public Optional<WindowClock> findForUpdate(WindowClock.Key key) {
        return clocks.findForUpdate(key);
    }

    /** Marks the clock's warning as recorded; the clock is locked by this transaction. */
    public void markWarned(WindowClock.Key key, Instant at) {
        clocks.markWarned(key, at);
    }

    /** Marks the clock's breach as recorded; the clock is locked by this transaction. */
    public void markBreached(WindowClock.Key key, Instant at) {
        clocks.markBreached(key, at);
    }

    /** Clocks whose warning or breach is due at {@code now} and not recorded yet; nothing is locked. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<WindowClock> due(Instant now, int limit) {
        return clocks.due(now, config.warningAt(), limit);
    }

}

package org.vein2vein.clock.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.vein2vein.clock.domain.WindowClock;

/**
 * Watches the running clocks every {@code vein2vein.clocks.check-interval}, on every replica that
 * enables it, and records each warning and breach when it falls due (see {@link ClockAlarmRecorder}). The
 * watcher keeps nothing in memory: what is recorded is marked on the clock in the same transaction,
 * so several replicas, or a restart, never record one twice.
 */
@ApplicationScoped
public class ClockWatch {

    /** Most clocks one round looks at; the rest wait for the next round, soonest deadline first. */
    static final int ROUND_LIMIT = 500;

    private final ClockService clocks;
    private final ClockAlarmRecorder alarms;
    private final ClockConfig config;
    private final Clock clock;
    private final Scheduler scheduler;
    /** Held by a round in progress, so that stopping can wait for it. */
    private final Object roundInProgress = new Object();
    private String job;

    public ClockWatch(ClockService clocks, ClockAlarmRecorder alarms, ClockConfig config, Clock clock, Scheduler scheduler) {
        this.clocks = clocks;
        this.alarms = alarms;
        this.config = config;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    void start(@Observes StartupEvent startup) {
        checked(config);
        if (!config.watchEnabled()) {
            Log.info("Clock watch disabled on this replica (vein2vein.clocks.watch-enabled=false)");
            return;
        }
        startWatching();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopWatching();
    }

    /** Starts watching, if this watcher is not watching yet: a scheduled job of its own, one round at a time. */
    synchronized void startWatching() {
        if (job != null) {
            return;
        }
        job = "clock-watch-" + Integer.toHexString(System.identityHashCode(this));
        scheduler.newJob(job)
                .setInterval(config.checkInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> scheduledRound())
                .schedule();
    }

    /** Stops watching and waits for a round in progress to end. */
    synchronized void stopWatching() {
        if (job == null) {
            return;
        }
        scheduler.unscheduleJob(job);
        job = null;
        synchronized (roundInProgress) {
            // Entered once the round that was running, if any, has ended.
        }
    }

    /**
     * One round: finds the clocks whose warning or breach is due, without locking them, then records
     * each in its own transaction. A clock that fails is logged and left for the next round; the others
     * go on. Safe to run on any number of threads and replicas at once.
     *
     * @return how many events this round recorded
     */
    public int round() {
        Instant now = clock.instant();
        List<WindowClock> due = clocks.due(now, ROUND_LIMIT);
        int recorded = 0;
        for (WindowClock candidate : due) {
            try {
                if (alarms.recordDue(candidate.key())) {
                    recorded++;
                }
            } catch (RuntimeException e) {
                Log.warnf("Clock %s of batch %s could not be checked (%s); retrying in the next round",
                        candidate.window(), candidate.coi(), e);
            }
        }
        return recorded;
    }

    private void scheduledRound() {
        synchronized (roundInProgress) {
            try {
                round();
            } catch (RuntimeException e) {
                Log.warnf("Checking the clocks failed (%s); retrying in %s", e, config.checkInterval());
            }
        }
    }

    /**
     * The configuration, if it makes sense.
     *
     * @throws IllegalArgumentException when the interval is not positive or the warning threshold is not
     *         a fraction above 0 and below 1
     */
    static ClockConfig checked(ClockConfig config) {
        if (config.checkInterval().isNegative() || config.checkInterval().isZero()) {
            throw new IllegalArgumentException("vein2vein.clocks.check-interval must be longer than zero, not "
                    + config.checkInterval());
        }
        try {
            WindowClock.requireThreshold(config.warningAt());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vein2vein.clocks.warning-at must be above 0 and below 1, not "
                    + config.warningAt(), e);
        }
        return config;
    }
}

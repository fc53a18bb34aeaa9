package org.vein2vein.clock.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.vein2vein.clock.domain.WindowClock;

/**
 * Watches the running clocks every {@code vein2vein.clocks.check-interval}, on every replica that
 * enables it, and records each warning and breach when it falls due (see {@link ClockAlarms}). The
 * watcher keeps nothing in memory: what is recorded is marked on the clock in the same transaction,
 * so several replicas, or a restart, never record one twice.
 */
@ApplicationScoped
public class ClockWatch {

    /** Most clocks one round looks at; the rest wait for the next round, soonest deadline first. */
    static final int ROUND_LIMIT = 500;

    private final WindowClocks clocks;
    private final ClockAlarms alarms;
    private final ClockConfig config;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public ClockWatch(WindowClocks clocks, ClockAlarms alarms, ClockConfig config, Clock clock) {
        this.clocks = clocks;
        this.alarms = alarms;
        this.config = config;
        this.clock = clock;
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

    /** Starts the background thread, if it is not running. */
    synchronized void startWatching() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "clock-watch");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.checkInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::scheduledRound, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Stops the background thread and waits for a round in progress to end. */
    synchronized void stopWatching() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
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
                if (alarms.recordDue(candidate.key()).isPresent()) {
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
        // An exception would cancel every later round: log it and try again at the next interval.
        try {
            round();
        } catch (RuntimeException e) {
            Log.warnf("Checking the clocks failed (%s); retrying in %s", e, config.checkInterval());
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

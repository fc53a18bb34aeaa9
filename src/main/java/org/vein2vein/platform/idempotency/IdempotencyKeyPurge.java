package org.vein2vein.platform.idempotency;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Deletes expired idempotency keys every {@code vein2vein.idempotency.purge-interval}, on every replica. */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private final IdempotencyKeys keys;
    private final IdempotencyConfig config;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public IdempotencyKeyPurge(IdempotencyKeys keys, IdempotencyConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup) {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "idempotency-key-purge");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.purgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purge, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void purge() {
        // An exception would cancel every later run: log it and try again at the next interval.
        try {
            int purged = keys.purgeExpired(clock.instant());
            if (purged > 0) {
                Log.infof("Purged %d idempotency keys older than %s", purged, config.retention());
            }
        } catch (RuntimeException e) {
            Log.warnf("Purging expired idempotency keys failed (%s); retrying in %s", e, config.purgeInterval());
        }
    }
}

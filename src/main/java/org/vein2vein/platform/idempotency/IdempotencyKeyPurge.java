package org.vein2vein.platform.idempotency;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** Deletes expired idempotency keys every {@code vein2vein.idempotency.purge-interval}, on every replica. */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private final IdempotencyKeys keys;
    private final IdempotencyConfig config;
    private final Clock clock;

    public IdempotencyKeyPurge(IdempotencyKeys keys, IdempotencyConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    /** Replicas purging at once skip one another's rows (see {@link IdempotencyKeys#purgeExpired}). */
    @Scheduled(identity = "idempotency-key-purge", every = "${vein2vein.idempotency.purge-interval}",
            delayed = "${vein2vein.idempotency.purge-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        // A failure is logged and the next interval tries again.
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

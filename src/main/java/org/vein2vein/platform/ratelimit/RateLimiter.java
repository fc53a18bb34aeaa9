package org.vein2vein.platform.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One token bucket per client, in this replica's memory. Memory stays bounded: a bucket that has
 * refilled is forgotten (a new one would be the same), and at most {@code max-clients} are kept.
 */
@ApplicationScoped
public class RateLimiter {

    private final double requestsPerSecond;
    private final int burst;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final Map<Client, TokenBucket> buckets = new ConcurrentHashMap<>();
    /** Shared by new clients while the table is full, so that a flood of addresses cannot grow it. */
    private final TokenBucket overflow;
    /** How long an untouched bucket takes to refill completely; idle buckets are swept this often. */
    private final long refillNanos;
    private final AtomicLong lastSweep;

    @Inject
    public RateLimiter(RateLimitConfig config) {
        this(config.requestsPerSecond(), config.burst(), config.maxClients(), System::nanoTime);
    }

    RateLimiter(double requestsPerSecond, int burst, int maxClients, LongSupplier nanoTime) {
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        this.overflow = new TokenBucket(requestsPerSecond, burst, now);
        this.refillNanos = (long) Math.ceil(burst / requestsPerSecond * TimeUnit.SECONDS.toNanos(1));
        this.lastSweep = new AtomicLong(now);
    }

    /** Counts a request of {@code client}: 0 when it may proceed, else the whole seconds to wait. */
    public long acquire(Client client) {
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        TokenBucket bucket = buckets.get(client);
        if (bucket == null) {
            bucket = buckets.size() < maxClients
                    ? buckets.computeIfAbsent(client, key -> new TokenBucket(requestsPerSecond, burst, now))
                    : overflow;
        }
        long waitNanos = bucket.take(now);
        return waitNanos == 0 ? 0 : ceilSeconds(waitNanos);
    }

    /** How many clients are tracked now. */
    int trackedClients() {
        return buckets.size();
    }

    /**
     * Forgets full buckets, at most once per refill period, by one thread. A request racing the
     * sweep may take its token from a bucket just forgotten: at most one request per client per
     * sweep goes uncounted.
     */
    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        if (now - last >= refillNanos && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
    }

    private static long ceilSeconds(long nanos) {
        long second = TimeUnit.SECONDS.toNanos(1);
        return (nanos + second - 1) / second;
    }
}

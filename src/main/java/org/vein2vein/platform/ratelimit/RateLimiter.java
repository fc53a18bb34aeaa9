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
 * refilled is forgotten (a new one would be the same), and at most {@code max-clients} callers (with
 * a verified token) and {@code max-clients} anonymous networks are kept, in two tables, so that no
 * flood of anonymous addresses can crowd out a caller:
 * <ul>
 * <li>a new anonymous network while its table is full shares one bucket with the others that find it
 * full, until idle ones are forgotten;</li>
 * <li>a new caller while its table is full takes the place of another caller, who starts afresh on
 * their next request: a caller is never refused for want of room.</li>
 * </ul>
 */
@ApplicationScoped
public class RateLimiter {

    private final double requestsPerSecond;
    private final int burst;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final Map<Client, TokenBucket> callers = new ConcurrentHashMap<>();
    private final Map<Client, TokenBucket> addresses = new ConcurrentHashMap<>();
    /** Shared by new anonymous networks while their table is full, so that a flood of addresses cannot grow it. */
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
        Map<Client, TokenBucket> table = client.authenticated() ? callers : addresses;
        TokenBucket bucket = table.get(client);
        if (bucket == null && client.authenticated()) {
            if (table.size() >= maxClients) {
                makeRoomIn(table);
            }
            bucket = table.computeIfAbsent(client, key -> new TokenBucket(requestsPerSecond, burst, now));
        } else if (bucket == null) {
            bucket = table.size() < maxClients
                    ? table.computeIfAbsent(client, key -> new TokenBucket(requestsPerSecond, burst, now))
                    : overflow;
        }
        long waitNanos = bucket.take(now);
        return waitNanos == 0 ? 0 : ceilSeconds(waitNanos);
    }

    /** How many clients are tracked now, callers and anonymous networks. */
    int trackedClients() {
        return callers.size() + addresses.size();
    }

    /** Forgets one caller, any: the table is full only when as many people are active at once. */
    private static void makeRoomIn(Map<Client, TokenBucket> table) {
        var keys = table.keySet().iterator();
        if (keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    /**
     * Forgets full buckets, at most once per refill period, by one thread. A request racing the
     * sweep may take its token from a bucket just forgotten: at most one request per client per
     * sweep goes uncounted.
     */
    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        if (now - last >= refillNanos && lastSweep.compareAndSet(last, now)) {
            callers.values().removeIf(bucket -> bucket.isFull(now));
            addresses.values().removeIf(bucket -> bucket.isFull(now));
        }
    }

    private static long ceilSeconds(long nanos) {
        long second = TimeUnit.SECONDS.toNanos(1);
        return (nanos + second - 1) / second;
    }
}

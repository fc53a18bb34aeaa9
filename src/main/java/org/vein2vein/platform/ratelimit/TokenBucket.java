package org.vein2vein.platform.ratelimit;

/**
 * A token bucket: it holds up to {@code burst} tokens, refills at a steady rate, and each request
 * takes one. Times are nanoseconds of a monotonic clock, passed in so that tests control them.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double tokensPerNano;
    private final double capacity;
    private double tokens;
    private long updatedAt;

    TokenBucket(double tokensPerSecond, int burst, long now) {
        this.tokensPerNano = tokensPerSecond / NANOS_PER_SECOND;
        this.capacity = burst;
        this.tokens = burst;
        this.updatedAt = now;
    }

    /** Takes a token: 0 when one was taken, otherwise the nanoseconds until one will be there. */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** A full bucket is the same as a new one: forgetting it loses nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        // A clock read just before another thread's read may be older: time never runs backwards here.
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
            updatedAt = now;
        }
    }
}

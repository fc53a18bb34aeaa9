package org.vein2vein.platform.ratelimit;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many API requests one client may make. Each replica counts on its own: behind a load
 * balancer spreading requests over n replicas, a client may make up to n times as many.
 */
@ConfigMapping(prefix = "vein2vein.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** The sustained rate a client's bucket refills at. */
    @WithDefault("50")
    @Positive
    double requestsPerSecond();

    /** How many requests a client with a full bucket may make at once. */
    @WithDefault("100")
    @Positive
    int burst();

    /**
     * Most callers, and most anonymous networks, tracked at once. Beyond, new anonymous networks share
     * one bucket until idle ones are forgotten; a new caller takes the place of another.
     */
    @WithDefault("100000")
    @Positive
    int maxClients();
}

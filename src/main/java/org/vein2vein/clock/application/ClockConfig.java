package org.vein2vein.clock.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the live clocks of product time windows are watched. */
@ConfigMapping(prefix = "vein2vein.clocks")
public interface ClockConfig {

    /** Whether this replica runs a watcher. Any number may: each warning and breach is recorded once. */
    @WithDefault("true")
    boolean watchEnabled();

    /**
     * How often the watcher looks for clocks whose warning or breach is due; the scheduler runs jobs at
     * a granularity of one second, so a shorter interval means every second.
     */
    @WithDefault("PT15S")
    Duration checkInterval();

    /** The fraction of a window elapsed at which its clock warns: above 0 and below 1. */
    @WithDefault("0.8")
    double warningAt();
}

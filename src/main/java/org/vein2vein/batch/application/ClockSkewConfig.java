package org.vein2vein.batch.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tolerances applied to the times technicians give for their steps. */
@ConfigMapping(prefix = "vein2vein.steps")
public interface ClockSkewConfig {

    /**
     * How far the clocks of devices and servers may disagree: a step may be dated this far in
     * the future, or this far before the batch's previous event, and still be accepted.
     */
    @WithDefault("PT2M")
    Duration maxClockSkew();
}

package org.vein2vein.shipper.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What packing asks of a shipper beyond the plan itself. */
@ConfigMapping(prefix = "vein2vein.shipments")
public interface ShipperFitnessConfig {

    /**
     * How much longer than the planned transit (planned arrival minus packing) a shipper's validated
     * hold time must be, for delays in transport; zero or longer.
     */
    @WithDefault("PT12H")
    Duration holdTimeMargin();
}

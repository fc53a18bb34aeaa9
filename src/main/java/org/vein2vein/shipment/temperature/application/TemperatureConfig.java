package org.vein2vein.shipment.temperature.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a shipment's temperature readings are judged. */
@ConfigMapping(prefix = "vein2vein.shipments")
public interface TemperatureConfig {

    /**
     * How long after packing a shipper may take to reach its temperature: readings dated earlier never
     * count as an excursion, nor toward the time out of range.
     */
    @WithDefault("PT15M")
    Duration stabilisation();
}

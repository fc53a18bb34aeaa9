package org.vein2vein.shipment.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How shipments are watched. */
@ConfigMapping(prefix = "vein2vein.shipments")
public interface ShipmentConfig {

    /**
     * How long a released handover may wait for its acceptance before the handover's clock warns and
     * then flags it as breached in the ledger of every batch on board.
     */
    @WithDefault("PT2H")
    Duration handoverAcceptanceWithin();
}

package org.vein2vein.shipper.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

import org.vein2vein.kernel.Actor;
import org.vein2vein.platform.demo.DemoDataConfig;
import org.vein2vein.shipper.domain.Shipper;
import org.vein2vein.shipper.domain.ShipperType;

/**
 * The fictional shippers the journey and the tests pack into, created at start where demo data is
 * enabled (embedded mode, tests) and no shipper has their id: one fit for cryopreserved product,
 * one whose qualification has expired, one 2–8 °C box, and a dry shipper whose hold time is too
 * short for a long transit. A database the service is pointed at never gets them.
 */
@ApplicationScoped
public class DemoShippers {

    static final Actor AUTHOR = Actor.system("demo-data");
    private static final Instant QUALIFIED_FOR_GOOD = Instant.parse("2099-12-31T00:00:00Z");

    static final List<Shipper> SHIPPERS = List.of(
            Shipper.create("DS-0192", ShipperType.DRY_SHIPPER, QUALIFIED_FOR_GOOD, Duration.ofDays(10)),
            Shipper.create("DS-0007", ShipperType.DRY_SHIPPER, Instant.parse("2025-01-01T00:00:00Z"),
                    Duration.ofDays(10)),
            Shipper.create("CB-0042", ShipperType.COLD_BOX_2_8_C, QUALIFIED_FOR_GOOD, Duration.ofDays(2)),
            Shipper.create("DS-0300", ShipperType.DRY_SHIPPER, QUALIFIED_FOR_GOOD, Duration.ofHours(20)));

    private final DemoDataConfig config;
    private final ShipperRegistry registry;

    public DemoShippers(DemoDataConfig config, ShipperRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            for (Shipper shipper : SHIPPERS) {
                registry.createIfAbsent(shipper, AUTHOR).ifPresent(created -> Log.warnf(
                        "Demo shipper %s created: fictional, for embedded mode and tests only",
                        created.shipper().id()));
            }
        }
    }
}

package org.vein2vein.shipper.application;

import java.time.Duration;
import java.time.Instant;

import org.vein2vein.shipper.domain.ShipperType;

/** What an administrator sets on a shipper, apart from its id. */
public record ShipperValues(ShipperType type, Instant qualifiedUntil, Duration validatedHoldTime, boolean active) {
}

package org.vein2vein.shipper.application;

import java.time.Instant;

import org.vein2vein.shipper.domain.Shipper;

/** A shipper's current version with when it was registered and last changed. */
public record ShipperState(Shipper shipper, Instant createdAt, Instant updatedAt) {
}

package org.vein2vein.shipper.domain;

import java.time.Instant;

import org.vein2vein.kernel.Actor;

/** One version of a shipper as it was written: the values, when, and by whom. Never changed afterwards. */
public record ShipperRevision(Shipper shipper, Instant revisedAt, Actor revisedBy) {
}

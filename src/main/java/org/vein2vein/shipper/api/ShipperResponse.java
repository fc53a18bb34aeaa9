package org.vein2vein.shipper.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.shipper.application.ShipperState;
import org.vein2vein.shipper.domain.DaysAndTime;
import org.vein2vein.shipper.domain.ShipperType;

/** A shipper as clients see it. */
@Schema(name = "Shipper")
public record ShipperResponse(
        @Schema(example = "DS-0192") String id,
        ShipperType type,
        @Schema(example = "2027-06-30T00:00:00Z") Instant qualifiedUntil,
        @Schema(description = "ISO-8601, whole days written as days", example = "P10D") String validatedHoldTime,
        boolean active,
        @Schema(description = "Starts at 1, one more with every change; also the shipper's ETag") long version,
        Instant createdAt,
        Instant updatedAt) {

    static ShipperResponse of(ShipperState state) {
        var shipper = state.shipper();
        return new ShipperResponse(shipper.id(), shipper.type(), shipper.qualifiedUntil(),
                DaysAndTime.format(shipper.validatedHoldTime()), shipper.active(), shipper.version(),
                state.createdAt(), state.updatedAt());
    }

    /** Strong entity tag: the version changes with every change of the shipper. */
    String etag() {
        return Long.toString(version);
    }
}

package org.vein2vein.shipper.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.shipper.domain.ShipperType;

/** The new values of a shipper: all of them, as PUT replaces them. The id is the path's. */
@Schema(name = "UpdateShipperRequest")
public record UpdateShipperRequest(
        @NotNull @Schema(required = true) ShipperType type,
        @NotNull @Schema(required = true, description = ShipperFields.QUALIFIED_UNTIL_DESCRIPTION,
                example = "2027-06-30T00:00:00Z") Instant qualifiedUntil,
        @NotNull @HoldTime @Schema(required = true, description = ShipperFields.HOLD_TIME_DESCRIPTION,
                pattern = ShipperFields.HOLD_TIME, example = "P10D") String validatedHoldTime,
        @NotNull @Schema(required = true, description = "false once the shipper is out of service: nothing is "
                + "packed into it") Boolean active) {
}

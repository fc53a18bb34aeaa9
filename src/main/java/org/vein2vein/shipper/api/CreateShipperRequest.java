package org.vein2vein.shipper.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.shipper.domain.ShipperType;

/** A new shipper, as an administrator registers it; the service sets its version and records who registered it. */
@Schema(name = "CreateShipperRequest")
public record CreateShipperRequest(
        @NotNull @Pattern(regexp = ShipperFields.ID, message = ShipperFields.ID_MESSAGE)
        @Schema(required = true, description = "The asset id on the container, which shipments name; never changes",
                example = "DS-0192") String id,
        @NotNull @Schema(required = true) ShipperType type,
        @NotNull @Schema(required = true, description = ShipperFields.QUALIFIED_UNTIL_DESCRIPTION,
                example = "2027-06-30T00:00:00Z") Instant qualifiedUntil,
        @NotNull @HoldTime @Schema(required = true, description = ShipperFields.HOLD_TIME_DESCRIPTION,
                pattern = ShipperFields.HOLD_TIME, example = "P10D") String validatedHoldTime) {
}

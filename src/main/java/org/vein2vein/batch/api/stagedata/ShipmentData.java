package org.vein2vein.batch.api.stagedata;

import java.util.Optional;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.platform.json.JsonBounds;
import org.vein2vein.product.domain.TemperatureClass;

/**
 * A shipment handed to a courier. The container is the shipment's own id: couriers reuse tracking
 * numbers, so none is a key here.
 */
@Schema(name = "ShipmentData", description = "SHIPPED_TO_MANUFACTURING, SHIPPED_TO_SITE: a shipment handed to "
        + "a courier")
public record ShipmentData(
        @NotNull @Pattern(regexp = Fields.REFERENCE, message = Fields.REFERENCE_MESSAGE)
        @Schema(required = true, description = "The site the shipment goes to", example = "MFG-GENT-01")
        String destinationSite,
        @NotNull @Pattern(regexp = Fields.REFERENCE, message = Fields.REFERENCE_MESSAGE)
        @Schema(required = true, description = "The courier organisation", example = "CRYO-COURIER-EU")
        String courier,
        @NotNull @Pattern(regexp = Fields.CODE, message = Fields.CODE_MESSAGE)
        @Schema(required = true, description = "The shipping container (e.g. dry shipper) id", example = "DS-0192")
        String containerId,
        @NotNull @Schema(required = true, description = "The temperature class the container holds; must be "
                + "the product's for the phase: its starting material (cryopreserved if frozen at collection) to "
                + "manufacturing, its final product transport to the site")
        TemperatureClass temperatureClass,
        @Size(max = 500, message = "must list at most 500 units")
        @Schema(description = "SHIPPED_TO_SITE: the units in the container (required there)")
        List<@NotNull @Pattern(regexp = Fields.UNIT_ID, message = Fields.UNIT_ID_MESSAGE) String> unitIds,
        @Schema(description = "SHIPPED_TO_SITE: when the units left controlled storage to be packed (required "
                + "there); the product's out-of-storage window runs from it to occurredAt; " + JsonBounds.INSTANT_RANGE,
                example = "2026-12-09T08:05:00Z") Instant outOfStorageSince) implements StageDataBody {

    @Override
    public StageData toDomain() {
        return new StageData.Shipment(destinationSite, courier, containerId, temperatureClass,
                unitIds == null ? List.of() : unitIds, Optional.ofNullable(outOfStorageSince), Optional.empty());
    }
}

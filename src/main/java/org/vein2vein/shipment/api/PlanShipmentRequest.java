package org.vein2vein.shipment.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.platform.json.JsonBounds;
import org.vein2vein.product.domain.TemperatureClass;

@Schema(name = "PlanShipmentRequest", description = "A shipment of units now at the origin site")
public record PlanShipmentRequest(
        @NotNull @Pattern(regexp = ShipmentFields.REFERENCE, message = ShipmentFields.REFERENCE_MESSAGE)
        @Schema(required = true, description = "The site the units leave from: one of the technician's", example = "MFG-GENT-01")
        String originSite,
        @NotNull @Pattern(regexp = ShipmentFields.REFERENCE, message = ShipmentFields.REFERENCE_MESSAGE)
        @Schema(required = true, description = "The site they go to: a MANUFACTURING site (collected material) or "
                + "the TREATMENT site the units are bound for", example = "SITE-LYON-01")
        String destinationSite,
        @NotNull @Pattern(regexp = ShipmentFields.REFERENCE, message = ShipmentFields.REFERENCE_MESSAGE)
        @Schema(required = true, description = "The logistics partner's organisation id (its users' org claim)",
                example = "CRYO-COURIER-EU") String courier,
        @NotNull @Pattern(regexp = ShipmentFields.EQUIPMENT_ID, message = ShipmentFields.EQUIPMENT_ID_MESSAGE)
        @Schema(required = true, description = "The registered shipper (dry shipper, 2-8 °C box) the units travel in",
                example = "DS-0192") String shipperId,
        @Pattern(regexp = ShipmentFields.TRACKING_NUMBER, message = ShipmentFields.TRACKING_NUMBER_MESSAGE)
        @Schema(description = "The courier's tracking number: an attribute, never a key (couriers reuse them)",
                example = "1Z999AA10123456784") String trackingNumber,
        @NotNull @Schema(required = true, description = "The class the shipper keeps the units in; must be the "
                + "product's for the phase") TemperatureClass temperatureClass,
        @NotNull @Schema(required = true, description = "When the courier is to pick the shipment up; "
                + JsonBounds.INSTANT_RANGE, example = "2026-12-09T09:00:00Z") Instant plannedPickupAt,
        @NotNull @Schema(required = true, description = "When it is to arrive; the shipper's hold time must cover "
                + "the transit; " + JsonBounds.INSTANT_RANGE, example = "2026-12-09T15:00:00Z") Instant plannedArrivalAt,
        @NotNull @Size(min = 1, max = 500, message = "must list 1 to 500 units")
        @Schema(required = true, description = "The units on board: collected material (by donation id), bags or "
                + "doses, of one or more batches")
        List<@NotNull @Pattern(regexp = ShipmentFields.UNIT_ID, message = ShipmentFields.UNIT_ID_MESSAGE) String> unitIds) {
}

package org.vein2vein.shipment.temperature.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.shipment.temperature.application.IngestOutcome;

/** What became of an upload's readings: received = stored + duplicates + conflicting + outsideTransit. */
@Schema(name = "TemperatureReadingsUploaded")
public record UploadReadingsResponse(
        @Schema(example = "SHP-7K3Q9P2XRTBA") String shipmentId,
        @Schema(example = "LOG-7731-A") String loggerId,
        @Schema(description = "Readings in the request", example = "10000") long received,
        @Schema(description = "New readings, stored now", example = "9990") long stored,
        @Schema(description = "Readings stored before with the same value: nothing changed", example = "6")
        long duplicates,
        @Schema(description = "Readings of the logger stored before at the same time with another value, or for "
                + "another shipment: the value stored first is kept", example = "1") long conflicting,
        @Schema(description = "Readings dated before packing, after receipt or in the future: not the "
                + "shipment's, not stored", example = "3") long outsideTransit,
        @Schema(description = "Excursions first found among the readings stored now", example = "0")
        long excursionsDetected) {

    static UploadReadingsResponse of(String shipmentId, String loggerId, IngestOutcome outcome) {
        return new UploadReadingsResponse(shipmentId, loggerId, outcome.received(), outcome.stored(),
                outcome.duplicates(), outcome.conflicting(), outcome.outsideTransit(), outcome.excursionsDetected());
    }
}

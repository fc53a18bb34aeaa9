package org.vein2vein.shipment.temperature.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.shipment.domain.ShipmentStatus;
import org.vein2vein.shipment.temperature.application.TemperatureSummary;

/** A shipment's readings summed up, overall and per logger, with its excursions. */
@Schema(name = "TemperatureSummary")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemperatureSummaryResponse(
        @Schema(example = "SHP-7K3Q9P2XRTBA") String shipmentId,
        ShipmentStatus status,
        TemperatureClass temperatureClass,
        @Schema(example = "2026-11-25T08:00:00Z") Instant packedAt,
        @Schema(description = "From when readings count: packing plus the stabilisation period; absent until packed",
                example = "2026-11-25T08:15:00Z") Instant monitoredFrom,
        @Schema(description = "Absent until received") Instant receivedAt,
        ReadingFiguresResponse overall,
        @Schema(description = "Per logger, in id order; at most 100") List<LoggerFiguresResponse> loggers,
        @Schema(example = "2") long totalLoggers,
        @Schema(description = "In the order they started; at most 100") List<ExcursionResponse> excursions,
        @Schema(example = "1") long totalExcursions) {

    static TemperatureSummaryResponse of(TemperatureSummary summary) {
        var shipment = summary.shipment();
        return new TemperatureSummaryResponse(shipment.id(), shipment.status(), shipment.temperatureClass(),
                shipment.packedAt().orElse(null), summary.monitoredFrom().orElse(null),
                shipment.receivedAt().orElse(null), ReadingFiguresResponse.of(summary.overall()),
                summary.loggers().stream().map(LoggerFiguresResponse::of).toList(), summary.totalLoggers(),
                summary.excursions().stream().map(ExcursionResponse::of).toList(), summary.totalExcursions());
    }
}

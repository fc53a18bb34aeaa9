package org.vein2vein.shipment.temperature.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.shipment.temperature.domain.LoggerFigures;

/** What one logger's readings came to. */
@Schema(name = "LoggerTemperatureFigures")
public record LoggerFiguresResponse(
        @Schema(example = "LOG-7731-A") String loggerId,
        ReadingFiguresResponse figures) {

    static LoggerFiguresResponse of(LoggerFigures logger) {
        return new LoggerFiguresResponse(logger.loggerId(), ReadingFiguresResponse.of(logger.figures()));
    }
}

package org.vein2vein.shipment.temperature.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.shipment.temperature.domain.LoggedReading;

/** A stored reading. */
@Schema(name = "TemperatureReading")
public record LoggedReadingResponse(
        @Schema(example = "LOG-7731-A") String loggerId,
        @Schema(example = "2026-11-25T10:15:00Z") Instant at,
        @Schema(example = "-182.40") BigDecimal celsius) {

    static LoggedReadingResponse of(LoggedReading logged) {
        return new LoggedReadingResponse(logged.loggerId(), logged.reading().at(), logged.reading().celsius());
    }
}

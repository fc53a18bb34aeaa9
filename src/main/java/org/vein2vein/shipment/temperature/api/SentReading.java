package org.vein2vein.shipment.temperature.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.shipment.temperature.domain.Reading;

/** One reading as a logger sends it. */
@Schema(name = "SentReading")
public record SentReading(
        @Schema(required = true, description = "When the logger read the temperature, to the microsecond at most",
                example = "2026-11-25T10:15:00Z") Instant at,
        @Schema(required = true, description = "The temperature read, from -273.15 to 100.00, at most 2 decimals",
                example = "-182.4") BigDecimal celsius) {

    static SentReading of(Reading reading) {
        return new SentReading(reading.at(), reading.celsius());
    }
}

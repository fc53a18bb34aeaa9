package org.vein2vein.shipment.temperature.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.shipment.temperature.domain.RecordedExcursion;

/** A recorded excursion: a run of one logger's consecutive readings outside the class. */
@Schema(name = "TemperatureExcursion")
public record ExcursionResponse(
        @Schema(example = "LOG-7731-A") String loggerId,
        @Schema(description = "The run's first reading", example = "2026-11-25T13:40:00Z") Instant startedAt,
        @Schema(description = "The run's last reading, as far as readings have arrived",
                example = "2026-11-25T13:52:00Z") Instant endedAt,
        @Schema(description = "The reading furthest outside the class", example = "-141.30") BigDecimal extremeCelsius,
        @Schema(description = "When the service first found it", example = "2026-11-25T13:52:04.118230Z")
        Instant detectedAt) {

    static ExcursionResponse of(RecordedExcursion recorded) {
        return new ExcursionResponse(recorded.loggerId(), recorded.excursion().from(), recorded.excursion().to(),
                recorded.excursion().extremeCelsius(), recorded.detectedAt());
    }
}

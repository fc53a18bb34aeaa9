package org.vein2vein.shipment.temperature.api;

import java.math.BigDecimal;
import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.shipment.temperature.domain.ReadingFigures;

/** What a set of readings came to; without readings, only readings (0) and timeOutOfRange (PT0S). */
@Schema(name = "TemperatureFigures")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadingFiguresResponse(
        @Schema(example = "2880") long readings,
        @Schema(example = "-190.25") BigDecimal minCelsius,
        @Schema(example = "-148.60") BigDecimal maxCelsius,
        SentReading first,
        SentReading last,
        @Schema(type = SchemaType.STRING, format = "duration", description = "Time out of range: the sum of the "
                + "intervals from each reading outside the class, dated from packing plus the stabilisation period "
                + "on, to the logger's next reading (overall: time while any logger read out of range)",
                example = "PT12M") String timeOutOfRange) {

    static ReadingFiguresResponse of(ReadingFigures figures) {
        return new ReadingFiguresResponse(figures.readings(), figures.minCelsius().orElse(null),
                figures.maxCelsius().orElse(null), figures.first().map(SentReading::of).orElse(null),
                figures.last().map(SentReading::of).orElse(null), iso(figures.timeOutOfRange()));
    }

    private static String iso(Duration duration) {
        return duration.toString();
    }
}

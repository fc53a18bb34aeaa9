package org.vein2vein.shipment.temperature.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.shipment.temperature.domain.ReadingBucket;

/** One logger's readings within one sampling interval. */
@Schema(name = "TemperatureBucket")
public record ReadingBucketResponse(
        @Schema(example = "LOG-7731-A") String loggerId,
        @Schema(description = "Start of the interval: a whole multiple of every since 1970-01-01T00:00:00Z",
                example = "2026-11-25T10:15:00Z") Instant from,
        @Schema(description = "Readings in the interval", example = "5") long readings,
        @Schema(example = "-183.10") BigDecimal minCelsius,
        @Schema(example = "-181.90") BigDecimal maxCelsius,
        @Schema(description = "Mean of the readings, rounded half away from zero to the hundredth",
                example = "-182.46") BigDecimal avgCelsius) {

    static ReadingBucketResponse of(ReadingBucket bucket) {
        return new ReadingBucketResponse(bucket.loggerId(), bucket.from(), bucket.readings(), bucket.minCelsius(),
                bucket.maxCelsius(), bucket.avgCelsius());
    }
}

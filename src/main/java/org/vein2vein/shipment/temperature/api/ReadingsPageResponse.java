package org.vein2vein.shipment.temperature.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a shipment's readings, raw or, with every, summed up per interval. */
@Schema(name = "TemperatureReadingsPage")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadingsPageResponse(
        @Schema(example = "SHP-7K3Q9P2XRTBA") String shipmentId,
        @Schema(description = "The sampling interval, when the readings are summed up per interval", example = "PT5M")
        String every,
        @Schema(description = "Raw readings in time order (and at one time in logger order); absent with every")
        List<LoggedReadingResponse> readings,
        @Schema(description = "Per interval and logger, in time order; present only with every")
        List<ReadingBucketResponse> buckets,
        @Schema(description = "Send as cursor, with the same query otherwise, for the next page; absent on the last",
                example = "MTc2NDA2NTcwMDAwMDAwMH5MT0ctNzczMS1B") String nextCursor) {
}

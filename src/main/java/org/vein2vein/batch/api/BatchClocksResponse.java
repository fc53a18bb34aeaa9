package org.vein2vein.batch.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The running clocks of one batch. */
@Schema(name = "BatchClocks")
public record BatchClocksResponse(
        @Schema(example = "V2V7K3Q9P2XRTB") String coi,
        @Schema(description = "The moment remaining and state were computed for") Instant asOf,
        @Schema(description = "The running clocks, soonest deadline first; empty when none runs")
        List<ClockResponse> clocks) {
}

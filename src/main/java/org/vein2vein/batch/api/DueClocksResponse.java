package org.vein2vein.batch.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The running clocks due soon, of every batch the caller may see. */
@Schema(name = "DueClocks")
public record DueClocksResponse(
        @Schema(description = "The moment the list was made") Instant asOf,
        @Schema(description = "asOf plus dueWithin: every clock listed is due before it") Instant dueBefore,
        @Schema(description = "Running clocks due before dueBefore, overdue ones included, soonest deadline first, "
                + "at most limit") List<ClockResponse> clocks) {
}

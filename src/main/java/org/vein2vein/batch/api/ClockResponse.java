package org.vein2vein.batch.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.clock.domain.ClockState;
import org.vein2vein.clock.domain.IsoDurations;
import org.vein2vein.clock.domain.WindowClock;
import org.vein2vein.kernel.Stage;

/** A running clock of a product time window, as it stands when read. */
@Schema(name = "WindowClock")
public record ClockResponse(
        @Schema(description = "The batch's COI", example = "V2V7K3Q9P2XRTB") String coi,
        @Schema(description = "The window's name in the product definition", example = "collection-to-receipt")
        String window,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The dose unit, for a per-dose clock of an allogeneic batch; absent for a clock of the "
                + "whole batch", example = "DOSE-03") String unitId,
        @Schema(description = "The stage whose step started the clock") Stage fromStage,
        @Schema(description = "The stage whose step stops it") Stage toStage,
        @Schema(description = "When the step that started it happened") Instant startedAt,
        @Schema(description = "startedAt plus the window's max: when the window is breached") Instant deadline,
        @Schema(description = "Time left until the deadline, ISO-8601 to the millisecond; negative once overdue",
                example = "PT5H12M30S") String remaining,
        @Schema(description = "RUNNING; WARNING once vein2vein.clocks.warning-at of the window has elapsed; BREACHED "
                + "past the deadline") ClockState state) {

    static ClockResponse of(WindowClock clock, Instant now, double warningThreshold) {
        return new ClockResponse(clock.coi(), clock.window(), clock.isBatchLevel() ? null : clock.unitId(),
                clock.from(), clock.to(), clock.startedAt(), clock.deadline(),
                IsoDurations.format(clock.remaining(now)), clock.state(now, warningThreshold));
    }
}

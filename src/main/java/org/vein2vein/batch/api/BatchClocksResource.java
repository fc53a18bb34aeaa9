package org.vein2vein.batch.api;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.vein2vein.batch.application.BatchService;
import org.vein2vein.clock.application.ClockConfig;
import org.vein2vein.clock.application.ClockService;
import org.vein2vein.kernel.Coi;
import org.vein2vein.platform.openapi.ApiExamples;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;

@Path("/api/v1/batches/{coi}/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clocks", description = "Live clocks of the product time windows a batch is within")
@RolesAllowed({ Roles.TECHNICIAN, Roles.QA })
public class BatchClocksResource {

    private final ClockService clocks;
    private final BatchService batches;
    private final ClockConfig config;
    private final CurrentCaller caller;
    private final Clock clock;

    public BatchClocksResource(ClockService clocks, BatchService batches, ClockConfig config, CurrentCaller caller,
            Clock clock) {
        this.clocks = clocks;
        this.batches = batches;
        this.config = config;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(operationId = "getBatchClocks", summary = "Read the running clocks of a batch's time windows",
            description = "The clocks of the product's time windows that run for the batch: each started by the "
                    + "step at its window's fromStage and stopped by the step at its toStage (or by the end of the "
                    + "journey), due at its deadline, with the time remaining (negative when overdue) and its state "
                    + "now. Windows within one step (from a stage to itself) have no clock. QA reads every batch; a "
                    + "technician reads the batches that have been at, or are on their way to, one of their sites.")
    @APIResponse(responseCode = "200", description = "The running clocks, soonest deadline first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchClocksResponse.class),
                    examples = {
                            @ExampleObject(name = "collection-running", summary = "Collected, not yet received at "
                                    + "manufacturing", value = ClockExamples.BATCH_CLOCKS),
                            @ExampleObject(name = "none", summary = "No clock runs", value = ClockExamples.NO_CLOCKS) }))
    @APIResponse(responseCode = "400", description = "The COI is malformed or has a wrong check character",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-coi", value = ApiExamples.PROBLEM_INVALID_COI)))
    @APIResponse(responseCode = "404", description = "No batch has this COI",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "batch-not-found", value = ApiExamples.PROBLEM_BATCH_NOT_FOUND)))
    public BatchClocksResponse clocks(
            @Parameter(description = "The batch's COI", example = ApiExamples.COI) @PathParam("coi") String coi) {
        Coi id = Coi.parse(coi);
        batches.requireVisible(id, caller.get());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new BatchClocksResponse(id.value(), now, clocks.running(id.value()).stream()
                .map(running -> ClockResponse.of(running, now, config.warningAt())).toList());
    }
}

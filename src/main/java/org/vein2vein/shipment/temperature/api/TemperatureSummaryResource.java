package org.vein2vein.shipment.temperature.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
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

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.shipment.temperature.application.TemperatureReadings;

@Path("/api/v1/shipments/{id}/temperature-summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Temperature readings")
public class TemperatureSummaryResource {

    private final TemperatureReadings temperatures;
    private final CurrentCaller caller;

    public TemperatureSummaryResource(TemperatureReadings temperatures, CurrentCaller caller) {
        this.temperatures = temperatures;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.LOGISTICS, Roles.TECHNICIAN, Roles.QA })
    @Operation(operationId = "getTemperatureSummary", summary = "Sum up a shipment's temperature readings",
            description = "Overall and per logger (the first 100 in id order): how many readings, the lowest and "
                    + "highest, the first and the last, and the time out of range: the sum of the intervals from "
                    + "each reading outside the shipment's class, dated from packing plus the stabilisation period "
                    + "on, to the same logger's next reading (overall, the time while any logger read out of "
                    + "range). With the excursions recorded (the first 100 in the order they started). QA, the "
                    + "courier's logistics users and technicians of the origin or the destination may read.")
    @APIResponse(responseCode = "200", description = "The summary, as of one moment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TemperatureSummaryResponse.class),
                    examples = @ExampleObject(name = "summary", value = TemperatureExamples.SUMMARY)))
    @APIResponse(responseCode = "400", description = "The id is not a shipment id",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-request", value = TemperatureExamples.PROBLEM_INVALID_ID)))
    @APIResponse(responseCode = "404", description = "No shipment has this id, or the caller may not read it",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", value = TemperatureExamples.PROBLEM_SHIPMENT_NOT_FOUND)))
    public TemperatureSummaryResponse summary(
            @Parameter(description = ShipmentIds.DESCRIPTION, example = TemperatureExamples.SHIPMENT_ID)
            @PathParam("id") @Pattern(regexp = ShipmentIds.PATTERN, message = ShipmentIds.MESSAGE) String id) {
        return TemperatureSummaryResponse.of(temperatures.summary(id, caller.get()));
    }
}

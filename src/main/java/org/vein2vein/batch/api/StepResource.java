package org.vein2vein.batch.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.vein2vein.batch.application.BatchService;
import org.vein2vein.batch.application.LogStep;
import org.vein2vein.batch.domain.Coi;
import org.vein2vein.custody.api.CustodyEventResponse;
import org.vein2vein.custody.api.CustodyResource;
import org.vein2vein.custody.application.CanonicalJson;
import org.vein2vein.platform.idempotency.IdempotencyApi;
import org.vein2vein.platform.idempotency.IdempotentExecution;
import org.vein2vein.platform.openapi.ApiExamples;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.platform.web.IfMatch;

@Path("/api/v1/batches/{coi}/steps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Steps", description = "Log the steps of a batch's journey")
public class StepResource {

    private final BatchService batches;
    private final CanonicalJson json;
    private final CurrentCaller caller;
    private final IdempotentExecution idempotent;

    public StepResource(BatchService batches, CanonicalJson json, CurrentCaller caller,
            IdempotentExecution idempotent) {
        this.batches = batches;
        this.json = json;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TECHNICIAN)
    @Operation(operationId = "logStep", summary = "Log a step of a batch's journey",
            description = "Records that the batch reached a stage. The batch's stage plan decides which stages may "
                    + "come next; a step out of order, dated in the future or before the batch's previous event is "
                    + "refused and nothing is written. An accepted step is appended to the custody ledger and "
                    + "published to Kafka. Technicians log steps at their own sites, on batches that have been at or "
                    + "are on their way to one of them; any other batch is answered as not found.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LogStepRequest.class),
            examples = @ExampleObject(name = "collection", value = ApiExamples.LOG_STEP_REQUEST)))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = {
                    @Header(name = "Location", description = "The custody event the step produced",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The batch's new ledger sequence",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = IdempotentExecution.REPLAYED_HEADER, description = IdempotencyApi.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StepRecordedResponse.class),
                    examples = @ExampleObject(name = "recorded", value = ApiExamples.STEP_RECORDED)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid fields, invalid COI, a step dated "
            + "in the future, or an invalid Idempotency-Key",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "invalid-request", value = ApiExamples.PROBLEM_INVALID_REQUEST),
                            @ExampleObject(name = "invalid-coi", value = ApiExamples.PROBLEM_INVALID_COI),
                            @ExampleObject(name = "invalid-idempotency-key", value = IdempotencyApi.PROBLEM_INVALID_KEY) }))
    @APIResponse(responseCode = "403", description = "Not a technician, or the step's site is not one of yours",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "site-not-permitted",
                            value = ApiExamples.PROBLEM_SITE_NOT_PERMITTED)))
    @APIResponse(responseCode = "404", description = "No batch has this COI, or none you may see",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "batch-not-found", value = ApiExamples.PROBLEM_BATCH_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The step is out of order, dated before the batch's "
            + "previous event, or a request with the same Idempotency-Key is still being processed",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "step-out-of-order", value = ApiExamples.PROBLEM_STEP_OUT_OF_ORDER),
                            @ExampleObject(name = "occurred-before-previous-event",
                                    value = ApiExamples.PROBLEM_OCCURRED_BEFORE_PREVIOUS),
                            @ExampleObject(name = "request-in-flight",
                                    value = IdempotencyApi.PROBLEM_REQUEST_IN_FLIGHT) }))
    @APIResponse(responseCode = "412", description = "If-Match named a ledger sequence the batch has moved past",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "precondition-failed",
                            value = ApiExamples.PROBLEM_PRECONDITION_FAILED)))
    @APIResponse(responseCode = "415", description = "The body is not JSON",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unsupported-media-type",
                            value = ApiExamples.PROBLEM_UNSUPPORTED_MEDIA_TYPE)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was already used for a different request",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "idempotency-key-reused",
                            value = IdempotencyApi.PROBLEM_KEY_REUSED)))
    public Response logStep(@Parameter(description = "The batch's COI", example = ApiExamples.COI)
            @PathParam("coi") String coi,
            @Parameter(description = "The batch's ETag as last read, e.g. \"5\": the step is only recorded if no "
                    + "other step came in between (otherwise 412)", example = "\"5\"") @HeaderParam("If-Match")
            String ifMatch,
            @Parameter(description = IdempotencyApi.KEY_DESCRIPTION, example = IdempotencyApi.KEY_EXAMPLE)
            @HeaderParam(IdempotentExecution.HEADER) String idempotencyKey,
            @Valid @NotNull LogStepRequest request, UriInfo uri) {
        Coi id = Coi.parse(coi);
        LogStep step = new LogStep(request.stage(), request.occurredAt(), request.site(), request.data(),
                IfMatch.expectedVersion(ifMatch));
        return idempotent.run(idempotencyKey, request, () -> {
            BatchService.Recorded recorded = batches.logStep(id, step, caller.get());
            BatchResponse batch = BatchResponse.of(recorded.state());
            URI location = uri.getBaseUriBuilder().path(CustodyResource.class)
                    .path(Long.toString(recorded.event().sequence())).build(id.value());
            return Response.created(location).tag(new EntityTag(batch.etag()))
                    .entity(new StepRecordedResponse(CustodyEventResponse.of(recorded.event(), json), batch)).build();
        });
    }
}

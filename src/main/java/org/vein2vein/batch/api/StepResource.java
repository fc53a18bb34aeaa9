package org.vein2vein.batch.api;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;

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

import com.fasterxml.jackson.databind.JsonMappingException;

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

import org.vein2vein.batch.api.stagedata.StageDataReader;
import org.vein2vein.batch.domain.rules.Step;
import org.vein2vein.batch.application.StepProblems;
import org.vein2vein.batch.application.StepOutcome;
import org.vein2vein.batch.application.StepService;
import org.vein2vein.custody.application.CanonicalJson;
import org.vein2vein.kernel.Coi;
import org.vein2vein.platform.idempotency.IdempotencyApi;
import org.vein2vein.platform.idempotency.IdempotentExecution;
import org.vein2vein.platform.openapi.ApiExamples;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.platform.web.IfMatch;
import org.vein2vein.platform.web.Locations;

@Path("/api/v1/batches/{coi}/steps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Steps", description = "Log the steps of a batch's journey")
public class StepResource {

    private final StepService steps;
    private final StageDataReader stageData;
    private final CanonicalJson json;
    private final CurrentCaller caller;
    private final IdempotentExecution idempotent;

    public StepResource(StepService steps, StageDataReader stageData, CanonicalJson json, CurrentCaller caller,
            IdempotentExecution idempotent) {
        this.steps = steps;
        this.stageData = stageData;
        this.json = json;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TECHNICIAN, Roles.QA })
    @Operation(operationId = "logStep", summary = "Log a step of a batch's journey",
            description = "Records that the batch (or, once an allogeneic lot is stored, one of its doses) reached "
                    + "a stage. data is the stage's typed record. The stage plan, time windows, identity checkpoints "
                    + "and release specification of the batch's product version decide whether the step is accepted. "
                    + "An accepted step is appended to the custody ledger and published to Kafka. Technicians log steps at their own sites, on batches that have been at or "
                    + "are on their way to one of them; any other batch is answered as not found. QA logs only side exits "
                    + "(QUARANTINED, CANCELLED) of any batch or dose, naming one of the batch's sites. Shipping and "
                    + "receiving stages are recorded by shipments (/api/v1/shipments): here they are refused with "
                    + "recorded-by-shipments, except to resume a batch or dose held at that stage.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LogStepRequest.class),
            examples = {
                    @ExampleObject(name = "collection", value = ApiExamples.LOG_STEP_REQUEST),
                    @ExampleObject(name = "formulation", summary = "Bags labelled, an identity checkpoint",
                            value = StepExamples.FORMULATION_REQUEST),
                    @ExampleObject(name = "qc", summary = "QC results; the service assesses them",
                            value = StepExamples.QC_REQUEST),
                    @ExampleObject(name = "allocation", summary = "A dose of an allogeneic lot for one recipient",
                            value = StepExamples.ALLOCATION_REQUEST),
                    @ExampleObject(name = "infusion", summary = "Bedside identity check and infusion",
                            value = StepExamples.INFUSION_REQUEST),
                    @ExampleObject(name = "late-receipt-under-deviation", summary = "Past its window, accepted "
                            + "under a documented deviation", value = StepExamples.LATE_RECEIPT_REQUEST) }))
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
                            @ExampleObject(name = "invalid-coi", value = ApiExamples.PROBLEM_INVALID_COI) }))
    @APIResponse(responseCode = "403", description = "Not a technician, or the step's site is not one of yours",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "site-not-permitted",
                            value = ApiExamples.PROBLEM_SITE_NOT_PERMITTED)))
    @APIResponse(responseCode = "404", description = "No batch has this COI, or none you may see",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "batch-not-found", value = ApiExamples.PROBLEM_BATCH_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The step is refused by a rule: out of order, dated before "
            + "the batch's previous event, a unit the batch does not have, an identifier in use, a dose allocated "
            + "already, a shipment in another temperature class than the product's, the QC gate — nothing is "
            + "written — or a missed time window, a failed identity checkpoint or a "
            + "missing second verifier, whose attempt is recorded as a STEP_REJECTED event (rejectedAttempt; an "
            + "identity mismatch also puts the batch or dose on hold: hold). Also: a request with the same "
            + "Idempotency-Key is still being processed.",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "step-out-of-order", value = ApiExamples.PROBLEM_STEP_OUT_OF_ORDER),
                            @ExampleObject(name = "occurred-before-previous-event",
                                    value = ApiExamples.PROBLEM_OCCURRED_BEFORE_PREVIOUS),
                            @ExampleObject(name = "time-window-missed", value = StepExamples.PROBLEM_TIME_WINDOW_MISSED),
                            @ExampleObject(name = "identity-mismatch", value = StepExamples.PROBLEM_IDENTITY_MISMATCH),
                            @ExampleObject(name = "second-verifier-required",
                                    value = StepExamples.PROBLEM_SECOND_VERIFIER_REQUIRED),
                            @ExampleObject(name = "release-specification-not-met",
                                    value = StepExamples.PROBLEM_RELEASE_SPECIFICATION_NOT_MET),
                            @ExampleObject(name = "unit-not-in-batch", value = StepExamples.PROBLEM_UNIT_NOT_IN_BATCH),
                            @ExampleObject(name = "unit-id-in-use", value = StepExamples.PROBLEM_UNIT_ID_IN_USE),
                            @ExampleObject(name = "dose-already-allocated",
                                    value = StepExamples.PROBLEM_DOSE_ALREADY_ALLOCATED) }))
    @APIResponse(responseCode = "412", description = "If-Match named a ledger sequence the batch has moved past",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "precondition-failed",
                            value = ApiExamples.PROBLEM_PRECONDITION_FAILED)))
    public Response logStep(@Parameter(description = "The batch's COI", example = ApiExamples.COI)
            @PathParam("coi") String coi,
            @Parameter(description = "The batch's ETag as last read, e.g. \"5\": the step is only recorded if no "
                    + "other step came in between (otherwise 412)", example = "\"5\"") @HeaderParam("If-Match")
            String ifMatch,
            @Parameter(description = IdempotencyApi.KEY_DESCRIPTION, example = IdempotencyApi.KEY_EXAMPLE)
            @HeaderParam(IdempotentExecution.HEADER) String idempotencyKey,
            @Valid @NotNull LogStepRequest request, UriInfo uri) throws JsonMappingException {
        Coi id = Coi.parse(coi);
        Step step = new Step(request.stage(), request.occurredAt(), request.site(),
                Optional.ofNullable(request.deviationReference()), stageData.read(request.stage(), request.data()));
        OptionalLong expected = IfMatch.expectedVersion(ifMatch);
        return idempotent.run(idempotencyKey, request, () -> {
            StepOutcome outcome = steps.logStep(id, step, expected, caller.get());
            return outcome instanceof StepOutcome.Refused refused
                    ? refused(refused, uri) : recorded(id, (StepOutcome.Recorded) outcome, uri);
        });
    }

    private Response recorded(Coi id, StepOutcome.Recorded recorded, UriInfo uri) {
        BatchResponse batch = BatchResponse.of(recorded.state());
        URI location = uri.getBaseUriBuilder().path(CustodyResource.class)
                .path(Long.toString(recorded.event().sequence())).build(id.value());
        return Locations.created(location).tag(new EntityTag(batch.etag()))
                .entity(new StepRecordedResponse(CustodyEventResponse.of(recorded.event(), json), batch)).build();
    }

    /** A refusal whose attempt the ledger keeps: a problem, naming the events it produced. */
    private static Response refused(StepOutcome.Refused refused, UriInfo uri) {
        Problem problem = StepProblems.of(refused.refusal())
                .with("rejectedAttempt", refused.rejection().sequence())
                .with("stage", refused.state().batch().stage());
        if (refused.hold().isPresent()) {
            problem = problem.with("hold", refused.hold().get().sequence());
        }
        return Response.fromResponse(ProblemResponses.of(problem.at(uri.getPath())))
                .tag(new EntityTag(Long.toString(refused.state().ledgerHead().sequence()))).build();
    }
}

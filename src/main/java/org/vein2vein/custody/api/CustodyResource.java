package org.vein2vein.custody.api;

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

import org.vein2vein.batch.application.BatchNotFoundException;
import org.vein2vein.batch.application.BatchService;
import org.vein2vein.batch.domain.Coi;
import org.vein2vein.custody.application.CanonicalJson;
import org.vein2vein.custody.application.CustodyHistory;
import org.vein2vein.platform.openapi.ApiExamples;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;

@Path("/api/v1/batches/{coi}/custody")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Custody", description = "The tamper-evident history of a batch")
@RolesAllowed({ Roles.TECHNICIAN, Roles.QA })
public class CustodyResource {

    private final CustodyHistory history;
    private final BatchService batches;
    private final CanonicalJson json;
    private final CurrentCaller caller;

    public CustodyResource(CustodyHistory history, BatchService batches, CanonicalJson json, CurrentCaller caller) {
        this.history = history;
        this.batches = batches;
        this.json = json;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getCustodyHistory", summary = "Read a batch's custody history",
            description = "Every event of the batch's ledger, oldest first, with its hashes; the service recomputes "
                    + "the hash chain on every read and reports whether it holds.")
    @APIResponse(responseCode = "200", description = "The ledger, verified",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CustodyHistoryResponse.class),
                    examples = @ExampleObject(name = "history", value = ApiExamples.CUSTODY_HISTORY)))
    @APIResponse(responseCode = "400", description = "The COI is malformed or has a wrong check character",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-coi", value = ApiExamples.PROBLEM_INVALID_COI)))
    @APIResponse(responseCode = "404", description = "No batch has this COI",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "batch-not-found", value = ApiExamples.PROBLEM_BATCH_NOT_FOUND)))
    public CustodyHistoryResponse history(
            @Parameter(description = "The batch's COI", example = ApiExamples.COI) @PathParam("coi") String coi) {
        Coi id = Coi.parse(coi);
        batches.find(id, caller.get()).orElseThrow(() -> new BatchNotFoundException(id));
        CustodyHistory.VerifiedHistory verified = history.of(id.value());
        return new CustodyHistoryResponse(id.value(),
                verified.events().stream().map(event -> CustodyEventResponse.of(event, json)).toList(),
                CustodyHistoryResponse.Verification.of(verified.verification()));
    }

    @GET
    @Path("/{sequence}")
    @Operation(operationId = "getCustodyEvent", summary = "Read one event of a batch's custody history")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CustodyEventResponse.class),
                    examples = @ExampleObject(name = "event", value = ApiExamples.CUSTODY_EVENT)))
    @APIResponse(responseCode = "400", description = "The COI or the sequence number is not valid",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-coi", value = ApiExamples.PROBLEM_INVALID_COI)))
    @APIResponse(responseCode = "404", description = "No batch has this COI, or its ledger has no such event",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "custody-event-not-found",
                            value = ApiExamples.PROBLEM_EVENT_NOT_FOUND)))
    public CustodyEventResponse event(
            @Parameter(description = "The batch's COI", example = ApiExamples.COI) @PathParam("coi") String coi,
            @Parameter(description = "The event's sequence number, from 1", example = "2")
            @PathParam("sequence") long sequence) {
        Coi id = Coi.parse(coi);
        batches.find(id, caller.get()).orElseThrow(() -> new BatchNotFoundException(id));
        return history.event(id.value(), sequence)
                .map(event -> CustodyEventResponse.of(event, json))
                .orElseThrow(() -> new ProblemException(Problem.of(ProblemType.CUSTODY_EVENT_NOT_FOUND,
                        "Batch " + id + " has no custody event " + sequence + ".")));
    }
}

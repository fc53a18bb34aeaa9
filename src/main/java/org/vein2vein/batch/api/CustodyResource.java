package org.vein2vein.batch.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.vein2vein.batch.application.BatchService;
import org.vein2vein.custody.application.CanonicalJson;
import org.vein2vein.custody.application.CustodyHistory;
import org.vein2vein.kernel.Coi;
import org.vein2vein.platform.openapi.ApiExamples;
import org.vein2vein.platform.persistence.ConsistentReads;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.platform.web.QueryParameters;

@Path("/api/v1/batches/{coi}/custody")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Custody", description = "The tamper-evident history of a batch")
@RolesAllowed({ Roles.TECHNICIAN, Roles.QA })
public class CustodyResource {

    static final int DEFAULT_LIMIT = 100;
    /** Bounds the work and the size of one answer; longer ledgers are read page by page. */
    static final int MAX_LIMIT = 1000;
    private static final String FROM_SEQUENCE = "fromSequence";
    private static final String LIMIT = "limit";

    private static final String HISTORY_EXAMPLE = """
            {"coi": "V2V7K3Q9P2XRTB", "events": [
             {"eventId": "4e1d2c3b-5a69-4788-9a0b-1c2d3e4f5a6b", "coi": "V2V7K3Q9P2XRTB", "sequence": 1,
              "type": "BATCH_REGISTERED", "stage": "ORDERED", "occurredAt": "2026-11-25T09:00:00.123456Z",
              "recordedAt": "2026-11-25T09:00:00.123456Z", "actor": {"id": "op-4711", "role": "technician", "organisation": "HOSP-LYON"}, "site": "SITE-LYON-01",
              "data": {"batchType": "AUTOLOGOUS", "collectionSite": "SITE-LYON-01", "productCode": "CART-GD2-AUTO",
              "subjectReferenceDigest": "hmac-sha256:3f9a0c5e1b7d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a"},
              "previousHash": "0000000000000000000000000000000000000000000000000000000000000000",
              "hash": "5b0d0a4e3f1c9d7e2a6b8c4d1e0f3a2b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f"}],
             "totalEvents": 1,
             "verification": {"intact": true, "verifiedEvents": 1,
             "headHash": "5b0d0a4e3f1c9d7e2a6b8c4d1e0f3a2b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f"}}""";

    private static final String PAGE_EXAMPLE = "{\"coi\": \"V2V7K3Q9P2XRTB\", \"events\": [" + ApiExamples.CUSTODY_EVENT
            + """
            ],
             "totalEvents": 17, "nextFromSequence": 3,
             "verification": {"intact": true, "verifiedEvents": 17,
             "headHash": "c41e9a7b3d2f5e6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a"}}""";

    private static final String PROBLEM_INVALID_LIMIT = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "Query parameter 'limit' must be a whole number from 1 to 1000.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/custody",
             "violations": [{"field": "query.limit", "message": "must be a whole number from 1 to 1000"}]}""";

    private final CustodyHistory history;
    private final BatchService batches;
    private final CanonicalJson json;
    private final CurrentCaller caller;
    private final ConsistentReads reads;

    public CustodyResource(CustodyHistory history, BatchService batches, CanonicalJson json, CurrentCaller caller,
            ConsistentReads reads) {
        this.history = history;
        this.batches = batches;
        this.json = json;
        this.caller = caller;
        this.reads = reads;
    }

    @GET
    @Operation(operationId = "getCustodyHistory", summary = "Read a batch's custody history",
            description = "The events of the batch's ledger, oldest first, with their hashes, one page at a time: "
                    + "up to limit events from fromSequence on. The service recomputes the hash chain of the whole "
                    + "ledger on every read, whichever page is asked for, and reports whether it holds. "
                    + "nextFromSequence says where the next page starts; it is absent on the last page.")
    @APIResponse(responseCode = "200", description = "A page of the ledger; the whole ledger verified",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CustodyHistoryResponse.class),
                    examples = {
                            @ExampleObject(name = "history", summary = "A ledger that fits in one page",
                                    value = HISTORY_EXAMPLE),
                            @ExampleObject(name = "page", summary = "?fromSequence=2&limit=1 of a 17-event ledger",
                                    value = PAGE_EXAMPLE) }))
    @APIResponse(responseCode = "400", description = "The COI is malformed or has a wrong check character, or "
            + "fromSequence or limit is out of range",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "invalid-coi", value = ApiExamples.PROBLEM_INVALID_COI),
                            @ExampleObject(name = "invalid-request", value = PROBLEM_INVALID_LIMIT) }))
    @APIResponse(responseCode = "404", description = "No batch has this COI",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "batch-not-found", value = ApiExamples.PROBLEM_BATCH_NOT_FOUND)))
    public CustodyHistoryResponse history(
            @Parameter(description = "The batch's COI", example = ApiExamples.COI) @PathParam("coi") String coi,
            @Parameter(name = FROM_SEQUENCE, in = ParameterIn.QUERY, description = "The sequence of the first "
                    + "event to return; 1 or more (default 1)", example = "101",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", defaultValue = "1"))
            @QueryParam(FROM_SEQUENCE) String fromSequence,
            @Parameter(name = LIMIT, in = ParameterIn.QUERY, description = "The most events to return: 1 to "
                    + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")", example = "100",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                            maximum = "" + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT))
            @QueryParam(LIMIT) String limit) {
        Coi id = Coi.parse(coi);
        long from = QueryParameters.wholeNumber(FROM_SEQUENCE, fromSequence, 1, Long.MAX_VALUE,
                "must be a whole number, 1 or more");
        int pageSize = (int) QueryParameters.wholeNumber(LIMIT, limit, DEFAULT_LIMIT, MAX_LIMIT,
                "must be a whole number from 1 to " + MAX_LIMIT);
        // The ledger, its recorded head and the batch's state must be read as of one moment, or a step
        // committed in between would look like tampering.
        return reads.snapshot(() -> {
            batches.requireVisible(id, caller.get());
            return historyPage(id, from, pageSize);
        });
    }

    private CustodyHistoryResponse historyPage(Coi id, long from, int pageSize) {
        CustodyHistory.VerifiedPage page = history.page(id.value(), from, pageSize, batches.recordedState(id));
        return new CustodyHistoryResponse(id.value(),
                page.events().stream().map(event -> CustodyEventResponse.of(event, json)).toList(),
                page.totalEvents(),
                page.nextFromSequence().isPresent() ? page.nextFromSequence().getAsLong() : null,
                CustodyHistoryResponse.Verification.of(page.verification()));
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
        batches.requireVisible(id, caller.get());
        return history.event(id.value(), sequence)
                .map(event -> CustodyEventResponse.of(event, json))
                .orElseThrow(() -> new ProblemException(Problem.of(ProblemType.CUSTODY_EVENT_NOT_FOUND,
                        "Batch " + id + " has no custody event " + sequence + ".")));
    }
}

package org.vein2vein.batch.api;

import java.util.Optional;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import org.vein2vein.batch.application.BatchNotFoundException;
import org.vein2vein.batch.application.BatchService;
import org.vein2vein.batch.application.RegisterBatch;
import org.vein2vein.kernel.Coi;
import org.vein2vein.platform.idempotency.IdempotencyApi;
import org.vein2vein.platform.idempotency.IdempotentExecution;
import org.vein2vein.platform.openapi.ApiExamples;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.platform.web.Locations;
import org.vein2vein.product.api.ProductExamples;

@Path("/api/v1/batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Batches", description = "Register batches and read where they stand")
public class BatchResource {

    private final BatchService batches;
    private final CurrentCaller caller;
    private final IdempotentExecution idempotent;

    public BatchResource(BatchService batches, CurrentCaller caller, IdempotentExecution idempotent) {
        this.batches = batches;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TECHNICIAN)
    @Operation(operationId = "registerBatch", summary = "Register a batch and assign its COI",
            description = "Registers an autologous batch for a patient or an allogeneic batch for a donor. The "
                    + "service assigns the Chain of Identity identifier and records the registration as the first "
                    + "event of the batch's custody ledger. Technicians register batches collected at their own sites. "
                    + "The batch names a product of its type and follows that product's current version from then on.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegisterBatchRequest.class),
            examples = @ExampleObject(name = "autologous", value = ApiExamples.REGISTER_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {
                    @Header(name = "Location", description = "The new batch", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The batch's ledger sequence", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = IdempotentExecution.REPLAYED_HEADER, description = IdempotencyApi.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchResponse.class),
                    examples = @ExampleObject(name = "registered", value = ApiExamples.BATCH)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid fields, a product that does not exist or "
            + "is for the other batch type, or an invalid Idempotency-Key",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "invalid-request", value = ApiExamples.PROBLEM_INVALID_REQUEST),
                            @ExampleObject(name = "product-not-applicable",
                                    value = ProductExamples.PROBLEM_PRODUCT_NOT_APPLICABLE) }))
    @APIResponse(responseCode = "403", description = "Not a technician, or the collection site is not one of yours",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "site-not-permitted",
                            value = ApiExamples.PROBLEM_SITE_NOT_PERMITTED)))
    public Response register(@Parameter(description = IdempotencyApi.KEY_DESCRIPTION,
            example = IdempotencyApi.KEY_EXAMPLE) @HeaderParam(IdempotentExecution.HEADER) String idempotencyKey,
            @Valid @NotNull RegisterBatchRequest request, UriInfo uri) {
        return idempotent.run(idempotencyKey, request, () -> {
            BatchService.Registered registered = batches.register(new RegisterBatch(request.type(),
                    request.subjectReference(), request.productCode(), request.collectionSite(),
                    Optional.ofNullable(request.treatmentSite())), caller.get());
            BatchResponse body = BatchResponse.of(registered.state());
            URI location = uri.getBaseUriBuilder().path(BatchResource.class).path(body.coi()).build();
            return Locations.created(location).tag(new EntityTag(body.etag())).entity(body).build();
        });
    }

    @GET
    @Path("/{coi}")
    @RolesAllowed({ Roles.TECHNICIAN, Roles.QA })
    @Operation(operationId = "getBatch", summary = "Read a batch: where it stands and what may come next",
            description = "QA reads every batch; a technician reads the batches that have been at, or are on their "
                    + "way to, one of their sites.")
    @APIResponse(responseCode = "200", description = "The batch",
            headers = @Header(name = "ETag", description = "The batch's ledger sequence", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchResponse.class),
                    examples = @ExampleObject(name = "batch", value = ApiExamples.BATCH)))
    @APIResponse(responseCode = "400", description = "The COI is malformed or has a wrong check character",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-coi", value = ApiExamples.PROBLEM_INVALID_COI)))
    @APIResponse(responseCode = "404", description = "No batch has this COI",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "batch-not-found", value = ApiExamples.PROBLEM_BATCH_NOT_FOUND)))
    public Response get(@Parameter(description = "The batch's COI", example = ApiExamples.COI)
            @PathParam("coi") String coi) {
        Coi id = Coi.parse(coi);
        BatchResponse body = batches.find(id, caller.get()).map(BatchResponse::of)
                .orElseThrow(() -> new BatchNotFoundException(id));
        return Response.ok(body).tag(new EntityTag(body.etag())).build();
    }
}

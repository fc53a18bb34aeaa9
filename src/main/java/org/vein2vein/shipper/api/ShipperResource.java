package org.vein2vein.shipper.api;

import java.net.URI;
import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.vein2vein.platform.idempotency.IdempotencyApi;
import org.vein2vein.platform.idempotency.IdempotentExecution;
import org.vein2vein.platform.persistence.WriteTransactions;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.platform.web.IfMatch;
import org.vein2vein.platform.web.Locations;
import org.vein2vein.platform.web.QueryParameters;
import org.vein2vein.shipper.application.ShipperNotFoundException;
import org.vein2vein.shipper.application.ShipperPage;
import org.vein2vein.shipper.application.ShipperRegistry;
import org.vein2vein.shipper.application.ShipperValues;

@Path("/api/v1/shippers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shippers", description = "Reference data: the dry shippers and 2–8 °C boxes shipments travel in, "
        + "with their qualification and validated hold time, managed by administrators")
public class ShipperResource {

    static final int DEFAULT_LIMIT = 100;
    /** Bounds the work and the size of one answer; longer lists are read page by page. */
    static final int MAX_LIMIT = 1000;
    private static final String FROM_ID = "fromId";
    private static final String LIMIT = "limit";

    private final ShipperRegistry registry;
    private final CurrentCaller caller;
    private final IdempotentExecution idempotent;
    private final WriteTransactions transactions;

    public ShipperResource(ShipperRegistry registry, CurrentCaller caller, IdempotentExecution idempotent,
            WriteTransactions transactions) {
        this.registry = registry;
        this.caller = caller;
        this.idempotent = idempotent;
        this.transactions = transactions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createShipper", summary = "Register a shipper",
            description = "Registers a shipper, active, at version 1, and records that first version in the "
                    + "shipper's revisions with the administrator who registered it. An id is never reused: a "
                    + "shipper that exists is changed (requalified, retired) with PUT.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateShipperRequest.class),
            examples = @ExampleObject(name = "dry-shipper", value = ShipperExamples.CREATE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {
                    @Header(name = "Location", description = "The new shipper",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The shipper's version, \"1\"",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = IdempotentExecution.REPLAYED_HEADER, description = IdempotencyApi.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ShipperResponse.class),
                    examples = @ExampleObject(name = "registered", value = ShipperExamples.SHIPPER)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid fields or an invalid Idempotency-Key",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-request", value = ShipperExamples.PROBLEM_INVALID_REQUEST)))
    @APIResponse(responseCode = "409", description = "A shipper has this id already",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "shipper-exists", value = ShipperExamples.PROBLEM_SHIPPER_EXISTS)))
    public Response create(@Parameter(description = IdempotencyApi.KEY_DESCRIPTION,
            example = IdempotencyApi.KEY_EXAMPLE) @HeaderParam(IdempotentExecution.HEADER) String idempotencyKey,
            @Valid @NotNull CreateShipperRequest request, UriInfo uri) {
        return idempotent.run(idempotencyKey, request, () -> {
            ShipperResponse body = ShipperResponse.of(registry.create(request.id(), request.type(),
                    request.qualifiedUntil(), Duration.parse(request.validatedHoldTime()), caller.get()));
            URI location = uri.getBaseUriBuilder().path(ShipperResource.class).path(body.id()).build();
            return Locations.created(location).tag(new EntityTag(body.etag())).entity(body).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.TECHNICIAN, Roles.LOGISTICS, Roles.QA, Roles.ADMIN })
    @Operation(operationId = "listShippers", summary = "List the shippers, in id order",
            description = "Up to limit shippers from the id fromId on, active or not, qualified or not. nextFromId "
                    + "says where the next page starts; it is absent on the last page.")
    @APIResponse(responseCode = "200", description = "A page of shippers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ShipperPageResponse.class),
                    examples = @ExampleObject(name = "page", summary = "?limit=2", value = ShipperExamples.PAGE)))
    @APIResponse(responseCode = "400", description = "fromId is not a shipper id, or limit is out of range",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-request", value = ShipperExamples.PROBLEM_INVALID_LIMIT)))
    public ShipperPageResponse list(
            @Parameter(name = FROM_ID, in = ParameterIn.QUERY, description = "The id of the first shipper to "
                    + "return, or of where it would be (default: the first)", example = "DS-0192",
                    schema = @Schema(type = SchemaType.STRING, pattern = ShipperFields.ID))
            @QueryParam(FROM_ID) String fromId,
            @Parameter(name = LIMIT, in = ParameterIn.QUERY, description = "The most items to return: 1 to "
                    + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")", example = "100",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                            maximum = "" + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT))
            @QueryParam(LIMIT) String limit) {
        if (fromId != null && !fromId.matches(ShipperFields.ID)) {
            throw QueryParameters.invalid(FROM_ID, ShipperFields.ID_MESSAGE);
        }
        int most = (int) QueryParameters.wholeNumber(LIMIT, limit, DEFAULT_LIMIT, MAX_LIMIT,
                "must be a whole number from 1 to " + MAX_LIMIT);
        ShipperPage page = registry.page(fromId == null ? "" : fromId, most);
        return new ShipperPageResponse(page.shippers().stream().map(ShipperResponse::of).toList(),
                page.nextFromId().orElse(null));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.TECHNICIAN, Roles.LOGISTICS, Roles.QA, Roles.ADMIN })
    @Operation(operationId = "getShipper", summary = "Read a shipper")
    @APIResponse(responseCode = "200", description = "The shipper",
            headers = @Header(name = "ETag", description = "The shipper's version; send it as If-Match to change it",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ShipperResponse.class),
                    examples = @ExampleObject(name = "shipper", value = ShipperExamples.SHIPPER)))
    @APIResponse(responseCode = "400", description = "The id is not a shipper id",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-request", value = ShipperExamples.PROBLEM_INVALID_PATH_ID)))
    @APIResponse(responseCode = "404", description = "No shipper has this id",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "shipper-not-found",
                            value = ShipperExamples.PROBLEM_SHIPPER_NOT_FOUND)))
    public Response get(@Parameter(description = "The shipper's id", example = ShipperExamples.ID)
            @PathParam("id") @Pattern(regexp = ShipperFields.ID, message = ShipperFields.ID_MESSAGE) String id) {
        ShipperResponse body = registry.find(id).map(ShipperResponse::of)
                .orElseThrow(() -> new ShipperNotFoundException(id));
        return Response.ok(body).tag(new EntityTag(body.etag())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateShipper", summary = "Change a shipper: only against the version you read",
            description = "Replaces the shipper's type, qualification end, validated hold time and whether it is "
                    + "active, as its next version, and records that version in the shipper's revisions with the "
                    + "administrator who wrote it. If-Match is required and must be the shipper's current ETag: "
                    + "without it the answer is 428, with an older one (or a weak tag) 412 with the current ETag, and "
                    + "nothing is written.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UpdateShipperRequest.class),
            examples = @ExampleObject(name = "requalified", value = ShipperExamples.UPDATE_REQUEST)))
    @APIResponse(responseCode = "200", description = "Changed",
            headers = @Header(name = "ETag", description = "The shipper's new version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ShipperResponse.class),
                    examples = @ExampleObject(name = "changed", value = ShipperExamples.UPDATED_SHIPPER)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid fields, an invalid id or a "
            + "malformed If-Match",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "invalid-request", value = ShipperExamples.PROBLEM_INVALID_REQUEST),
                            @ExampleObject(name = "invalid-if-match", value = ShipperExamples.PROBLEM_INVALID_IF_MATCH) }))
    @APIResponse(responseCode = "404", description = "No shipper has this id",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "shipper-not-found",
                            value = ShipperExamples.PROBLEM_SHIPPER_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match named an older version of the shipper, or was weak; "
            + "the ETag header gives the current one",
            headers = @Header(name = "ETag", description = "The shipper's current version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "precondition-failed",
                            value = ShipperExamples.PROBLEM_PRECONDITION_FAILED)))
    @APIResponse(responseCode = "428", description = "If-Match is missing (or *): a change must name the version "
            + "it was made against",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "precondition-required",
                            value = ShipperExamples.PROBLEM_PRECONDITION_REQUIRED)))
    public Response update(@Parameter(description = "The shipper's id", example = ShipperExamples.ID)
            @PathParam("id") @Pattern(regexp = ShipperFields.ID, message = ShipperFields.ID_MESSAGE) String id,
            @Parameter(description = "The shipper's ETag as last read, e.g. \"1\": the change is only made if the "
                    + "shipper is still at that version (otherwise 412); required (otherwise 428)", required = true,
                    example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateShipperRequest request) {
        long expectedVersion = IfMatch.requiredVersion(ifMatch, "a shipper");
        ShipperValues values = new ShipperValues(request.type(), request.qualifiedUntil(),
                Duration.parse(request.validatedHoldTime()), request.active());
        return transactions.run(() -> {
            ShipperResponse body = ShipperResponse.of(registry.update(id, expectedVersion, values, caller.get()));
            return Response.ok(body).tag(new EntityTag(body.etag())).build();
        });
    }
}

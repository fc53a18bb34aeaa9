package org.vein2vein.shipment.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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

import org.vein2vein.batch.application.ShipmentCustody;
import org.vein2vein.batch.application.StepOutcome;
import org.vein2vein.batch.application.StepProblems;
import org.vein2vein.platform.idempotency.IdempotencyApi;
import org.vein2vein.platform.idempotency.IdempotentExecution;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.platform.web.IfMatch;
import org.vein2vein.platform.web.Locations;
import org.vein2vein.platform.web.QueryParameters;
import org.vein2vein.shipment.application.InvalidShipmentRequestException;
import org.vein2vein.shipment.application.ShipmentIds;
import org.vein2vein.shipment.application.ShipmentNotFoundException;
import org.vein2vein.shipment.application.ShipmentService;
import org.vein2vein.shipment.domain.Shipment;

/**
 * Shipments: the one way units move between sites. Technicians plan, pack and receive at their own
 * sites; logistics partners pick up, hand over and deliver the shipments of their organisation; QA
 * reads every shipment. A shipment the caller may not see is answered exactly like a missing one.
 */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments", description = "Units moving between sites, handed over from party to party")
public class ShipmentResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final String ETAG_DESCRIPTION = "The shipment's version; send it as If-Match with a transition";
    private static final String IF_MATCH_DESCRIPTION = "The shipment's ETag as last read: the transition happens "
            + "only if nothing changed the shipment since (otherwise 412)";

    private final ShipmentService shipments;
    private final CurrentCaller caller;
    private final IdempotentExecution idempotent;

    public ShipmentResource(ShipmentService shipments, CurrentCaller caller, IdempotentExecution idempotent) {
        this.shipments = shipments;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TECHNICIAN)
    @Operation(operationId = "planShipment", summary = "Plan a shipment of units at one of your sites",
            description = "Books the units on a new shipment (status PLANNED), which the service names. The units "
                    + "must be at the origin, live and on no other open shipment; collected material goes to a "
                    + "MANUFACTURING site, bags and doses only to the TREATMENT site they are bound for (an "
                    + "autologous batch's treatment site, an allocated dose's recipient's site).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanShipmentRequest.class),
            examples = { @ExampleObject(name = "bag-to-its-treatment-site", value = ShipmentExamples.PLAN_REQUEST) }))
    @APIResponse(responseCode = "201", description = "Planned",
            headers = { @Header(name = "Location", description = "The shipment", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentResponse.class),
                    examples = @ExampleObject(name = "shipment", value = ShipmentExamples.SHIPMENT)))
    @APIResponse(responseCode = "409", description = "A unit may not travel on it: unknown, not at the origin or of the wrong kind (unit-not-shippable), on another open shipment (unit-on-another-shipment), or not bound for the destination (not-the-batch-destination)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "unit-on-another-shipment", value = ShipmentExamples.PROBLEM_UNIT_ON_ANOTHER_SHIPMENT), @ExampleObject(name = "not-the-batch-destination", value = ShipmentExamples.PROBLEM_NOT_THE_BATCH_DESTINATION) }))
    public Response plan(@Parameter(description = IdempotencyApi.KEY_DESCRIPTION, example = IdempotencyApi.KEY_EXAMPLE)
            @HeaderParam(IdempotentExecution.HEADER) String idempotencyKey,
            @Valid @NotNull PlanShipmentRequest request, UriInfo uri) {
        return idempotent.run(idempotencyKey, request, () -> {
            Shipment shipment = shipments.plan(new ShipmentService.PlanShipment(request.originSite(),
                    request.destinationSite(), request.courier(), request.shipperId(),
                    Optional.ofNullable(request.trackingNumber()), request.temperatureClass(), request.plannedPickupAt(),
                    request.plannedArrivalAt(), request.unitIds()), caller.get());
            URI location = uri.getBaseUriBuilder().path(ShipmentResource.class).path(shipment.id()).build();
            ShipmentResponse body = ShipmentResponse.of(shipment);
            return Locations.created(location).tag(new EntityTag(body.etag())).entity(body).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.TECHNICIAN, Roles.LOGISTICS, Roles.QA })
    @Operation(operationId = "listShipments", summary = "List the shipments you may see, in id order",
            description = "QA sees every shipment; a technician those from or to one of their sites; a logistics "
                    + "partner those of its organisation (its own, or handed over to it).")
    @APIResponse(responseCode = "200", description = "A page of shipments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentPageResponse.class),
                    examples = @ExampleObject(name = "page", value = ShipmentExamples.PAGE)))
    public ShipmentPageResponse list(
            @Parameter(name = "fromId", in = ParameterIn.QUERY, description = "The id to start from (default: the first)")
            @QueryParam("fromId") String fromId,
            @Parameter(name = "limit", in = ParameterIn.QUERY, description = "The most shipments to return: 1 to "
                    + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")") @QueryParam("limit") String limit) {
        if (fromId != null && !ShipmentIds.isShaped(fromId)) {
            throw QueryParameters.invalid("fromId", "must be a shipment id: SHP- and 12 upper-case letters or digits");
        }
        int max = (int) QueryParameters.wholeNumber("limit", limit, DEFAULT_LIMIT, MAX_LIMIT,
                "must be a whole number from 1 to " + MAX_LIMIT);
        List<Shipment> page = shipments.page(fromId == null ? "" : fromId, max + 1, caller.get());
        String next = page.size() > max ? page.get(max).id() : null;
        return new ShipmentPageResponse(page.stream().limit(max).map(ShipmentResponse::of).toList(), next);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.TECHNICIAN, Roles.LOGISTICS, Roles.QA })
    @Operation(operationId = "getShipment", summary = "Read a shipment: its units, custodian and handovers")
    @APIResponse(responseCode = "200", description = "The shipment",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentResponse.class),
                    examples = @ExampleObject(name = "shipment", value = ShipmentExamples.SHIPMENT)))
    @APIResponse(responseCode = "404", description = "No shipment has the id, or none you may see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "shipment-not-found", value = ShipmentExamples.PROBLEM_NOT_FOUND) }))
    public Response get(@Parameter(description = "The shipment's id", example = "SHP-7K3Q9P2XRTB4") @PathParam("id") String id) {
        Shipment shipment = shipments.find(id, caller.get()).orElseThrow(() -> new ShipmentNotFoundException(id));
        return answer(Response.ok(), shipment);
    }

    @POST
    @Path("/{id}/packing")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TECHNICIAN)
    @Operation(operationId = "packShipment", summary = "Pack a planned shipment (technician of the origin)",
            description = "Records when the units left controlled storage and were packed, and for every batch on "
                    + "board its shipping stage (SHIPPED_TO_MANUFACTURING or SHIPPED_TO_SITE) through the step rules: "
                    + "stage order (an unreleased lot is not packed for a treatment site), time windows (the "
                    + "out-of-storage window), the product's temperature class. The shipper must be qualified, fit "
                    + "the class and hold long enough.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PackShipmentRequest.class),
            examples = { @ExampleObject(name = "packed", value = ShipmentExamples.PACK_REQUEST) }))
    @APIResponse(responseCode = "200", description = "Packed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentResponse.class),
                    examples = @ExampleObject(name = "shipment", value = ShipmentExamples.SHIPMENT)))
    @APIResponse(responseCode = "404", description = "No shipment has the id, or none you may see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "shipment-not-found", value = ShipmentExamples.PROBLEM_NOT_FOUND) }))
    @APIResponse(responseCode = "409", description = "A rule refused: the shipper (shipper-unfit), the status, a batch's step (the problem names the coi)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "shipper-unfit", value = ShipmentExamples.PROBLEM_SHIPPER_UNFIT), @ExampleObject(name = "shipment-out-of-order", value = ShipmentExamples.PROBLEM_SHIPMENT_OUT_OF_ORDER) }))
    public Response pack(@PathParam("id") String id, @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = IdempotencyApi.KEY_DESCRIPTION) @HeaderParam(IdempotentExecution.HEADER) String idempotencyKey,
            @Valid @NotNull PackShipmentRequest request, UriInfo uri) {
        OptionalLong expected = IfMatch.expectedVersion(ifMatch);
        return idempotent.run(idempotencyKey, request, () -> transition(shipments.pack(id,
                new ShipmentService.PackShipment(request.packedAt(), request.outOfStorageSince(),
                        Optional.ofNullable(request.deviationReference())), expected, caller.get()), uri));
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed(Roles.TECHNICIAN)
    @Operation(operationId = "cancelShipment", summary = "Call off a planned shipment (technician of the origin)",
            description = "Only before packing: the units never left, and are free to travel on another shipment. A "
                    + "packed shipment goes on to its destination (or is held there).")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentResponse.class),
                    examples = @ExampleObject(name = "shipment", value = ShipmentExamples.SHIPMENT)))
    @APIResponse(responseCode = "404", description = "No shipment has the id, or none you may see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "shipment-not-found", value = ShipmentExamples.PROBLEM_NOT_FOUND) }))
    @APIResponse(responseCode = "409", description = "Packed already: it goes on",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "shipment-out-of-order", value = ShipmentExamples.PROBLEM_SHIPMENT_OUT_OF_ORDER) }))
    public Response cancel(@PathParam("id") String id, @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = IdempotencyApi.KEY_DESCRIPTION) @HeaderParam(IdempotentExecution.HEADER) String idempotencyKey) {
        OptionalLong expected = IfMatch.expectedVersion(ifMatch);
        return idempotent.run(idempotencyKey, java.util.Map.of("cancel", id),
                () -> answer(Response.ok(), shipments.cancel(id, expected, caller.get())));
    }

    @POST
    @Path("/{id}/handovers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TECHNICIAN, Roles.LOGISTICS })
    @Operation(operationId = "releaseShipment", summary = "Hand the shipment over (the releasing side)",
            description = "By the party holding it: the origin's technician to the courier; the courier to another "
                    + "logistics organisation (a leg, a depot, customs) or to the destination (toDestination: "
                    + "true, the delivery). The releasing party holds it until the next accepts. Every handover is a "
                    + "custody event (HANDOVER_RELEASED) in the ledger of every batch on board.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseShipmentRequest.class),
            examples = { @ExampleObject(name = "to-the-courier", value = ShipmentExamples.RELEASE_TO_COURIER_REQUEST), @ExampleObject(name = "delivery", value = ShipmentExamples.DELIVERY_REQUEST) }))
    @APIResponse(responseCode = "201", description = "Released; the handover waits for its acceptance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentResponse.class),
                    examples = @ExampleObject(name = "shipment", value = ShipmentExamples.SHIPMENT)))
    @APIResponse(responseCode = "404", description = "No shipment has the id, or none you may see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "shipment-not-found", value = ShipmentExamples.PROBLEM_NOT_FOUND) }))
    @APIResponse(responseCode = "409", description = "Not the custodian, a handover still pending, or not a party it may go to now",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "not-the-custodian", value = ShipmentExamples.PROBLEM_NOT_THE_CUSTODIAN) }))
    public Response release(@PathParam("id") String id, @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = IdempotencyApi.KEY_DESCRIPTION) @HeaderParam(IdempotentExecution.HEADER) String idempotencyKey,
            @Valid @NotNull ReleaseShipmentRequest request, UriInfo uri) {
        boolean toDestination = Boolean.TRUE.equals(request.toDestination());
        if (toDestination == (request.toOrganisation() != null)) {
            throw new InvalidShipmentRequestException("toOrganisation", "or toDestination: true must be given, not both");
        }
        OptionalLong expected = IfMatch.expectedVersion(ifMatch);
        return idempotent.run(idempotencyKey, request, () -> {
            Shipment shipment = shipments.release(id, new ShipmentService.ReleaseShipment(request.occurredAt(),
                    Optional.ofNullable(request.toOrganisation()), toDestination, Optional.ofNullable(request.place())),
                    expected, caller.get());
            URI location = uri.getBaseUriBuilder().path(ShipmentResource.class).path(shipment.id()).build();
            return answer(Locations.created(location), shipment);
        });
    }

    @POST
    @Path("/{id}/handovers/{number}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(operationId = "acceptHandover", summary = "Accept a handover addressed to your organisation",
            description = "The receiving side, with the condition observed: custody passes (HANDOVER_ACCEPTED in "
                    + "every batch's ledger). The courier's first acceptance is the pickup. The destination "
                    + "accepts by receiving the shipment.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcceptHandoverRequest.class),
            examples = { @ExampleObject(name = "picked-up", value = ShipmentExamples.ACCEPT_REQUEST) }))
    @APIResponse(responseCode = "200", description = "Accepted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentResponse.class),
                    examples = @ExampleObject(name = "shipment", value = ShipmentExamples.SHIPMENT)))
    @APIResponse(responseCode = "404", description = "No shipment has the id, or none you may see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "shipment-not-found", value = ShipmentExamples.PROBLEM_NOT_FOUND) }))
    @APIResponse(responseCode = "409", description = "Addressed to another party, or no such handover waits",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "handover-not-addressed-to-caller", value = ShipmentExamples.PROBLEM_NOT_ADDRESSED) }))
    public Response accept(@PathParam("id") String id,
            @Parameter(description = "The handover's number", example = "1") @PathParam("number") String number,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = IdempotencyApi.KEY_DESCRIPTION) @HeaderParam(IdempotentExecution.HEADER) String idempotencyKey,
            @Valid @NotNull AcceptHandoverRequest request) {
        int handover = (int) QueryParameters.wholeNumber("number", number, 0, 10_000, "must be a handover number");
        OptionalLong expected = IfMatch.expectedVersion(ifMatch);
        return idempotent.run(idempotencyKey, request, () -> answer(Response.ok(), shipments.accept(id, handover,
                new ShipmentService.AcceptHandover(request.occurredAt(), request.condition()), expected, caller.get())));
    }

    @POST
    @Path("/{id}/receipt")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TECHNICIAN)
    @Operation(operationId = "receiveShipment", summary = "Receive a delivered shipment (technician of the destination)",
            description = "Accepts the delivery: the units received must be the units packed (else "
                    + "received-units-differ and nothing changes), the arrival temperature within the class unless a "
                    + "deviationReference is given (recorded). Records the receiving stage of every batch on board, "
                    + "an identity checkpoint per batch with the scans of its units: a mismatch is kept on record "
                    + "(STEP_REJECTED) and holds the batch, and the shipment stays delivered.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiveShipmentRequest.class),
            examples = { @ExampleObject(name = "received", value = ShipmentExamples.RECEIVE_REQUEST) }))
    @APIResponse(responseCode = "200", description = "Received; the units are at the destination, in its custody",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentResponse.class),
                    examples = @ExampleObject(name = "shipment", value = ShipmentExamples.SHIPMENT)))
    @APIResponse(responseCode = "404", description = "No shipment has the id, or none you may see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "shipment-not-found", value = ShipmentExamples.PROBLEM_NOT_FOUND) }))
    @APIResponse(responseCode = "409", description = "Not delivered yet, units differ, arrival out of the class, or an identity checkpoint failed (kept on record)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "received-units-differ", value = ShipmentExamples.PROBLEM_RECEIVED_UNITS_DIFFER), @ExampleObject(name = "arrival-temperature-out-of-range", value = ShipmentExamples.PROBLEM_ARRIVAL_TEMPERATURE), @ExampleObject(name = "shipment-out-of-order", value = ShipmentExamples.PROBLEM_SHIPMENT_OUT_OF_ORDER) }))
    public Response receive(@PathParam("id") String id, @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = IdempotencyApi.KEY_DESCRIPTION) @HeaderParam(IdempotentExecution.HEADER) String idempotencyKey,
            @Valid @NotNull ReceiveShipmentRequest request, UriInfo uri) {
        OptionalLong expected = IfMatch.expectedVersion(ifMatch);
        return idempotent.run(idempotencyKey, request, () -> transition(shipments.receive(id,
                new ShipmentService.ReceiveShipment(request.occurredAt(), request.condition(),
                        request.temperatureOnArrivalC(), Optional.ofNullable(request.deviationReference()),
                        request.units().stream().map(unit -> new ShipmentService.ReceivedUnit(unit.unitId(),
                                unit.identityCheck().toScan())).toList()), expected, caller.get()), uri));
    }

    private static Response transition(ShipmentService.TransitionOutcome outcome, UriInfo uri) {
        if (outcome instanceof ShipmentService.Done done) {
            return answer(Response.ok(), done.shipment());
        }
        ShipmentService.RefusedOnRecord refused = (ShipmentService.RefusedOnRecord) outcome;
        ShipmentCustody.StagesRefused stages = refused.refusal();
        StepOutcome.Refused step = stages.refused();
        Problem problem = StepProblems.of(step.refusal())
                .with("coi", stages.coi().value())
                .with("rejectedAttempt", step.rejection().sequence())
                .with("shipmentStatus", refused.shipment().status());
        if (step.hold().isPresent()) {
            problem = problem.with("hold", step.hold().get().sequence());
        }
        return Response.fromResponse(ProblemResponses.of(problem.at(uri.getPath())))
                .tag(new EntityTag(Long.toString(refused.shipment().version()))).build();
    }

    private static Response answer(Response.ResponseBuilder builder, Shipment shipment) {
        ShipmentResponse body = ShipmentResponse.of(shipment);
        return builder.tag(new EntityTag(body.etag())).entity(body).build();
    }
}

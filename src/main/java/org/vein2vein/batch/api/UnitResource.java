package org.vein2vein.batch.api;

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
import org.vein2vein.kernel.Identifiers;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;

/** One unit, wherever it is: "where is it, who holds it" for a bag, a dose or collected material. */
@Path("/api/v1/units/{unitId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Batches")
public class UnitResource {

    private static final String UNIT_EXAMPLE = """
            {"unitId": "V2V7K3Q9P2XRTB-01", "coi": "V2V7K3Q9P2XRTB", "kind": "BAG", "shipmentId": "SHP-7K3Q9P2XRTB4",
             "custodian": "CRYO-COURIER-1", "locatedSince": "2026-12-09T09:06:00Z"}""";
    private static final String UNIT_NOT_FOUND_EXAMPLE = """
            {"type": "urn:vein2vein:problem:unit-not-found", "title": "No unit has this id", "status": 404,
             "detail": "No unit has this id.", "instance": "/api/v1/units/V2V7K3Q9P2XRTB-09"}""";

    private final BatchService batches;
    private final CurrentCaller caller;

    public UnitResource(BatchService batches, CurrentCaller caller) {
        this.batches = batches;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.TECHNICIAN, Roles.QA })
    @Operation(operationId = "getUnit", summary = "Where a unit is and who holds it",
            description = "A unit of a batch the caller may see: its site or shipment, its custodian, since when, "
                    + "and whether it was thawed or ended. Any other unit is answered as not found.")
    @APIResponse(responseCode = "200", description = "The unit", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = UnitResponse.class), examples = @ExampleObject(name = "bag-in-transit",
                    value = UNIT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No unit has the id, or none of a batch you may see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unit-not-found", value = UNIT_NOT_FOUND_EXAMPLE)))
    public UnitResponse get(@Parameter(description = "The unit's id (a donation id for collected material)",
            example = "V2V7K3Q9P2XRTB-01") @PathParam("unitId") String unitId) {
        if (unitId == null || !unitId.matches(Identifiers.UNIT_ID)) {
            throw unitNotFound();
        }
        return batches.findUnit(unitId, caller.get()).map(UnitResponse::of).orElseThrow(UnitResource::unitNotFound);
    }

    private static ProblemException unitNotFound() {
        return new ProblemException(Problem.of(ProblemType.UNIT_NOT_FOUND, "No unit has this id."));
    }
}

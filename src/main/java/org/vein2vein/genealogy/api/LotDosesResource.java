package org.vein2vein.genealogy.api;

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
import org.vein2vein.batch.application.Genealogy;
import org.vein2vein.kernel.Coi;
import org.vein2vein.platform.openapi.ApiExamples;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;

/**
 * The doses of one allogeneic lot. A class of its own: JAX-RS picks the resource class by the
 * longest matching path first, so under {@code /api/v1/batches} it must not live in a class at
 * {@code /api/v1}.
 */
@Path("/api/v1/batches/{coi}/doses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Genealogy")
public class LotDosesResource {

    private static final String PROBLEM_NOT_ALLOGENEIC = """
            {"type": "urn:vein2vein:problem:batch-not-found", "title": "No batch has this COI", "status": 404,
             "detail": "No allogeneic lot has COI V2V7K3Q9P2XRTB.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/doses"}""";

    private final Genealogy genealogy;
    private final BatchService batches;
    private final CurrentCaller caller;

    public LotDosesResource(Genealogy genealogy, BatchService batches, CurrentCaller caller) {
        this.genealogy = genealogy;
        this.batches = batches;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.TECHNICIAN, Roles.QA })
    @Operation(operationId = "getLotDoses", summary = "Read the doses of an allogeneic lot",
            description = "The lot's donor and collections, and every dose split from it with its stage and "
                    + "recipient. Technicians read the lots they may see; QA reads all.")
    @APIResponse(responseCode = "200", description = "The lot and its doses",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GenealogyResponses.Lot.class),
                    examples = @ExampleObject(name = "lot", value = GenealogyResource.LOT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The COI is malformed or has a wrong check character",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-coi", value = ApiExamples.PROBLEM_INVALID_COI)))
    @APIResponse(responseCode = "404", description = "No allogeneic lot has this COI, or none you may see",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "batch-not-found", value = PROBLEM_NOT_ALLOGENEIC)))
    public GenealogyResponses.Lot lotDoses(
            @Parameter(description = "The lot's COI", example = ApiExamples.COI) @PathParam("coi") String coi) {
        Coi id = Coi.parse(coi);
        batches.requireVisible(id, caller.get());
        return genealogy.lot(id.value()).map(GenealogyResponses.Lot::of)
                .orElseThrow(() -> new ProblemException(Problem.of(ProblemType.BATCH_NOT_FOUND,
                        "No allogeneic lot has COI " + id + ".")));
    }
}

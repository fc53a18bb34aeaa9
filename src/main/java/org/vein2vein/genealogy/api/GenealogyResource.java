package org.vein2vein.genealogy.api;

import java.util.List;

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

import org.vein2vein.batch.api.Patterns;
import org.vein2vein.batch.application.Genealogy;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.security.Roles;

/**
 * Genealogy of allogeneic products, both ways, for QA: donor → lots → doses → recipients, and
 * recipient → doses → lot → collections → donor. Answers with empty lists for references nobody
 * knows, so that a recall query never fails on a donor or recipient without doses.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Genealogy", description = "Donor to recipients and back, for allogeneic products")
public class GenealogyResource {

    static final String LOT_EXAMPLE = """
            {"coi": "V2V7K3Q9P2XRTB", "productCode": "CART-B7H3-ALLO", "productVersion": 1,
             "donorReference": "DNR-GENT-0003", "donationIds": ["A999926000001V", "A999926000002T"],
             "doses": [{"unitId": "V2V7K3Q9P2XRTB-D01", "stage": "INFUSED", "recipientReference": "RCP-GENT-0007",
                        "allocatedAt": "2026-12-10T08:00:00Z"},
                       {"unitId": "V2V7K3Q9P2XRTB-D02", "stage": "STORED"}]}""";

    private static final String PROBLEM_INVALID_REFERENCE = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "One field is not valid.",
             "instance": "/api/v1/donors/%20/recipients",
             "violations": [{"field": "path.donorReference", "message": "must be a pseudonymous reference as the site issues it: 3 to 64 letters, digits, '_', ':' or '-', with at least one digit and no calendar date; never a name or a birth date"}]}""";

    private final Genealogy genealogy;

    public GenealogyResource(Genealogy genealogy) {
        this.genealogy = genealogy;
    }

    @GET
    @Path("/donors/{donorReference}/recipients")
    @RolesAllowed(Roles.QA)
    @Operation(operationId = "getDonorRecipients", summary = "Trace a donor to every lot, dose and recipient",
            description = "Every allogeneic lot made from the donor's collections, each with its collections and "
                    + "doses, and every recipient a dose is allocated to. A donor without lots answers empty lists.")
    @APIResponse(responseCode = "200", description = "The donor's lots, doses and recipients",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GenealogyResponses.Donor.class),
                    examples = @ExampleObject(name = "donor", value = "{\"donorReference\": \"DNR-GENT-0003\", "
                            + "\"lots\": [" + LOT_EXAMPLE + "], \"recipients\": [\"RCP-GENT-0007\"]}")))
    @APIResponse(responseCode = "400", description = "The reference is not shaped as a pseudonymous reference",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-request", value = PROBLEM_INVALID_REFERENCE)))
    public GenealogyResponses.Donor donorRecipients(
            @Parameter(description = "The donor's pseudonymous reference", example = "DNR-GENT-0003")
            @PathParam("donorReference") @Pattern(regexp = Patterns.PSEUDONYM, message = Patterns.PSEUDONYM_MESSAGE)
            String donorReference) {
        List<GenealogyResponses.Lot> lots = genealogy.lotsOfDonor(donorReference).stream()
                .map(GenealogyResponses.Lot::of).toList();
        List<String> recipients = lots.stream().flatMap(lot -> lot.doses().stream())
                .map(GenealogyResponses.Dose::recipientReference).filter(java.util.Objects::nonNull)
                .distinct().sorted().toList();
        return new GenealogyResponses.Donor(donorReference, lots, recipients);
    }

    @GET
    @Path("/recipients/{recipientReference}/doses")
    @RolesAllowed(Roles.QA)
    @Operation(operationId = "getRecipientDoses", summary = "Trace a recipient back to doses, lots and donors",
            description = "Every dose allocated to the recipient, each with its lot, the lot's collections and "
                    + "the donor. A recipient without doses answers an empty list.")
    @APIResponse(responseCode = "200", description = "The recipient's doses, back to lot and donor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GenealogyResponses.Recipient.class),
                    examples = @ExampleObject(name = "recipient", value = "{\"recipientReference\": \"RCP-GENT-0007\", "
                            + "\"doses\": [{\"dose\": {\"unitId\": \"V2V7K3Q9P2XRTB-D01\", \"stage\": \"INFUSED\", "
                            + "\"recipientReference\": \"RCP-GENT-0007\", \"allocatedAt\": \"2026-12-10T08:00:00Z\"}, "
                            + "\"lot\": " + LOT_EXAMPLE + "}]}")))
    @APIResponse(responseCode = "400", description = "The reference is not shaped as a pseudonymous reference",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-request", value = PROBLEM_INVALID_REFERENCE)))
    public GenealogyResponses.Recipient recipientDoses(
            @Parameter(description = "The recipient's pseudonymous reference", example = "RCP-GENT-0007")
            @PathParam("recipientReference")
            @Pattern(regexp = Patterns.PSEUDONYM, message = Patterns.PSEUDONYM_MESSAGE) String recipientReference) {
        return new GenealogyResponses.Recipient(recipientReference, genealogy.dosesOfRecipient(recipientReference)
                .stream().map(dose -> new GenealogyResponses.RecipientDose(GenealogyResponses.Dose.of(dose.dose()),
                        GenealogyResponses.Lot.of(dose.lot()))).toList());
    }
}

package org.vein2vein.batch.api.stagedata;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;


/** Allogeneic: one dose is allocated to one recipient, once, before it ships. */
@Schema(name = "AllocationData", description = "ALLOCATED (allogeneic): a dose allocated to one recipient")
public record AllocationData(
        @NotNull @Pattern(regexp = Fields.UNIT_ID, message = Fields.UNIT_ID_MESSAGE)
        @Schema(required = true, description = "The dose", example = "V2V7K3Q9P2XRTB-D01") String unitId,
        @NotNull @Pattern(regexp = Fields.PSEUDONYM, message = Fields.PSEUDONYM_MESSAGE)
        @Schema(required = true, description = "Pseudonymous recipient reference issued by the treatment site",
                example = "RCP-GENT-0007") String recipientReference,
        @NotNull @Pattern(regexp = Fields.REFERENCE, message = Fields.REFERENCE_MESSAGE)
        @Schema(required = true, description = "The recipient's treatment site: the one site the dose may be "
                + "shipped to", example = "SITE-PARIS-01") String treatmentSite) implements StageDataBody {

    @Override
    public StageData toDomain() {
        return new StageData.Allocation(unitId, recipientReference, treatmentSite);
    }
}

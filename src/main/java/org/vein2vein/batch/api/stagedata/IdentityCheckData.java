package org.vein2vein.batch.api.stagedata;

import java.util.Optional;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.IdentityScan;
import org.vein2vein.kernel.Coi;

/**
 * What was scanned and who checked it at an identity checkpoint. The technician logging the step
 * is the first verifier; {@code witness} is the second, where the product requires two.
 */
@Schema(name = "IdentityCheck", description = "The labels scanned at an identity checkpoint and who checked them")
public record IdentityCheckData(
        // The shape of a COI, whatever the COI: a patient's reference scanned into this field is refused, not recorded.
        @NotNull @Pattern(regexp = Coi.SHAPE_PATTERN, message = "must be a COI as printed on the label: V2V and 11 "
                + "characters")
        @Schema(required = true, description = "The COI scanned from the product's label", example = "V2V7K3Q9P2XRTB")
        String scannedCoi,
        @Pattern(regexp = Fields.UNIT_ID, message = Fields.UNIT_ID_MESSAGE)
        @Schema(description = "The unit id scanned from the bag, where a unit is handled", example = "V2V7K3Q9P2XRTB-01")
        String scannedUnitId,
        @Pattern(regexp = Fields.PSEUDONYM, message = Fields.PSEUDONYM_MESSAGE)
        @Schema(description = "Autologous infusion: the pseudonymous patient reference scanned from the wristband",
                example = "PAT-LYON-0042") String patientReference,
        @Pattern(regexp = Fields.PSEUDONYM, message = Fields.PSEUDONYM_MESSAGE)
        @Schema(description = "Allogeneic infusion: the pseudonymous recipient reference scanned from the wristband",
                example = "RCP-GENT-0007") String recipientReference,
        @Pattern(regexp = Fields.STAFF_ID, message = Fields.STAFF_ID_MESSAGE)
        @Schema(description = "Pseudonymous staff id of the second verifier; must not be the technician logging "
                + "the step", example = "op-0815") String witness) {

    public IdentityScan toScan() {
        return new IdentityScan(scannedCoi, Optional.ofNullable(scannedUnitId), Optional.ofNullable(patientReference),
                Optional.ofNullable(recipientReference), Optional.ofNullable(witness));
    }
}

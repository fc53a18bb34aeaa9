package org.vein2vein.batch.api.stagedata;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;


/** The unit infused, after the bedside identity check. */
@Schema(name = "InfusionData", description = "INFUSED: the unit given, after the bedside identity check")
public record InfusionData(
        @NotNull @Pattern(regexp = Fields.UNIT_ID, message = Fields.UNIT_ID_MESSAGE)
        @Schema(required = true, description = "The unit infused", example = "V2V7K3Q9P2XRTB-01") String unitId,
        @NotNull @Valid @Schema(required = true, description = "Bedside check: the scanned COI and unit, and the "
                + "patient (autologous) or recipient (allogeneic) reference from the wristband")
        IdentityCheckData identityCheck) implements StageDataBody {

    @Override
    public StageData toDomain() {
        return new StageData.Infusion(unitId, identityCheck.toScan());
    }
}

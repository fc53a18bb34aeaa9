package org.vein2vein.batch.api.stagedata;

import java.util.Optional;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;


/**
 * Why a batch left its path: rejection, manufacturing failure, quarantine, destruction or
 * cancellation. Reasons are codes, and details live in the deviation record the reference
 * names, so that no free text (and no PHI) enters the ledger.
 */
@Schema(name = "ReasonData", description = "REJECTED, MANUFACTURING_FAILED, QUARANTINED, DESTROYED, CANCELLED: why")
public record ReasonData(
        @NotNull @Schema(required = true) StageData.ExitReason reason,
        @Pattern(regexp = Fields.REFERENCE, message = Fields.REFERENCE_MESSAGE)
        @Schema(description = "The quality record (deviation, CAPA) with the details", example = "DEV-2026-0117")
        String qualityRecord,
        @Pattern(regexp = Fields.UNIT_ID, message = Fields.UNIT_ID_MESSAGE)
        @Schema(description = "Allogeneic lots: the dose this concerns; without it, the whole lot",
                example = "V2V7K3Q9P2XRTB-D03") String unitId) implements StageDataBody {


    @Override
    public StageData toDomain() {
        return new StageData.SideExit(reason, Optional.ofNullable(qualityRecord), Optional.ofNullable(unitId));
    }
}

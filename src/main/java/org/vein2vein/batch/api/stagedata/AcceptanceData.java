package org.vein2vein.batch.api.stagedata;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;


/** Manufacturing accepts the starting material for processing. */
@Schema(name = "AcceptanceData", description = "ACCEPTED: the starting material is accepted for manufacturing")
public record AcceptanceData(
        @NotNull @Schema(required = true, description = "The condition found at incoming inspection")
        StageData.Condition condition) implements StageDataBody {

    @Override
    public StageData toDomain() {
        return new StageData.Acceptance(condition);
    }
}

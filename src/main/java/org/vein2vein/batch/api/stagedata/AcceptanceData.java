package org.vein2vein.batch.api.stagedata;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.application.StepFacts;

/** Manufacturing accepts the starting material for processing. */
@Schema(name = "AcceptanceData", description = "ACCEPTED: the starting material is accepted for manufacturing")
public record AcceptanceData(
        @NotNull @Schema(required = true, description = "The condition found at incoming inspection")
        ReceiptData.Condition condition) implements StageData {

    @Override
    public StepFacts facts() {
        return StepFacts.NONE;
    }
}

package org.vein2vein.batch.api.stagedata;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.application.StepFacts;
import org.vein2vein.platform.problem.Problem;

/** Allogeneic: the lot is split into doses, each with its own unit id, each for one recipient later. */
@Schema(name = "SplitData", description = "SPLIT (allogeneic): the lot split into doses")
public record SplitData(
        @NotNull @Size(min = 1, max = 500, message = "must list 1 to 500 doses")
        @Schema(required = true) List<@NotNull @Valid UnitData> doses) implements StageData {

    @Override
    public StepFacts facts() {
        return StepFacts.NONE.withNewUnits(doses.stream().map(UnitData::unitId).toList());
    }

    @Override
    public List<Problem.Violation> crossFieldViolations() {
        return Units.duplicates("doses", doses);
    }
}

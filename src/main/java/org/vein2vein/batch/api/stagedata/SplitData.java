package org.vein2vein.batch.api.stagedata;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.platform.problem.Problem;

/** Allogeneic: the lot is split into doses, each with its own unit id, each for one recipient later. */
@Schema(name = "SplitData", description = "SPLIT (allogeneic): the lot split into doses")
public record SplitData(
        @NotNull @Size(min = 1, max = 500, message = "must list 1 to 500 doses")
        @Schema(required = true) List<@NotNull @Valid UnitData> doses) implements StageDataBody {

    @Override
    public StageData toDomain() {
        return new StageData.Split(doses.stream().map(UnitData::toDomain).toList());
    }

    @Override
    public List<Problem.Violation> crossFieldViolations() {
        return DistinctUnits.duplicates("doses", doses);
    }
}

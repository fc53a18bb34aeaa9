package org.vein2vein.batch.api.stagedata;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.platform.problem.Problem;

/** The product is formulated into labelled bags: an identity checkpoint (labelling). */
@Schema(name = "FormulationData", description = "FORMULATED: bags filled and labelled, an identity checkpoint")
public record FormulationData(
        @NotNull @Valid @Schema(required = true) IdentityCheckData identityCheck,
        @NotNull @Size(min = 1, max = 20, message = "must list 1 to 20 bags")
        @Schema(required = true) List<@NotNull @Valid UnitData> units) implements StageDataBody {

    @Override
    public StageData toDomain() {
        return new StageData.Formulation(identityCheck.toScan(), units.stream().map(UnitData::toDomain).toList());
    }

    @Override
    public List<Problem.Violation> crossFieldViolations() {
        return DistinctUnits.duplicates("units", units);
    }
}

package org.vein2vein.batch.api.stagedata;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;


/** The final product's units frozen in a controlled-rate freezer run. */
@Schema(name = "CryopreservationData", description = "CRYOPRESERVED: the units frozen")
public record CryopreservationData(
        @NotNull @Pattern(regexp = Fields.CODE, message = Fields.CODE_MESSAGE)
        @Schema(required = true, description = "Controlled-rate freezer run", example = "CRF-2026-0533") String freezerRun,
        @NotNull @Size(min = 1, max = 500, message = "must list 1 to 500 units")
        @Schema(required = true, description = "The units frozen; every one must be a unit of the batch")
        List<@NotNull @Pattern(regexp = Fields.UNIT_ID, message = Fields.UNIT_ID_MESSAGE) String> unitIds)
        implements StageDataBody {

    @Override
    public StageData toDomain() {
        return new StageData.Cryopreservation(freezerRun, unitIds);
    }
}

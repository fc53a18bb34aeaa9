package org.vein2vein.batch.api.stagedata;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;


/** The released units put in long-term storage at ≤ −150 °C. */
@Schema(name = "StorageData", description = "STORED: units in long-term cryogenic storage")
public record StorageData(
        @NotNull @Valid @Schema(required = true) StorageLocationData location,
        @NotNull @Size(min = 1, max = 500, message = "must list 1 to 500 units")
        @Schema(required = true, description = "The units stored; every one must be a unit of the batch")
        List<@NotNull @Pattern(regexp = Fields.UNIT_ID, message = Fields.UNIT_ID_MESSAGE) String> unitIds)
        implements StageDataBody {

    @Override
    public StageData toDomain() {
        return new StageData.Storage(location.toDomain(), unitIds);
    }
}

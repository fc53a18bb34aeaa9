package org.vein2vein.batch.api.stagedata;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;

/** A place in a cryogenic freezer. */
@Schema(name = "StorageLocation", description = "Freezer, rack, box and position")
public record StorageLocationData(
        @NotNull @Pattern(regexp = Fields.CODE, message = Fields.CODE_MESSAGE)
        @Schema(required = true, example = "LN2-03") String freezer,
        @NotNull @Pattern(regexp = Fields.CODE, message = Fields.CODE_MESSAGE)
        @Schema(required = true, example = "R2") String rack,
        @NotNull @Pattern(regexp = Fields.CODE, message = Fields.CODE_MESSAGE)
        @Schema(required = true, example = "B14") String box,
        @NotNull @Pattern(regexp = Fields.CODE, message = Fields.CODE_MESSAGE)
        @Schema(required = true, example = "A3") String position) {

    StageData.StorageLocation toDomain() {
        return new StageData.StorageLocation(freezer, rack, box, position);
    }
}

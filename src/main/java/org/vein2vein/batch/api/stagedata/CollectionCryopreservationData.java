package org.vein2vein.batch.api.stagedata;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;


/** Optional freezing of the starting material at the collection site. */
@Schema(name = "CollectionCryopreservationData", description = "CRYOPRESERVED_AT_COLLECTION")
public record CollectionCryopreservationData(
        @NotNull @Pattern(regexp = Fields.CODE, message = Fields.CODE_MESSAGE)
        @Schema(required = true, description = "Controlled-rate freezer run", example = "CRF-2026-0411") String freezerRun,
        @NotNull @Valid @Schema(required = true) StorageLocationData location) implements StageDataBody {

    @Override
    public StageData toDomain() {
        return new StageData.CollectionCryopreservation(freezerRun, location.toDomain());
    }
}

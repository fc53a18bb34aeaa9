package org.vein2vein.batch.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.persistence.BatchUnitRepository;
import org.vein2vein.kernel.Stage;

/** A bag or dose of a batch. */
@Schema(name = "Unit")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitResponse(
        @Schema(example = "V2V7K3Q9P2XRTB-D01") String unitId,
        @Schema(description = "BAG (a bag of the batch) or DOSE (a dose of an allogeneic lot)") BatchUnit.Kind kind,
        @Schema(description = "Doses only: the dose's own stage") Stage stage,
        @Schema(description = "Doses only: the recipient it is allocated to", example = "RCP-GENT-0007")
        String recipientReference,
        @Schema(description = "Doses only: when it was allocated") Instant allocatedAt) {

    static UnitResponse of(BatchUnitRepository.StoredUnit unit) {
        return new UnitResponse(unit.unitId(), unit.kind(), unit.stage().orElse(null),
                unit.recipientReference().orElse(null), unit.allocatedAt().orElse(null));
    }
}

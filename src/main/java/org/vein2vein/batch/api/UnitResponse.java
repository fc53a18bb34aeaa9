package org.vein2vein.batch.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.persistence.BatchUnitRepository;
import org.vein2vein.kernel.Stage;

/** A unit of a batch: collected material, a bag or a dose; where it is and who holds it. */
@Schema(name = "Unit")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitResponse(
        @Schema(example = "V2V7K3Q9P2XRTB-D01") String unitId,
        @Schema(description = "The batch it belongs to", example = "V2V7K3Q9P2XRTB") String coi,
        @Schema(description = "MATERIAL (collected material, by its donation id), BAG (a bag of the batch) or DOSE "
                + "(a dose of an allogeneic lot)") BatchUnit.Kind kind,
        @Schema(description = "Doses only: the dose's own stage") Stage stage,
        @Schema(description = "Doses only: the recipient it is allocated to", example = "RCP-GENT-0007")
        String recipientReference,
        @Schema(description = "Doses only: when it was allocated") Instant allocatedAt,
        @Schema(description = "Doses only: the treatment site of its recipient, the one site it may be shipped to")
        String destinationSite,
        @Schema(description = "The site it is at; absent while it is on a shipment", example = "SITE-LYON-01") String site,
        @Schema(description = "The shipment it is on, from packing until receipt") String shipmentId,
        @Schema(description = "The organisation holding it", example = "HOSP-LYON") String custodian,
        @Schema(description = "Since when it is where it is, or held by whom it is held") Instant locatedSince,
        @Schema(description = "The stage that ended it as a unit (material FORMULATED into bags, a lot's bag SPLIT "
                + "into doses, INFUSED, DESTROYED...); absent while it is live") Stage endedBy,
        @Schema(description = "When it was thawed, if it was") Instant thawedAt) {

    static UnitResponse of(BatchUnitRepository.StoredUnit unit) {
        return new UnitResponse(unit.unitId(), unit.coi(), unit.kind(), unit.stage().orElse(null),
                unit.recipientReference().orElse(null), unit.allocatedAt().orElse(null),
                unit.destinationSite().orElse(null), unit.custody().site().orElse(null),
                unit.custody().shipmentId().orElse(null), unit.custody().custodian().orElse(null),
                unit.locatedSince().orElse(null), unit.custody().endedBy().orElse(null),
                unit.custody().thawedAt().orElse(null));
    }
}

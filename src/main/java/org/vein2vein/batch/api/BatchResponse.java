package org.vein2vein.batch.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.application.BatchState;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Stage;

/** A batch as clients see it: its identity, where it stands, and what may come next. */
@Schema(name = "Batch")
public record BatchResponse(
        @Schema(description = "Chain of Identity identifier", example = "V2V7K3Q9P2XRTB") String coi,
        BatchType type,
        String subjectReference,
        String productCode,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The version of the product the batch follows, fixed at registration: a later version "
                + "of the product does not change it. Absent only for batches registered before products existed "
                + "whose product the catalogue does not hold.", example = "1")
        Integer productVersion,
        String collectionSite,
        @Schema(description = "Current stage. An allogeneic lot stays STORED while its doses travel on their own "
                + "(see units)") Stage stage,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "While quarantined: the stage the batch returns to") Stage resumeStage,
        @Schema(description = "Stages the plan allows next") List<Stage> allowedNextStages,
        @Schema(description = "Number of events in the batch's ledger; also its ETag") long ledgerSequence,
        @Schema(description = "Hash of the newest ledger event") String ledgerHeadHash,
        Instant registeredAt,
        Instant updatedAt,
        @Schema(description = "ISBT 128 donation ids of the batch's collections, oldest first")
        List<String> donationIds,
        @Schema(description = "The bags of the batch, or the doses of an allogeneic lot with their own stage and "
                + "allocation") List<UnitResponse> units) {

    static BatchResponse of(BatchState state) {
        var batch = state.batch();
        Integer productVersion = state.productVersion().isPresent() ? state.productVersion().getAsInt() : null;
        return new BatchResponse(batch.coi().value(), batch.type(), batch.subjectReference(), batch.productCode(),
                productVersion, batch.collectionSite(), batch.stage(), batch.resumeStage().orElse(null),
                List.copyOf(batch.allowedNextStages()), state.ledgerHead().sequence(), state.ledgerHead().hash(),
                state.registeredAt(), state.updatedAt(), state.donationIds(),
                state.units().stream().map(UnitResponse::of).toList());
    }

    /** Strong entity tag: the ledger sequence changes with every accepted step. */
    String etag() {
        return Long.toString(ledgerSequence);
    }
}

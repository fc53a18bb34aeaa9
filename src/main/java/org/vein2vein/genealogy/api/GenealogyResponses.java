package org.vein2vein.genealogy.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.application.Genealogy;
import org.vein2vein.kernel.Stage;

/** What genealogy queries answer. */
final class GenealogyResponses {

    private GenealogyResponses() {
    }

    @Schema(name = "DoseTrace", description = "A dose of an allogeneic lot: where it is and whom it is for")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Dose(@Schema(example = "V2V7K3Q9P2XRTB-D01") String unitId, Stage stage,
            @Schema(description = "Absent until allocated", example = "RCP-GENT-0007") String recipientReference,
            Instant allocatedAt) {

        static Dose of(Genealogy.DoseTrace dose) {
            return new Dose(dose.unitId(), dose.stage(), dose.recipientReference().orElse(null),
                    dose.allocatedAt().orElse(null));
        }
    }

    @Schema(name = "LotTrace", description = "An allogeneic lot: its donor, collections and doses")
    record Lot(@Schema(example = "V2V7K3Q9P2XRTB") String coi, String productCode, Integer productVersion,
            @Schema(example = "DNR-GENT-0003") String donorReference,
            @Schema(description = "ISBT 128 donation ids of the collections the lot was made from")
            List<String> donationIds, List<Dose> doses) {

        static Lot of(Genealogy.LotTrace lot) {
            return new Lot(lot.coi(), lot.productCode(), lot.productVersion(), lot.donorReference(), lot.donationIds(),
                    lot.doses().stream().map(Dose::of).toList());
        }
    }

    @Schema(name = "DonorGenealogy", description = "Every lot made from a donor's collections, and every recipient "
            + "of their doses")
    record Donor(@Schema(example = "DNR-GENT-0003") String donorReference, List<Lot> lots,
            @Schema(description = "Every recipient a dose of the donor's lots is allocated to")
            List<String> recipients) {
    }

    @Schema(name = "RecipientDose", description = "A dose allocated to the recipient, with the lot and donor it "
            + "came from")
    record RecipientDose(Dose dose, Lot lot) {
    }

    @Schema(name = "RecipientGenealogy", description = "Every dose allocated to a recipient, back to lot and donor")
    record Recipient(@Schema(example = "RCP-GENT-0007") String recipientReference, List<RecipientDose> doses) {
    }
}

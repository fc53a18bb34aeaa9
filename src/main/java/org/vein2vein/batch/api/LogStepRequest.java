package org.vein2vein.batch.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.api.stagedata.AcceptanceData;
import org.vein2vein.batch.api.stagedata.AllocationData;
import org.vein2vein.batch.api.stagedata.CollectionCryopreservationData;
import org.vein2vein.batch.api.stagedata.CollectionData;
import org.vein2vein.batch.api.stagedata.CryopreservationData;
import org.vein2vein.batch.api.stagedata.ExpansionData;
import org.vein2vein.batch.api.stagedata.FormulationData;
import org.vein2vein.batch.api.stagedata.GeneModificationData;
import org.vein2vein.batch.api.stagedata.InfusionData;
import org.vein2vein.batch.api.stagedata.NoData;
import org.vein2vein.batch.api.stagedata.QcData;
import org.vein2vein.batch.api.stagedata.ReasonData;
import org.vein2vein.batch.api.stagedata.ReceiptData;
import org.vein2vein.batch.api.stagedata.ShipmentData;
import org.vein2vein.batch.api.stagedata.SplitData;
import org.vein2vein.batch.api.stagedata.StorageData;
import org.vein2vein.batch.api.stagedata.ThawData;
import org.vein2vein.kernel.Stage;
import org.vein2vein.platform.json.JsonBounds;

/**
 * A step of the batch's journey, as a technician logs it; who logged it comes from the token. The
 * shape of {@code data} depends on the stage; it is read as the stage's typed record.
 */
@Schema(name = "LogStepRequest")
public record LogStepRequest(
        @NotNull @Schema(required = true, description = "The stage the batch (or, for an allogeneic lot once "
                + "stored, one of its doses) reaches with this step") Stage stage,
        @NotNull @Schema(required = true, description = "When the step happened (ISO-8601 with offset), "
                + JsonBounds.INSTANT_RANGE + "; not in the future beyond the allowed clock skew",
                example = "2026-11-25T09:30:00Z") Instant occurredAt,
        @NotNull @Pattern(regexp = Patterns.REFERENCE, message = Patterns.REFERENCE_MESSAGE)
        @Schema(required = true, description = "Where the step happened", example = "SITE-LYON-01") String site,
        @NotNull @Schema(required = true, description = "The stage's data. COLLECTED: CollectionData; "
                + "CRYOPRESERVED_AT_COLLECTION: CollectionCryopreservationData; SHIPPED_TO_MANUFACTURING and "
                + "SHIPPED_TO_SITE: ShipmentData; RECEIVED_AT_MANUFACTURING and RECEIVED_AT_SITE: ReceiptData; "
                + "ACCEPTED: AcceptanceData; GENE_MODIFIED: GeneModificationData; EXPANDED: ExpansionData; "
                + "FORMULATED: FormulationData; SPLIT: SplitData; CRYOPRESERVED: CryopreservationData; QC_TESTED: "
                + "QcData; RELEASED and OUT_OF_SPEC: NoData ({}); STORED: StorageData; ALLOCATED: AllocationData; "
                + "THAWED: ThawData; INFUSED: InfusionData; REJECTED, MANUFACTURING_FAILED, QUARANTINED, DESTROYED "
                + "and CANCELLED: ReasonData. Unknown fields are refused; no personal health information.",
                oneOf = { CollectionData.class, CollectionCryopreservationData.class, ShipmentData.class,
                        ReceiptData.class, AcceptanceData.class, GeneModificationData.class, ExpansionData.class,
                        FormulationData.class, SplitData.class, CryopreservationData.class, QcData.class,
                        NoData.class, StorageData.class, AllocationData.class, ThawData.class, InfusionData.class,
                        ReasonData.class })
        ObjectNode data,
        @Pattern(regexp = Patterns.REFERENCE, message = Patterns.REFERENCE_MESSAGE)
        @Schema(description = "The documented deviation under which a step outside its product's time window is "
                + "accepted", example = "DEV-2026-0117") String deviationReference) {
}

package org.vein2vein.batch.domain.rules;


import org.vein2vein.batch.domain.IdentityScan;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Stage;

/**
 * What this batch's step must say beyond its stage's field rules: a shipment to the treatment site
 * lists its units and when they left controlled storage, a receipt there lists what arrived, and the
 * bedside check scans the patient's or the recipient's wristband.
 */
public final class RequiredStepData implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        Step step = context.step();
        if (step.stage() == Stage.SHIPPED_TO_SITE && step.data() instanceof StageData.Shipment shipment) {
            if (shipment.unitIds().isEmpty()) {
                return refuse("data.unitIds", "must list the units shipped");
            }
            if (shipment.outOfStorageSince().isEmpty()) {
                return refuse("data.outOfStorageSince", "must say when the units left controlled storage to be packed");
            }
            if (shipment.outOfStorageSince().get().isAfter(step.occurredAt())) {
                return refuse("data.outOfStorageSince", "must not be after occurredAt");
            }
        }
        if (step.stage() == Stage.RECEIVED_AT_SITE && step.data().handledUnits().isEmpty()) {
            return refuse("data.unitIds", "must list the units received");
        }
        if (step.stage() == Stage.INFUSED) {
            IdentityScan scan = step.data().identityScan().orElseThrow();
            BatchType type = context.batch().type();
            if (type == BatchType.AUTOLOGOUS && scan.patientReference().isEmpty()) {
                return refuse("data.identityCheck.patientReference",
                        "must be scanned from the patient's wristband at the bedside");
            }
            if (type == BatchType.ALLOGENEIC && scan.recipientReference().isEmpty()) {
                return refuse("data.identityCheck.recipientReference",
                        "must be scanned from the recipient's wristband at the bedside");
            }
        }
        return Ruling.accept();
    }

    private static Ruling refuse(String field, String rule) {
        return Ruling.refuse(Refusal.invalidData(field, rule));
    }
}

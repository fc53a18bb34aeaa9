package org.vein2vein.batch.domain.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.Dose;
import org.vein2vein.batch.domain.IdentityCheckpoint;
import org.vein2vein.batch.domain.IdentityScan;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

/**
 * At the points of highest risk of a mix-up (receipt at manufacturing, labelling, receipt at the
 * treatment site, thaw, bedside infusion) what was scanned must match the record: the COI, the unit,
 * the patient or the recipient, and at the site the units that were shipped. A mismatch is refused,
 * kept on record, and puts the batch (or the dose) on hold until QA decides.
 */
public final class IdentityCheckpoints implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        Stage stage = context.step().stage();
        if (!IdentityCheckpoint.isCheckpoint(stage)) {
            return Ruling.accept();
        }
        StageData data = context.step().data();
        IdentityScan scan = data.identityScan().orElseThrow();
        Optional<String> handledUnit = stage == Stage.THAWED || stage == Stage.INFUSED ? data.handledUnit()
                : Optional.empty();
        List<String> mismatches = new ArrayList<>(IdentityCheckpoint.mismatches(context.batch(), stage, scan,
                handledUnit, context.dose().flatMap(Dose::recipientReference)));
        // A bag of another batch at the bedside is the mix-up the checkpoint exists for.
        if (handledUnit.isPresent() && !context.isDoseStep() && context.unit(handledUnit.get()).isEmpty()) {
            mismatches.add("unit " + handledUnit.get() + " is not a unit of batch " + context.batch().coi());
        }
        // Where a step handles several units, a scanned unit must be one of them.
        List<String> stepUnits = stage == Stage.FORMULATED
                ? data.newUnits().stream().map(StageData.LabelledUnit::unitId).toList() : data.handledUnits();
        if (handledUnit.isEmpty() && scan.scannedUnitId().isPresent()
                && !stepUnits.contains(scan.scannedUnitId().get())) {
            mismatches.add("the scanned unit " + scan.scannedUnitId().get() + " is not one of the units of this step");
        }
        if (stage == Stage.RECEIVED_AT_SITE) {
            Set<String> shipped = shipped(context);
            Set<String> received = new TreeSet<>(data.handledUnits());
            if (!received.equals(shipped)) {
                mismatches.add("the units received " + received + " are not the units shipped " + shipped);
            }
        }
        if (mismatches.isEmpty()) {
            return Ruling.accept();
        }
        return Ruling.refuse(new Refusal(RefusalKind.IDENTITY_MISMATCH, "Identity check failed at " + stage + ": "
                + String.join("; ", mismatches) + ". The " + (context.isDoseStep() ? "dose" : "batch")
                + " is on hold until QA decides.", Map.of("mismatches", mismatches), Optional.empty()));
    }

    /** What was shipped to the site: the dose of a dose's receipt, else the units on the batch's latest shipment. */
    private static Set<String> shipped(StepContext context) {
        Set<String> shipped = new TreeSet<>();
        if (context.dose().isPresent()) {
            shipped.add(context.dose().get().unitId());
        } else {
            context.units().stream().filter(BatchUnit::onLatestShipment).map(BatchUnit::unitId).forEach(shipped::add);
        }
        return shipped;
    }
}

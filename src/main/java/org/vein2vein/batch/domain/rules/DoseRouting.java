package org.vein2vein.batch.domain.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.batch.domain.Dose;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Stage;
import org.vein2vein.kernel.StagePlan;

/**
 * Which dose of an allogeneic lot a step concerns, if any: every step after the lot is stored, and
 * a side exit that names a dose. Shipments and receipts carry one dose each.
 */
public final class DoseRouting {

    /** The stages that say why a batch left its path (their data is a reason). */
    private static final Set<Stage> EXITS_WITH_REASON = EnumSet.of(Stage.REJECTED, Stage.MANUFACTURING_FAILED,
            Stage.QUARANTINED, Stage.DESTROYED, Stage.CANCELLED);
    /** Of those, the ones that may concern one dose of an allogeneic lot, when their data names it. */
    private static final Set<Stage> ONE_DOSE_EXITS = EnumSet.of(Stage.QUARANTINED, Stage.DESTROYED, Stage.CANCELLED);

    private DoseRouting() {
    }

    /**
     * @return the dose's unit id, or empty for a step of the batch as a whole
     * @throws StepRefusedException when the data names a dose where none may be, or not exactly one
     */
    public static Optional<String> doseUnit(Batch batch, Step step) {
        StagePlan plan = batch.plan();
        Optional<String> named = step.data().handledUnit();
        boolean oneDoseExit = ONE_DOSE_EXITS.contains(step.stage());
        if (named.isPresent() && EXITS_WITH_REASON.contains(step.stage())
                && !(oneDoseExit && batch.type() == BatchType.ALLOGENEIC)) {
            throw new StepRefusedException(Refusal.invalidData("data.unitId", "names a dose: only a quarantine, "
                    + "destruction or cancellation of one dose of an allogeneic lot names it; without it the step "
                    + "concerns the batch"));
        }
        if (batch.type() != BatchType.ALLOGENEIC) {
            return Optional.empty();
        }
        if (oneDoseExit) {
            // With a unit id the exit is the dose's; without, the lot's.
            return named;
        }
        // A stored lot does not repeat STORED: that step is a dose returning to storage from quarantine.
        boolean doseStage = Dose.isDoseStage(step.stage(), plan)
                || (step.stage() == Stage.STORED && batch.stage() == Stage.STORED);
        if (!doseStage) {
            return Optional.empty();
        }
        if (named.isPresent()) {
            return named;
        }
        List<String> units = step.data().handledUnits();
        if (units.size() == 1) {
            return Optional.of(units.get(0));
        }
        throw new StepRefusedException(Refusal.invalidData("data.unitIds", "must name exactly one dose: the doses "
                + "of an allogeneic lot travel one per shipment"));
    }
}

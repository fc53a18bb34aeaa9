package org.vein2vein.batch.domain.rules;

import java.util.List;
import java.util.Map;

import org.vein2vein.kernel.Stage;

/**
 * A side exit of a whole batch (a hold, a cancellation) is decided by whoever holds all of it, or
 * by QA: a treatment site that received one dose of an allogeneic lot may not end the doses other
 * sites hold for their patients. A dose's own exit is taken where the dose is
 * ({@link HandledUnitsAtTheStepSite}).
 */
public final class LotExitByItsHolder implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        Stage stage = context.step().stage();
        if (!stage.isSideExit() || context.isDoseStep() || context.byQualityAssurance()) {
            return Ruling.accept();
        }
        Map<String, String> elsewhere = BatchStepsWhereTheMaterialIs.elsewhere(context.units(), context.step().site());
        if (elsewhere.isEmpty()) {
            return Ruling.accept();
        }
        return Ruling.refuse(Refusal.of(RefusalKind.BATCH_HELD_ELSEWHERE, "Only the site holding all of batch "
                + context.batch().coi() + ", or QA, may take it off its path (" + stage + "); "
                + BatchStepsWhereTheMaterialIs.describe(elsewhere) + ". A dose is taken off its path on its own, "
                + "where it is, by naming it.")
                .with("site", context.step().site()).with("unitIds", List.copyOf(elsewhere.keySet()))
                .with("whereabouts", elsewhere));
    }
}

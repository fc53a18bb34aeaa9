package org.vein2vein.batch.domain.rules;

import java.util.List;
import java.util.Set;

import org.vein2vein.batch.domain.Dose;
import org.vein2vein.kernel.Stage;

/**
 * A step follows the stage plan of the product version the batch is pinned to: from the batch's
 * stage, or for a dose of an allogeneic lot, from the dose's own stage once the lot is stored.
 */
public final class StageOrder implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        Stage attempted = context.step().stage();
        if (context.doseUnit().isPresent()) {
            String unit = context.doseUnit().get();
            Stage lot = context.batch().stage();
            if (lot != Stage.STORED) {
                return outOfOrder("Lot " + context.batch().coi() + " is " + lot + ": its doses move on their own "
                        + "only once it is STORED, so " + attempted + " of dose " + unit + " may not follow yet",
                        lot, attempted, context.batch().allowedNextStages());
            }
            if (context.dose().isEmpty()) {
                return Ruling.refuse(Refusal.of(RefusalKind.UNIT_NOT_IN_BATCH, unit + " is not a dose of lot "
                        + context.batch().coi() + ": once a lot is stored, only its doses (from SPLIT) are "
                        + "allocated, shipped, received, thawed and infused, one at a time.")
                        .with("unitIds", List.of(unit)));
            }
            Dose dose = context.dose().get();
            Set<Stage> allowed = dose.allowedNextStages(context.batch().plan());
            return allowed.contains(attempted) ? Ruling.accept()
                    : outOfOrder(sentence("Dose " + unit, dose.stage(), attempted, allowed), dose.stage(), attempted,
                            allowed);
        }
        Set<Stage> allowed = context.batch().allowedNextStages();
        return allowed.contains(attempted) ? Ruling.accept()
                : outOfOrder(sentence("Batch " + context.batch().coi(), context.batch().stage(), attempted, allowed),
                        context.batch().stage(), attempted, allowed);
    }

    private static String sentence(String subject, Stage current, Stage attempted, Set<Stage> allowed) {
        return allowed.isEmpty()
                ? subject + " is " + current + ", a final stage: no step may follow it"
                : subject + " is " + current + ": " + attempted + " may not follow; allowed next: " + allowed;
    }

    private static Ruling outOfOrder(String detail, Stage current, Stage attempted, Set<Stage> allowed) {
        return Ruling.refuse(Refusal.of(RefusalKind.STEP_OUT_OF_ORDER, detail + ".")
                .with("currentStage", current).with("attemptedStage", attempted)
                .with("allowedNextStages", List.copyOf(allowed)));
    }
}

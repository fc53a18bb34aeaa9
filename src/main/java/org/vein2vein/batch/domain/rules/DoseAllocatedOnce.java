package org.vein2vein.batch.domain.rules;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

/** A dose goes to one recipient only; a dose resuming from quarantine to its own allocation keeps it. */
public final class DoseAllocatedOnce implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        if (context.step().stage() != Stage.ALLOCATED || context.dose().isEmpty()
                || !(context.step().data() instanceof StageData.Allocation allocation)) {
            return Ruling.accept();
        }
        boolean toSomeoneElse = context.dose().get().recipientReference()
                .filter(allocated -> !allocated.equals(allocation.recipientReference())).isPresent();
        return toSomeoneElse
                ? Ruling.refuse(Refusal.of(RefusalKind.DOSE_ALREADY_ALLOCATED, "Dose " + allocation.unitId()
                        + " is allocated already; a dose goes to one recipient only.")
                        .with("unitId", allocation.unitId()))
                : Ruling.accept();
    }
}

package org.vein2vein.batch.domain.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.vein2vein.kernel.Stage;

/** The units a freezing, storage or shipment of the batch names are units of this batch. */
public final class UnitMembership implements SafetyRule {

    private static final Set<Stage> NAMING_THE_BATCHS_UNITS = EnumSet.of(Stage.CRYOPRESERVED, Stage.STORED,
            Stage.SHIPPED_TO_SITE);

    @Override
    public Ruling check(StepContext context) {
        // A dose's own step is about that dose, which the stage order found in the lot.
        if (!NAMING_THE_BATCHS_UNITS.contains(context.step().stage()) || context.isDoseStep()) {
            return Ruling.accept();
        }
        List<String> foreign = context.step().data().handledUnits().stream()
                .filter(unit -> context.unit(unit).isEmpty()).toList();
        return foreign.isEmpty() ? Ruling.accept()
                : Ruling.refuse(Refusal.of(RefusalKind.UNIT_NOT_IN_BATCH, "Batch " + context.batch().coi()
                        + " has no unit " + String.join(", ", foreign) + ".").with("unitIds", foreign));
    }
}

package org.vein2vein.batch.domain.rules;

import java.util.EnumSet;
import java.util.Set;

import org.vein2vein.kernel.Stage;

/**
 * Units move between sites only through shipments, which record the shipping and receiving stages
 * of every batch on board: one record of a shipment, never a second that could disagree with it.
 * The one exception is a batch (or dose) on hold at such a stage, which resumes by logging the stage
 * it left again, with fresh checks.
 */
public final class RecordedByShipments implements SafetyRule {

    public static final Set<Stage> SHIPMENT_STAGES = EnumSet.of(Stage.SHIPPED_TO_MANUFACTURING,
            Stage.RECEIVED_AT_MANUFACTURING, Stage.SHIPPED_TO_SITE, Stage.RECEIVED_AT_SITE);

    @Override
    public Ruling check(StepContext context) {
        Stage stage = context.step().stage();
        if (!SHIPMENT_STAGES.contains(stage) || context.channel() == StepChannel.SHIPMENT || isResumption(context)) {
            return Ruling.accept();
        }
        return Ruling.refuse(Refusal.of(RefusalKind.RECORDED_BY_SHIPMENTS, stage + " is recorded by a shipment: plan, "
                + "pack and receive it through /api/v1/shipments, which records this stage of every batch on board.")
                .with("shipments", "/api/v1/shipments").with("attemptedStage", stage));
    }

    /** Whether the step resumes a batch (or dose) on hold at the stage it left. */
    static boolean isResumption(StepContext context) {
        Stage stage = context.step().stage();
        if (context.currentStage() != Stage.QUARANTINED) {
            return false;
        }
        return context.dose().map(dose -> dose.resumeStage().filter(stage::equals).isPresent())
                .orElseGet(() -> context.batch().resumeStage().filter(stage::equals).isPresent());
    }
}

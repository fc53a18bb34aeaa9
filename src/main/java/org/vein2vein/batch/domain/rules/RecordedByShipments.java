package org.vein2vein.batch.domain.rules;

import java.util.EnumSet;
import java.util.Set;

import org.vein2vein.kernel.Stage;

/**
 * Units move between sites only through shipments, which record the shipping and receiving stages
 * of every batch on board: one record of a shipment, never a second that could disagree with it.
 * The one exception is a batch (or dose) held after its receipt (or received while held), which
 * resumes by logging the receipt again, with a fresh identity check, where its units now are. One
 * held while its units travel stays held: the shipment's receipt takes its units in, still held.
 */
public final class RecordedByShipments implements SafetyRule {

    public static final Set<Stage> SHIPMENT_STAGES = EnumSet.of(Stage.SHIPPED_TO_MANUFACTURING,
            Stage.RECEIVED_AT_MANUFACTURING, Stage.SHIPPED_TO_SITE, Stage.RECEIVED_AT_SITE);
    private static final Set<Stage> RECEIPTS = EnumSet.of(Stage.RECEIVED_AT_MANUFACTURING, Stage.RECEIVED_AT_SITE);

    @Override
    public Ruling check(StepContext context) {
        Stage stage = context.step().stage();
        boolean resumingAReceipt = RECEIPTS.contains(stage) && context.isResumingAt(stage);
        if (!SHIPMENT_STAGES.contains(stage) || context.channel() == StepChannel.SHIPMENT || resumingAReceipt) {
            return Ruling.accept();
        }
        return Ruling.refuse(Refusal.of(RefusalKind.RECORDED_BY_SHIPMENTS, stage + " is recorded by a shipment: plan, "
                + "pack and receive it through /api/v1/shipments, which records this stage of every batch on board.")
                .with("shipments", "/api/v1/shipments").with("attemptedStage", stage));
    }
}

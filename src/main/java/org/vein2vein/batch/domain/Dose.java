package org.vein2vein.batch.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;
import org.vein2vein.kernel.StagePlan;

/**
 * One dose of an allogeneic lot. Once the lot is stored, each dose travels on its own: allocated to
 * one recipient, shipped, received, thawed and infused, following the rest of the lot's plan.
 *
 * @param recipientReference the pseudonymous recipient it is allocated to; allocation happens once
 * @param resumeStage        while quarantined, the stage the dose will return to
 */
public record Dose(Coi lot, String unitId, Stage stage, Optional<Stage> resumeStage,
        Optional<String> recipientReference) {

    public Dose {
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(resumeStage, "resumeStage");
        Objects.requireNonNull(recipientReference, "recipientReference");
        if (resumeStage.isPresent() != (stage == Stage.QUARANTINED)) {
            throw new IllegalArgumentException("only a quarantined dose has a stage to resume");
        }
    }

    /** Whether {@code stage} is one a dose takes on its own, after its lot is stored. */
    public static boolean isDoseStage(Stage stage, StagePlan plan) {
        return stage != Stage.STORED && plan.reachableFrom(Stage.STORED).contains(stage);
    }

    /** The stages the plan allows the dose next. */
    public Set<Stage> allowedNextStages(StagePlan plan) {
        return plan.allowedAfter(stage, resumeStage);
    }

    /**
     * The dose after a step at {@code next}.
     *
     * @throws StepOutOfOrderException when the plan does not allow {@code next} now
     */
    public Dose advanceTo(Stage next, StagePlan plan) {
        Set<Stage> allowed = allowedNextStages(plan);
        if (!allowed.contains(next)) {
            throw new StepOutOfOrderException("dose " + unitId, stage, next, allowed);
        }
        Optional<Stage> resume = next == Stage.QUARANTINED ? Optional.of(stage) : Optional.empty();
        return new Dose(lot, unitId, next, resume, recipientReference);
    }

    /**
     * The dose allocated to {@code recipient}. Allocated to them already, it stays so: a dose
     * resuming from quarantine to {@code ALLOCATED} keeps its recipient.
     *
     * @throws DoseAlreadyAllocatedException when it is allocated to someone else
     */
    public Dose allocatedTo(String recipient) {
        if (recipientReference.filter(allocated -> !allocated.equals(recipient)).isPresent()) {
            throw new DoseAlreadyAllocatedException(unitId);
        }
        return new Dose(lot, unitId, stage, resumeStage, Optional.of(recipient));
    }

    /** The held dose, received at {@code stage} while held: it resumes from there once the hold is lifted. */
    public Dose receivedWhileHeld(Stage stage) {
        if (this.stage != Stage.QUARANTINED) {
            throw new IllegalStateException("only a held dose is received while held");
        }
        return new Dose(lot, unitId, Stage.QUARANTINED, Optional.of(stage), recipientReference);
    }
}

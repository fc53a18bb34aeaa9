package org.vein2vein.batch.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;
import org.vein2vein.kernel.StagePlan;

/**
 * One therapy on its way from vein to vein: who it is for, what it is, and where it stands.
 * Immutable: every accepted step yields the next state of the batch.
 *
 * @param subjectReference pseudonymous id of the patient (autologous) or donor (allogeneic),
 *                         issued by their site; never a name or record number
 * @param plan             the stage plan the batch follows, that of the product version it is
 *                         pinned to; given by whoever loads the batch, since the batch does not
 *                         know where products are kept
 * @param resumeStage      while quarantined, the stage the batch will return to
 */
public record Batch(Coi coi, BatchType type, String subjectReference, String productCode, String collectionSite,
        StagePlan plan, Stage stage, Optional<Stage> resumeStage) {

    public Batch {
        Objects.requireNonNull(coi, "coi");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectReference, "subjectReference");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(collectionSite, "collectionSite");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(resumeStage, "resumeStage");
        if (resumeStage.isPresent() != (stage == Stage.QUARANTINED)) {
            throw new IllegalArgumentException("only a quarantined batch has a stage to resume");
        }
        if (resumeStage.filter(resume -> resume.isFinal() || resume.isSideExit()).isPresent()) {
            throw new IllegalArgumentException("a quarantined batch resumes to a stage of its plan, not "
                    + resumeStage.get());
        }
    }

    /** A new batch following {@code plan}, ordered and waiting for its first collection. */
    public static Batch register(Coi coi, BatchType type, String subjectReference, String productCode,
            String collectionSite, StagePlan plan) {
        return new Batch(coi, type, subjectReference, productCode, collectionSite, plan, Stage.ORDERED,
                Optional.empty());
    }

    public Set<Stage> allowedNextStages() {
        return plan().allowedAfter(stage, resumeStage);
    }

    /**
     * The batch after a step at {@code next}.
     *
     * @throws StepOutOfOrderException when the plan does not allow {@code next} now
     */
    public Batch advanceTo(Stage next) {
        Set<Stage> allowed = allowedNextStages();
        if (!allowed.contains(next)) {
            throw new StepOutOfOrderException(coi, stage, next, allowed);
        }
        Optional<Stage> resume = next == Stage.QUARANTINED ? Optional.of(stage) : Optional.empty();
        return new Batch(coi, type, subjectReference, productCode, collectionSite, plan, next, resume);
    }

    /**
     * The held batch, received at {@code stage} while held: it resumes from there once the hold is
     * lifted, since that is where its units now are.
     */
    public Batch receivedWhileHeld(Stage stage) {
        if (this.stage != Stage.QUARANTINED) {
            throw new IllegalStateException("only a held batch is received while held");
        }
        return new Batch(coi, type, subjectReference, productCode, collectionSite, plan, Stage.QUARANTINED,
                Optional.of(stage));
    }
}

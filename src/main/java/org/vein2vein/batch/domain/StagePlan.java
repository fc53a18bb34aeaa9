package org.vein2vein.batch.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order in which a batch's stages may be logged: for each stage, the stages that may come
 * next on the main path. Side exits, repetition and the return from quarantine are added by the
 * rules of {@link Stage}, so a plan lists only the process itself.
 */
public final class StagePlan {

    private final Map<Stage, Set<Stage>> next;

    private StagePlan(Map<Stage, Set<Stage>> next) {
        this.next = next;
    }

    /** The standard plan for a batch of the given type. */
    public static StagePlan standard(BatchType type) {
        Builder plan = new Builder()
                .then(Stage.ORDERED, Stage.COLLECTED)
                .then(Stage.COLLECTED, Stage.CRYOPRESERVED_AT_COLLECTION, Stage.SHIPPED_TO_MANUFACTURING)
                .then(Stage.CRYOPRESERVED_AT_COLLECTION, Stage.SHIPPED_TO_MANUFACTURING)
                .then(Stage.SHIPPED_TO_MANUFACTURING, Stage.RECEIVED_AT_MANUFACTURING)
                .then(Stage.RECEIVED_AT_MANUFACTURING, Stage.ACCEPTED, Stage.REJECTED)
                .then(Stage.ACCEPTED, Stage.GENE_MODIFIED, Stage.MANUFACTURING_FAILED)
                .then(Stage.GENE_MODIFIED, Stage.EXPANDED, Stage.MANUFACTURING_FAILED)
                .then(Stage.EXPANDED, Stage.FORMULATED, Stage.MANUFACTURING_FAILED)
                .then(Stage.CRYOPRESERVED, Stage.QC_TESTED)
                .then(Stage.QC_TESTED, Stage.RELEASED, Stage.OUT_OF_SPEC, Stage.MANUFACTURING_FAILED)
                .then(Stage.OUT_OF_SPEC, Stage.DESTROYED)
                .then(Stage.RELEASED, Stage.STORED)
                .then(Stage.SHIPPED_TO_SITE, Stage.RECEIVED_AT_SITE)
                .then(Stage.RECEIVED_AT_SITE, Stage.THAWED)
                .then(Stage.THAWED, Stage.INFUSED);
        if (type == BatchType.ALLOGENEIC) {
            plan.then(Stage.FORMULATED, Stage.SPLIT, Stage.MANUFACTURING_FAILED)
                    .then(Stage.SPLIT, Stage.CRYOPRESERVED)
                    .then(Stage.STORED, Stage.ALLOCATED)
                    .then(Stage.ALLOCATED, Stage.SHIPPED_TO_SITE);
        } else {
            plan.then(Stage.FORMULATED, Stage.CRYOPRESERVED, Stage.MANUFACTURING_FAILED)
                    .then(Stage.STORED, Stage.SHIPPED_TO_SITE);
        }
        return plan.build();
    }

    /**
     * The stages that may be logged after {@code current}.
     *
     * @param resumeStage for a quarantined batch, the stage it left; empty otherwise
     */
    public Set<Stage> allowedAfter(Stage current, Optional<Stage> resumeStage) {
        if (current.isFinal()) {
            return Set.of();
        }
        EnumSet<Stage> allowed = EnumSet.noneOf(Stage.class);
        if (current == Stage.QUARANTINED) {
            resumeStage.ifPresent(allowed::add);
            allowed.add(Stage.DESTROYED);
        } else {
            allowed.addAll(next.getOrDefault(current, Set.of()));
            if (current.isRepeatable()) {
                allowed.add(current);
            }
            allowed.add(Stage.QUARANTINED);
        }
        allowed.add(Stage.CANCELLED);
        return Collections.unmodifiableSet(allowed);
    }

    private static final class Builder {
        private final Map<Stage, Set<Stage>> next = new EnumMap<>(Stage.class);

        Builder then(Stage from, Stage first, Stage... more) {
            next.put(from, Collections.unmodifiableSet(EnumSet.of(first, more)));
            return this;
        }

        StagePlan build() {
            return new StagePlan(Collections.unmodifiableMap(next));
        }
    }
}

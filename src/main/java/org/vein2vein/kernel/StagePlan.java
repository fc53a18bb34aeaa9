package org.vein2vein.kernel;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The order in which a batch's stages may be logged: for each stage, the stages that may come
 * next on the main path, and which stages may follow themselves. A stage is optional when a
 * transition leads past it. Side exits and the return from quarantine are added by the rules of
 * {@link Stage}, so a plan lists only the process itself. A product definition holds its plan as
 * data ({@link #transitions()}, {@link #repeatable()}).
 */
public final class StagePlan {

    private final Map<Stage, Set<Stage>> next;
    private final Set<Stage> repeatable;

    private StagePlan(Map<Stage, Set<Stage>> next, Set<Stage> repeatable) {
        this.next = next;
        this.repeatable = repeatable;
    }

    /**
     * A plan from its transitions, at most one per {@code from} stage, and the stages that may
     * follow themselves. Whether the plan makes sense for a product is the product's to check.
     */
    public static StagePlan of(List<Transition> transitions, Set<Stage> repeatable) {
        Map<Stage, Set<Stage>> next = new EnumMap<>(Stage.class);
        for (Transition transition : transitions) {
            if (next.put(transition.from(), transition.to()) != null) {
                throw new IllegalArgumentException("two transitions from " + transition.from());
            }
        }
        Set<Stage> repeating = repeatable.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(repeatable);
        return new StagePlan(Collections.unmodifiableMap(next), Collections.unmodifiableSet(repeating));
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
            if (repeatable.contains(current)) {
                allowed.add(current);
            }
            allowed.add(Stage.QUARANTINED);
        }
        allowed.add(Stage.CANCELLED);
        return Collections.unmodifiableSet(allowed);
    }

    /** The transitions of the main path, in the order of the stages they leave. */
    public List<Transition> transitions() {
        return next.entrySet().stream().map(entry -> new Transition(entry.getKey(), entry.getValue())).toList();
    }

    /** The stages that may be logged again right after themselves. */
    public Set<Stage> repeatable() {
        return repeatable;
    }

    /** Every stage the main path can reach from {@code start}, {@code start} included. */
    public Set<Stage> reachableFrom(Stage start) {
        Set<Stage> reached = EnumSet.of(start);
        Deque<Stage> pending = new ArrayDeque<>(reached);
        while (!pending.isEmpty()) {
            for (Stage following : next.getOrDefault(pending.pop(), Set.of())) {
                if (reached.add(following)) {
                    pending.push(following);
                }
            }
        }
        return Collections.unmodifiableSet(reached);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StagePlan plan && next.equals(plan.next) && repeatable.equals(plan.repeatable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(next, repeatable);
    }

    @Override
    public String toString() {
        return "StagePlan" + transitions() + " repeatable " + repeatable;
    }

    /** From one stage, the stages that may come next on the main path. */
    public record Transition(Stage from, Set<Stage> to) {

        public Transition {
            Objects.requireNonNull(from, "from");
            if (to.isEmpty()) {
                throw new IllegalArgumentException("a transition leads to at least one stage");
            }
            to = Collections.unmodifiableSet(EnumSet.copyOf(to));
        }
    }

    private static final class Builder {
        private final Map<Stage, Set<Stage>> next = new EnumMap<>(Stage.class);

        Builder then(Stage from, Stage first, Stage... more) {
            next.put(from, Collections.unmodifiableSet(EnumSet.of(first, more)));
            return this;
        }

        /** Every standard plan repeats the stages that {@link Stage#isRepeatable()} marks. */
        StagePlan build() {
            Set<Stage> repeatable = EnumSet.noneOf(Stage.class);
            for (Stage stage : Stage.values()) {
                if (stage.isRepeatable()) {
                    repeatable.add(stage);
                }
            }
            return new StagePlan(Collections.unmodifiableMap(next), Collections.unmodifiableSet(repeatable));
        }
    }
}

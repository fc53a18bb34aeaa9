package org.vein2vein.batch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.vein2vein.kernel.Stage.*;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;
import org.vein2vein.kernel.StagePlan;

class BatchTest {

    private static final Coi COI = Coi.parse("V2V7K3Q9P2XRTB");
    /**
     * The standard autologous plan without freezing at collection, and with receipt at manufacturing
     * repeatable (say, one receipt per bag).
     */
    private static final StagePlan CUSTOM_PLAN = customPlan();

    @Test
    void a_registered_batch_is_ordered_and_not_quarantined() {
        Batch batch = autologous();
        assertThat(batch.stage()).isEqualTo(ORDERED);
        assertThat(batch.resumeStage()).isEmpty();
        assertThat(batch.plan().allowedAfter(ORDERED, Optional.empty())).isEqualTo(batch.allowedNextStages());
    }

    @Test
    void an_autologous_batch_walks_its_main_path_to_infusion() {
        Batch batch = walk(autologous(), org.vein2vein.kernel.StagePlanTest.AUTOLOGOUS_MAIN_PATH);
        assertThat(batch.stage()).isEqualTo(INFUSED);
        assertThat(batch.allowedNextStages()).isEmpty();
    }

    @Test
    void an_allogeneic_batch_walks_its_main_path_to_infusion() {
        Batch batch = walk(allogeneic(), org.vein2vein.kernel.StagePlanTest.ALLOGENEIC_MAIN_PATH);
        assertThat(batch.stage()).isEqualTo(INFUSED);
    }

    @Test
    void advancing_keeps_identity_and_leaves_the_previous_state_unchanged() {
        Batch ordered = autologous();
        Batch collected = ordered.advanceTo(COLLECTED);
        assertThat(ordered.stage()).isEqualTo(ORDERED);
        assertThat(collected.coi()).isEqualTo(COI);
        assertThat(collected.type()).isEqualTo(BatchType.AUTOLOGOUS);
        assertThat(collected.subjectReference()).isEqualTo("SUBJ-0001");
        assertThat(collected.productCode()).isEqualTo("CART-19");
        assertThat(collected.collectionSite()).isEqualTo("SITE-A");
    }

    @Test
    void repeated_collections_and_expansions_are_accepted() {
        Batch batch = autologous().advanceTo(COLLECTED).advanceTo(COLLECTED).advanceTo(COLLECTED);
        assertThat(batch.stage()).isEqualTo(COLLECTED);
        batch = walk(batch, List.of(COLLECTED, SHIPPED_TO_MANUFACTURING, RECEIVED_AT_MANUFACTURING, ACCEPTED,
                GENE_MODIFIED, EXPANDED, EXPANDED, EXPANDED, FORMULATED));
        assertThat(batch.stage()).isEqualTo(FORMULATED);
    }

    @Test
    void quarantine_remembers_the_stage_it_left_and_resumes_there() {
        Batch expanded = walk(autologous(), List.of(ORDERED, COLLECTED, SHIPPED_TO_MANUFACTURING,
                RECEIVED_AT_MANUFACTURING, ACCEPTED, GENE_MODIFIED, EXPANDED));
        Batch quarantined = expanded.advanceTo(QUARANTINED);
        assertThat(quarantined.stage()).isEqualTo(QUARANTINED);
        assertThat(quarantined.resumeStage()).contains(EXPANDED);
        assertThat(quarantined.allowedNextStages()).containsExactlyInAnyOrder(EXPANDED, DESTROYED, CANCELLED);

        Batch resumed = quarantined.advanceTo(EXPANDED);
        assertThat(resumed.stage()).isEqualTo(EXPANDED);
        assertThat(resumed.resumeStage()).isEmpty();
        assertThat(resumed.advanceTo(FORMULATED).stage()).isEqualTo(FORMULATED);
    }

    @Test
    void a_batch_quarantined_at_any_stage_of_its_main_path_resumes_and_still_reaches_infusion() {
        for (BatchType type : BatchType.values()) {
            List<Stage> path = type == BatchType.AUTOLOGOUS ? org.vein2vein.kernel.StagePlanTest.AUTOLOGOUS_MAIN_PATH
                    : org.vein2vein.kernel.StagePlanTest.ALLOGENEIC_MAIN_PATH;
            Batch batch = Batch.register(COI, type, "SUBJ-0001", "CART-19", "SITE-A", StagePlan.standard(type));
            for (Stage next : path.subList(1, path.size())) {
                Stage left = batch.stage();
                batch = batch.advanceTo(QUARANTINED);
                assertThat(batch.resumeStage()).as("%s quarantined at %s", type, left).contains(left);
                for (Stage other : Stage.values()) {
                    if (other != left && other != DESTROYED && other != CANCELLED) {
                        Batch quarantined = batch;
                        assertThatThrownBy(() -> quarantined.advanceTo(other))
                                .as("%s quarantined at %s may not go to %s", type, left, other)
                                .isInstanceOf(StepOutOfOrderException.class);
                    }
                }
                batch = batch.advanceTo(left).advanceTo(next);
            }
            assertThat(batch.stage()).isEqualTo(INFUSED);
        }
    }

    @Test
    void a_quarantined_batch_cannot_skip_ahead_to_the_next_stage_of_the_plan() {
        Batch quarantined = autologous().advanceTo(COLLECTED).advanceTo(QUARANTINED);
        StepOutOfOrderException e = catchThrowableOfType(StepOutOfOrderException.class,
                () -> quarantined.advanceTo(SHIPPED_TO_MANUFACTURING));
        assertThat(e).isNotNull();
        assertThat(e.current()).isEqualTo(QUARANTINED);
        assertThat(e.allowed()).containsExactlyInAnyOrder(COLLECTED, DESTROYED, CANCELLED);
    }

    @Test
    void a_quarantined_batch_may_be_destroyed_or_cancelled() {
        Batch quarantined = autologous().advanceTo(QUARANTINED);
        assertThat(quarantined.resumeStage()).contains(ORDERED);
        assertThat(quarantined.advanceTo(DESTROYED).stage()).isEqualTo(DESTROYED);
        assertThat(quarantined.advanceTo(CANCELLED).stage()).isEqualTo(CANCELLED);
        assertThat(quarantined.advanceTo(DESTROYED).resumeStage()).isEmpty();
    }

    @Test
    void an_out_of_order_step_names_current_attempted_and_allowed_stages() {
        Batch ordered = autologous();
        StepOutOfOrderException e = catchThrowableOfType(StepOutOfOrderException.class,
                () -> ordered.advanceTo(INFUSED));
        assertThat(e).isNotNull();
        assertThat(e.current()).isEqualTo(ORDERED);
        assertThat(e.attempted()).isEqualTo(INFUSED);
        assertThat(e.allowed()).containsExactlyInAnyOrder(COLLECTED, QUARANTINED, CANCELLED);
        assertThat(e.getMessage()).contains(COI.value(), "ORDERED", "INFUSED", "COLLECTED", "QUARANTINED",
                "CANCELLED");
    }

    @Test
    void no_step_may_follow_a_final_stage() {
        Batch cancelled = autologous().advanceTo(CANCELLED);
        StepOutOfOrderException e = catchThrowableOfType(StepOutOfOrderException.class,
                () -> cancelled.advanceTo(COLLECTED));
        assertThat(e).isNotNull();
        assertThat(e.current()).isEqualTo(CANCELLED);
        assertThat(e.attempted()).isEqualTo(COLLECTED);
        assertThat(e.allowed()).isEmpty();
        assertThat(e.getMessage()).contains("CANCELLED", "final");
    }

    @Test
    void an_autologous_batch_cannot_be_split_or_allocated() {
        Batch formulated = walk(autologous(), org.vein2vein.kernel.StagePlanTest.AUTOLOGOUS_MAIN_PATH.subList(0, 8));
        assertThat(formulated.stage()).isEqualTo(FORMULATED);
        assertThatThrownBy(() -> formulated.advanceTo(SPLIT)).isInstanceOf(StepOutOfOrderException.class);
        Batch stored = walk(autologous(), org.vein2vein.kernel.StagePlanTest.AUTOLOGOUS_MAIN_PATH.subList(0, 12));
        assertThat(stored.stage()).isEqualTo(STORED);
        assertThatThrownBy(() -> stored.advanceTo(ALLOCATED)).isInstanceOf(StepOutOfOrderException.class);
    }

    @Test
    void an_allogeneic_dose_cannot_ship_before_it_is_allocated() {
        Batch stored = walk(allogeneic(), org.vein2vein.kernel.StagePlanTest.ALLOGENEIC_MAIN_PATH.subList(0, 13));
        assertThat(stored.stage()).isEqualTo(STORED);
        assertThatThrownBy(() -> stored.advanceTo(SHIPPED_TO_SITE)).isInstanceOf(StepOutOfOrderException.class);
    }

    @Test
    void a_batch_cannot_carry_a_resume_stage_unless_it_is_quarantined() {
        assertThatThrownBy(() -> new Batch(COI, BatchType.AUTOLOGOUS, "SUBJ-0001", "CART-19", "SITE-A",
                StagePlan.standard(BatchType.AUTOLOGOUS), COLLECTED, Optional.of(ORDERED)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_quarantined_batch_must_carry_its_resume_stage() {
        assertThatThrownBy(() -> new Batch(COI, BatchType.AUTOLOGOUS, "SUBJ-0001", "CART-19", "SITE-A",
                StagePlan.standard(BatchType.AUTOLOGOUS), QUARANTINED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void required_fields_may_not_be_null() {
        StagePlan plan = StagePlan.standard(BatchType.AUTOLOGOUS);
        assertThatThrownBy(() -> Batch.register(null, BatchType.AUTOLOGOUS, "S", "P", "C", plan))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Batch.register(COI, null, "S", "P", "C", plan))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Batch.register(COI, BatchType.AUTOLOGOUS, null, "P", "C", plan))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Batch.register(COI, BatchType.AUTOLOGOUS, "S", "P", "C", null))
                .isInstanceOf(NullPointerException.class).hasMessage("plan");
    }

    @Test
    void a_batch_follows_the_plan_it_is_given_rather_than_the_standard_plan_of_its_type() {
        Batch collected = custom().advanceTo(COLLECTED);
        assertThat(collected.allowedNextStages())
                .containsExactlyInAnyOrder(COLLECTED, SHIPPED_TO_MANUFACTURING, QUARANTINED, CANCELLED);
        StepOutOfOrderException e = catchThrowableOfType(StepOutOfOrderException.class,
                () -> collected.advanceTo(CRYOPRESERVED_AT_COLLECTION));
        assertThat(e).isNotNull();
        assertThat(e.allowed()).containsExactlyInAnyOrder(COLLECTED, SHIPPED_TO_MANUFACTURING, QUARANTINED, CANCELLED);
        assertThat(autologous().advanceTo(COLLECTED).advanceTo(CRYOPRESERVED_AT_COLLECTION).stage())
                .as("the standard plan still allows it").isEqualTo(CRYOPRESERVED_AT_COLLECTION);
    }

    @Test
    void a_stage_the_given_plan_makes_repeatable_may_follow_itself() {
        Batch received = walk(custom(), List.of(ORDERED, COLLECTED, SHIPPED_TO_MANUFACTURING,
                RECEIVED_AT_MANUFACTURING, RECEIVED_AT_MANUFACTURING, RECEIVED_AT_MANUFACTURING));
        assertThat(received.allowedNextStages()).contains(RECEIVED_AT_MANUFACTURING, ACCEPTED, REJECTED);
        assertThatThrownBy(() -> walk(autologous(), List.of(ORDERED, COLLECTED, SHIPPED_TO_MANUFACTURING,
                RECEIVED_AT_MANUFACTURING, RECEIVED_AT_MANUFACTURING))).isInstanceOf(StepOutOfOrderException.class);
    }

    @Test
    void every_step_keeps_the_plan_including_quarantine_and_its_resumption() {
        Batch batch = walk(custom(), List.of(ORDERED, COLLECTED, QUARANTINED, COLLECTED, SHIPPED_TO_MANUFACTURING,
                RECEIVED_AT_MANUFACTURING, RECEIVED_AT_MANUFACTURING));
        assertThat(batch.plan()).isEqualTo(CUSTOM_PLAN);
        assertThat(walk(batch, List.of(RECEIVED_AT_MANUFACTURING, ACCEPTED)).plan()).isEqualTo(CUSTOM_PLAN);
    }

    private static StagePlan customPlan() {
        StagePlan standard = StagePlan.standard(BatchType.AUTOLOGOUS);
        List<StagePlan.Transition> transitions = standard.transitions().stream()
                .filter(transition -> transition.from() != CRYOPRESERVED_AT_COLLECTION)
                .map(transition -> transition.from() == COLLECTED
                        ? new StagePlan.Transition(COLLECTED, Set.of(SHIPPED_TO_MANUFACTURING))
                        : transition)
                .toList();
        return StagePlan.of(transitions, Set.of(COLLECTED, EXPANDED, RECEIVED_AT_MANUFACTURING));
    }

    private static Batch custom() {
        return Batch.register(COI, BatchType.AUTOLOGOUS, "SUBJ-0001", "CART-GD2-AUTO", "SITE-A", CUSTOM_PLAN);
    }

    private static Batch autologous() {
        return Batch.register(COI, BatchType.AUTOLOGOUS, "SUBJ-0001", "CART-19", "SITE-A",
                StagePlan.standard(BatchType.AUTOLOGOUS));
    }

    private static Batch allogeneic() {
        return Batch.register(COI, BatchType.ALLOGENEIC, "DONOR-0001", "ALLO-CAR", "SITE-B",
                StagePlan.standard(BatchType.ALLOGENEIC));
    }

    /** Advances through {@code path}; its first stage is the batch's current one. */
    private static Batch walk(Batch batch, List<Stage> path) {
        assertThat(batch.stage()).isEqualTo(path.get(0));
        for (Stage next : path.subList(1, path.size())) {
            batch = batch.advanceTo(next);
            assertThat(batch.stage()).isEqualTo(next);
        }
        return batch;
    }
}

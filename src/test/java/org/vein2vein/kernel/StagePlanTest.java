package org.vein2vein.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vein2vein.kernel.Stage.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

public class StagePlanTest {

    private static final StagePlan AUTOLOGOUS = StagePlan.standard(BatchType.AUTOLOGOUS);
    private static final StagePlan ALLOGENEIC = StagePlan.standard(BatchType.ALLOGENEIC);
    private static final Set<Stage> FINAL_STAGES = EnumSet.of(REJECTED, MANUFACTURING_FAILED, INFUSED, DESTROYED,
            CANCELLED);

    public static final List<Stage> AUTOLOGOUS_MAIN_PATH = List.of(ORDERED, COLLECTED, SHIPPED_TO_MANUFACTURING,
            RECEIVED_AT_MANUFACTURING, ACCEPTED, GENE_MODIFIED, EXPANDED, FORMULATED, CRYOPRESERVED, QC_TESTED,
            RELEASED, STORED, SHIPPED_TO_SITE, RECEIVED_AT_SITE, THAWED, INFUSED);

    public static final List<Stage> ALLOGENEIC_MAIN_PATH = List.of(ORDERED, COLLECTED, SHIPPED_TO_MANUFACTURING,
            RECEIVED_AT_MANUFACTURING, ACCEPTED, GENE_MODIFIED, EXPANDED, FORMULATED, SPLIT, CRYOPRESERVED, QC_TESTED,
            RELEASED, STORED, ALLOCATED, SHIPPED_TO_SITE, RECEIVED_AT_SITE, THAWED, INFUSED);

    @Test
    void autologous_main_path_leads_from_ordered_to_infused() {
        assertWalks(AUTOLOGOUS, AUTOLOGOUS_MAIN_PATH);
    }

    @Test
    void allogeneic_main_path_leads_from_ordered_to_infused_through_split_and_allocation() {
        assertWalks(ALLOGENEIC, ALLOGENEIC_MAIN_PATH);
    }

    @Test
    void cryopreservation_at_the_collection_site_is_an_optional_detour() {
        for (StagePlan plan : List.of(AUTOLOGOUS, ALLOGENEIC)) {
            assertThat(allowed(plan, COLLECTED)).contains(CRYOPRESERVED_AT_COLLECTION, SHIPPED_TO_MANUFACTURING);
            assertThat(allowed(plan, CRYOPRESERVED_AT_COLLECTION)).contains(SHIPPED_TO_MANUFACTURING)
                    .doesNotContain(CRYOPRESERVED_AT_COLLECTION);
        }
    }

    @Test
    void autologous_next_stages_are_exactly_the_plan_plus_side_exits() {
        assertThat(allowed(AUTOLOGOUS, ORDERED)).containsExactlyInAnyOrder(COLLECTED, QUARANTINED, CANCELLED);
        assertThat(allowed(AUTOLOGOUS, RECEIVED_AT_MANUFACTURING))
                .containsExactlyInAnyOrder(ACCEPTED, REJECTED, QUARANTINED, CANCELLED);
        assertThat(allowed(AUTOLOGOUS, FORMULATED))
                .containsExactlyInAnyOrder(CRYOPRESERVED, MANUFACTURING_FAILED, QUARANTINED, CANCELLED);
        assertThat(allowed(AUTOLOGOUS, QC_TESTED))
                .containsExactlyInAnyOrder(RELEASED, OUT_OF_SPEC, MANUFACTURING_FAILED, QUARANTINED, CANCELLED);
        assertThat(allowed(AUTOLOGOUS, OUT_OF_SPEC)).containsExactlyInAnyOrder(DESTROYED, QUARANTINED, CANCELLED);
        assertThat(allowed(AUTOLOGOUS, STORED)).containsExactlyInAnyOrder(SHIPPED_TO_SITE, QUARANTINED, CANCELLED);
        assertThat(allowed(AUTOLOGOUS, THAWED)).containsExactlyInAnyOrder(INFUSED, QUARANTINED, CANCELLED);
    }

    @Test
    void allogeneic_next_stages_route_through_split_and_allocation() {
        assertThat(allowed(ALLOGENEIC, FORMULATED))
                .containsExactlyInAnyOrder(SPLIT, MANUFACTURING_FAILED, QUARANTINED, CANCELLED);
        assertThat(allowed(ALLOGENEIC, SPLIT)).containsExactlyInAnyOrder(CRYOPRESERVED, QUARANTINED, CANCELLED);
        assertThat(allowed(ALLOGENEIC, STORED)).containsExactlyInAnyOrder(ALLOCATED, QUARANTINED, CANCELLED);
        assertThat(allowed(ALLOGENEIC, ALLOCATED)).containsExactlyInAnyOrder(SHIPPED_TO_SITE, QUARANTINED, CANCELLED);
    }

    @Test
    void repeatable_stages_may_follow_themselves() {
        for (StagePlan plan : List.of(AUTOLOGOUS, ALLOGENEIC)) {
            assertThat(allowed(plan, COLLECTED)).contains(COLLECTED);
            assertThat(allowed(plan, EXPANDED)).contains(EXPANDED);
        }
        assertThat(Arrays.stream(Stage.values()).filter(Stage::isRepeatable)).containsExactlyInAnyOrder(COLLECTED,
                EXPANDED);
    }

    @Test
    void stages_that_are_not_repeatable_may_not_follow_themselves() {
        for (StagePlan plan : List.of(AUTOLOGOUS, ALLOGENEIC)) {
            for (Stage stage : Stage.values()) {
                if (!stage.isRepeatable()) {
                    assertThat(plan.allowedAfter(stage, resumeFor(stage))).as("after %s", stage).doesNotContain(stage);
                }
            }
        }
    }

    @Test
    void quarantine_is_reachable_from_every_stage_that_is_not_final() {
        for (StagePlan plan : List.of(AUTOLOGOUS, ALLOGENEIC)) {
            for (Stage stage : Stage.values()) {
                if (!stage.isFinal() && stage != QUARANTINED) {
                    assertThat(allowed(plan, stage)).as("after %s", stage).contains(QUARANTINED, CANCELLED);
                }
            }
        }
    }

    @Test
    void quarantine_resumes_exactly_to_the_stage_it_left_or_destroyed_or_cancelled() {
        for (StagePlan plan : List.of(AUTOLOGOUS, ALLOGENEIC)) {
            for (Stage left : Stage.values()) {
                if (left.isFinal() || left == QUARANTINED) {
                    continue;
                }
                assertThat(plan.allowedAfter(QUARANTINED, Optional.of(left))).as("quarantined from %s", left)
                        .containsExactlyInAnyOrder(left, DESTROYED, CANCELLED);
            }
        }
    }

    @Test
    void quarantine_cannot_be_entered_twice_in_a_row() {
        assertThat(AUTOLOGOUS.allowedAfter(QUARANTINED, Optional.of(EXPANDED))).doesNotContain(QUARANTINED);
    }

    @Test
    void final_stages_allow_nothing() {
        assertThat(Arrays.stream(Stage.values()).filter(Stage::isFinal)).containsExactlyInAnyOrderElementsOf(
                FINAL_STAGES);
        for (StagePlan plan : List.of(AUTOLOGOUS, ALLOGENEIC)) {
            for (Stage stage : FINAL_STAGES) {
                assertThat(plan.allowedAfter(stage, Optional.empty())).as("after %s", stage).isEmpty();
            }
        }
    }

    @Test
    void split_and_allocated_appear_only_in_the_allogeneic_plan() {
        for (Stage stage : Stage.values()) {
            assertThat(AUTOLOGOUS.allowedAfter(stage, resumeFor(stage))).as("autologous after %s", stage)
                    .doesNotContain(SPLIT, ALLOCATED);
        }
        assertThat(allowed(ALLOGENEIC, FORMULATED)).contains(SPLIT).doesNotContain(CRYOPRESERVED);
        assertThat(allowed(ALLOGENEIC, STORED)).contains(ALLOCATED).doesNotContain(SHIPPED_TO_SITE);
    }

    @Test
    void every_non_final_stage_of_a_plan_has_a_way_forward_besides_side_exits() {
        for (StagePlan plan : List.of(AUTOLOGOUS, ALLOGENEIC)) {
            List<Stage> path = plan == AUTOLOGOUS ? AUTOLOGOUS_MAIN_PATH : ALLOGENEIC_MAIN_PATH;
            for (Stage stage : path) {
                if (stage.isFinal()) {
                    continue;
                }
                Set<Stage> forward = EnumSet.copyOf(allowed(plan, stage));
                forward.removeAll(EnumSet.of(QUARANTINED, CANCELLED, stage));
                assertThat(forward).as("forward from %s", stage).isNotEmpty();
            }
        }
    }

    @Test
    void allowed_stages_cannot_be_modified_by_callers() {
        Set<Stage> allowed = allowed(AUTOLOGOUS, ORDERED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> allowed.add(INFUSED))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static void assertWalks(StagePlan plan, List<Stage> path) {
        assertThat(path.get(0)).isEqualTo(ORDERED);
        assertThat(path.get(path.size() - 1)).isEqualTo(INFUSED);
        for (int i = 0; i + 1 < path.size(); i++) {
            assertThat(allowed(plan, path.get(i))).as("after %s", path.get(i)).contains(path.get(i + 1));
        }
        assertThat(allowed(plan, INFUSED)).isEmpty();
    }

    private static Set<Stage> allowed(StagePlan plan, Stage stage) {
        return plan.allowedAfter(stage, Optional.empty());
    }

    private static Optional<Stage> resumeFor(Stage stage) {
        return stage == QUARANTINED ? Optional.of(ORDERED) : Optional.empty();
    }
}

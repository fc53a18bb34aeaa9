package org.vein2vein.batch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vein2vein.kernel.Stage.*;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;
import org.vein2vein.kernel.StagePlan;

class DoseTest {

    private static final Coi LOT = Coi.parse("V2V7K3Q9P2XRTB");
    private static final StagePlan PLAN = StagePlan.standard(BatchType.ALLOGENEIC);

    @Test
    void the_stages_a_dose_takes_on_its_own_are_those_after_the_lot_is_stored() {
        assertThat(Dose.isDoseStage(ALLOCATED, PLAN)).isTrue();
        assertThat(Dose.isDoseStage(SHIPPED_TO_SITE, PLAN)).isTrue();
        assertThat(Dose.isDoseStage(INFUSED, PLAN)).isTrue();
        assertThat(Dose.isDoseStage(STORED, PLAN)).isFalse();
        assertThat(Dose.isDoseStage(SPLIT, PLAN)).isFalse();
        assertThat(Dose.isDoseStage(QUARANTINED, PLAN)).isFalse();
    }

    @Test
    void a_stored_dose_is_allocated_then_travels_to_infusion() {
        Dose dose = stored().advanceTo(ALLOCATED, PLAN).allocatedTo("RCP-0007");
        for (Stage next : new Stage[] { SHIPPED_TO_SITE, RECEIVED_AT_SITE, THAWED, INFUSED }) {
            dose = dose.advanceTo(next, PLAN);
        }
        assertThat(dose.stage()).isEqualTo(INFUSED);
        assertThat(dose.recipientReference()).contains("RCP-0007");
    }

    @Test
    void a_dose_cannot_ship_before_it_is_allocated() {
        assertThatThrownBy(() -> stored().advanceTo(SHIPPED_TO_SITE, PLAN))
                .isInstanceOf(StepOutOfOrderException.class)
                .hasMessageContaining("dose V2V7K3Q9P2XRTB-D01 is STORED");
    }

    @Test
    void a_dose_is_allocated_to_one_recipient_only() {
        Dose allocated = stored().advanceTo(ALLOCATED, PLAN).allocatedTo("RCP-0007");
        assertThatThrownBy(() -> allocated.allocatedTo("RCP-0008"))
                .isInstanceOf(DoseAlreadyAllocatedException.class)
                .hasMessageContaining("V2V7K3Q9P2XRTB-D01");
        assertThat(allocated.allocatedTo("RCP-0007")).as("resuming to its own allocation").isEqualTo(allocated);
    }

    @Test
    void a_quarantined_dose_resumes_where_it_was_or_is_destroyed() {
        Dose held = stored().advanceTo(ALLOCATED, PLAN).advanceTo(QUARANTINED, PLAN);
        assertThat(held.resumeStage()).contains(ALLOCATED);
        assertThat(held.advanceTo(ALLOCATED, PLAN).stage()).isEqualTo(ALLOCATED);
        assertThat(held.advanceTo(DESTROYED, PLAN).stage()).isEqualTo(DESTROYED);
        assertThatThrownBy(() -> held.advanceTo(SHIPPED_TO_SITE, PLAN)).isInstanceOf(StepOutOfOrderException.class);
    }

    @Test
    void an_infused_dose_accepts_nothing() {
        Dose infused = new Dose(LOT, "V2V7K3Q9P2XRTB-D01", INFUSED, Optional.empty(), Optional.of("RCP-0007"));
        assertThatThrownBy(() -> infused.advanceTo(QUARANTINED, PLAN))
                .isInstanceOf(StepOutOfOrderException.class)
                .hasMessageContaining("final stage");
    }

    private static Dose stored() {
        return new Dose(LOT, "V2V7K3Q9P2XRTB-D01", STORED, Optional.empty(), Optional.empty());
    }
}

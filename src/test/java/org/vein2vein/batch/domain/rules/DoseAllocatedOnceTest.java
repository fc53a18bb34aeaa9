package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

class DoseAllocatedOnceTest {

    private static final String DOSE = "V2V7K3Q9P2XRTB-D01";
    private final DoseAllocatedOnce rule = new DoseAllocatedOnce();

    @Test
    void acceptsAFirstAllocation() {
        assertThat(rule.check(allocation("RCP-0007", Optional.empty()))).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void acceptsTheSameRecipientAgainAsADoseResumesToItsAllocation() {
        assertThat(rule.check(allocation("RCP-0007", Optional.of("RCP-0007")))).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesASecondRecipient() {
        Refusal refusal = Contexts.refusalOf(rule.check(allocation("RCP-0008", Optional.of("RCP-0007"))));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.DOSE_ALREADY_ALLOCATED);
        assertThat(refusal.details()).containsEntry("unitId", DOSE);
    }

    private static StepContext allocation(String recipient, Optional<String> allocatedTo) {
        return Contexts.step(Stage.ALLOCATED, new StageData.Allocation(DOSE, recipient, "SITE-BRUX-02")).allogeneic().at(Stage.STORED)
                .dose(DOSE, Stage.STORED, allocatedTo).build();
    }
}

package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

class UnitMembershipTest {

    private final UnitMembership rule = new UnitMembership();

    @Test
    void acceptsTheBatchsOwnUnits() {
        assertThat(rule.check(freezing(List.of("V2V7K3Q9P2XRTB-01")))).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesAUnitOfAnotherBatchAndNamesIt() {
        Refusal refusal = Contexts.refusalOf(rule.check(freezing(List.of("V2V7K3Q9P2XRTB-01", "V2VOTHER00000-01"))));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_NOT_IN_BATCH);
        assertThat(refusal.details()).containsEntry("unitIds", List.of("V2VOTHER00000-01"));
    }

    private static StepContext freezing(List<String> units) {
        return Contexts.step(Stage.CRYOPRESERVED, new StageData.Cryopreservation("CRF-1", units))
                .at(Stage.FORMULATED).unit(Contexts.bag("V2V7K3Q9P2XRTB-01", 200_000_000)).build();
    }
}

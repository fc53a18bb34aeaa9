package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

class LabelledDoseWithinRangeTest {

    private final LabelledDoseWithinRange rule = new LabelledDoseWithinRange();

    @Test
    void acceptsBagsLabelledWithinTheProductsDoseBothEndsIncluded() {
        assertThat(rule.check(formulation(Contexts.DOSE.min(), Contexts.DOSE.max()))).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesABagLabelledAtTenTimesTheMaximumAndNamesIt() {
        Refusal refusal = Contexts.refusalOf(rule.check(formulation(Contexts.DOSE.min(), Contexts.DOSE.max() * 10)));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.LABELLED_DOSE_OUT_OF_RANGE);
        assertThat(refusal.details()).containsEntry("unitId", "V2V7K3Q9P2XRTB-02")
                .containsEntry("field", "data.units[1].carPositiveViableCells");
    }

    @Test
    void refusesABagLabelledBelowTheMinimum() {
        assertThat(rule.check(formulation(Contexts.DOSE.min() - 1, Contexts.DOSE.min()))).isInstanceOf(Ruling.Refused.class);
    }

    @Test
    void anAllogeneicLotsBagIsTheWholeLotItsSplitDosesAreChecked() {
        StageData.Formulation lotBag = new StageData.Formulation(Contexts.scan(Contexts.COI.value(), null, "op-2"),
                List.of(Contexts.labelled("V2V7K3Q9P2XRTB-B01", Contexts.DOSE.max() * 3)));
        assertThat(rule.check(Contexts.step(Stage.FORMULATED, lotBag).allogeneic().at(Stage.EXPANDED).build()))
                .isInstanceOf(Ruling.Accepted.class);
        StageData.Split doses = new StageData.Split(List.of(Contexts.labelled("V2V7K3Q9P2XRTB-D01", Contexts.DOSE.max() + 1)));
        Refusal refusal = Contexts.refusalOf(rule.check(Contexts.step(Stage.SPLIT, doses).allogeneic()
                .at(Stage.FORMULATED).build()));
        assertThat(refusal.details()).containsEntry("field", "data.doses[0].carPositiveViableCells");
    }

    private static StepContext formulation(long first, long second) {
        return Contexts.step(Stage.FORMULATED, new StageData.Formulation(Contexts.scan(Contexts.COI.value(), null, "op-2"),
                List.of(Contexts.labelled("V2V7K3Q9P2XRTB-01", first), Contexts.labelled("V2V7K3Q9P2XRTB-02", second))))
                .at(Stage.EXPANDED).build();
    }
}

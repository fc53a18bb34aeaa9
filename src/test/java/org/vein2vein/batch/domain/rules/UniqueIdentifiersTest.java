package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

class UniqueIdentifiersTest {

    private final UniqueIdentifiers rule = new UniqueIdentifiers();

    @Test
    void acceptsNewIdentifiersNoOtherBatchUses() {
        assertThat(rule.check(formulation().build())).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesAUnitIdAnotherBatchUses() {
        Refusal refusal = Contexts.refusalOf(rule.check(formulation().taken("V2V7K3Q9P2XRTB-02").build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_ID_IN_USE);
        assertThat(refusal.details()).containsEntry("identifiers", List.of("V2V7K3Q9P2XRTB-02"));
    }

    @Test
    void refusesADonationIdAnotherCollectionUses() {
        StageData.Collection collection = new StageData.Collection("A999926123456T", Contexts.NOW.minusSeconds(7200),
                Contexts.NOW.minusSeconds(60), BigDecimal.TEN, 10, 5, StageData.Anticoagulant.ACD_A);
        Refusal refusal = Contexts.refusalOf(rule.check(Contexts.step(Stage.COLLECTED, collection)
                .taken("A999926123456T").build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.DONATION_ID_IN_USE);
    }

    private static Contexts formulation() {
        return Contexts.step(Stage.FORMULATED, new StageData.Formulation(Contexts.scan(Contexts.COI.value(), null, "op-2"),
                List.of(Contexts.labelled("V2V7K3Q9P2XRTB-01", 200_000_000),
                        Contexts.labelled("V2V7K3Q9P2XRTB-02", 200_000_000)))).at(Stage.EXPANDED);
    }
}

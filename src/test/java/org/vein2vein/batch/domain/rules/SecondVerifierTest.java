package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

class SecondVerifierTest {

    private final SecondVerifier rule = new SecondVerifier();

    @ParameterizedTest
    @ValueSource(strings = { "op-0815", "tech-gent-02" })
    void acceptsAWitnessWhoIsSomeoneElse(String witness) {
        assertThat(rule.check(receipt(witness).build())).isInstanceOf(Ruling.Accepted.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { Contexts.ACTOR, "TECH-LYON-01", "Tech-Lyon-01" })
    void refusesNoWitnessOrTheTechnicianThemselvesInAnyCase(String witness) {
        Refusal refusal = Contexts.refusalOf(rule.check(receipt(witness).build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.SECOND_VERIFIER_REQUIRED);
        assertThat(refusal.kind().recorded()).isTrue();
        assertThat(refusal.kind().holds()).isFalse();
    }

    @ParameterizedTest
    @NullSource
    void aProductWithoutTwoPersonVerificationNeedsNoWitness(String witness) {
        assertThat(rule.check(receipt(witness).singlePersonVerification().build())).isInstanceOf(Ruling.Accepted.class);
    }

    private static Contexts receipt(String witness) {
        return Contexts.step(Stage.RECEIVED_AT_MANUFACTURING, new StageData.Receipt(
                Contexts.scan(Contexts.COI.value(), null, witness), StageData.Condition.INTACT, Optional.empty(),
                List.of(), Optional.empty())).at(Stage.SHIPPED_TO_MANUFACTURING);
    }
}

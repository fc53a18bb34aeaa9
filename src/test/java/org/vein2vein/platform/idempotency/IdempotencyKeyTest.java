package org.vein2vein.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vein2vein.platform.problem.ProblemException;

class IdempotencyKeyTest {

    @Test
    void aBareKeyIsTakenAsItIs() {
        assertThat(IdempotencyKey.parse("8e03978e-40d5-43e8-bc93-6894a57f9324").value())
                .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(IdempotencyKey.parse("a b~!").value()).isEqualTo("a b~!");
    }

    @Test
    void aQuotedKeyIsTheContentOfItsStructuredFieldString() {
        assertThat(IdempotencyKey.parse("\"8e03978e\"").value()).isEqualTo("8e03978e");
        assertThat(IdempotencyKey.parse("\"say \\\"hi\\\" \\\\o/\"").value()).isEqualTo("say \"hi\" \\o/");
    }

    @Test
    void aKeyOfTheMaximumLengthIsAccepted() {
        assertThat(IdempotencyKey.parse("k".repeat(255)).value()).hasSize(255);
        assertThat(IdempotencyKey.parse("\"" + "k".repeat(255) + "\"").value()).hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "\"\"", "cl\u00e9", "tab\there", "line\nbreak", "\"unterminated", "\"a\"b\"",
            "\"bad \\escape\"", "\"trailing\\\"" })
    void anythingElseIsAnInvalidRequest(String header) {
        assertThatThrownBy(() -> IdempotencyKey.parse(header)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().getViolations()).singleElement()
                        .extracting(violation -> violation.field()).isEqualTo("header.Idempotency-Key"));
    }

    @Test
    void aKeyLongerThan255CharactersIsRefused() {
        assertThatThrownBy(() -> IdempotencyKey.parse("k".repeat(256))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> IdempotencyKey.parse("\"" + "k".repeat(256) + "\""))
                .isInstanceOf(ProblemException.class);
    }
}

package org.vein2vein.batch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vein2vein.kernel.Identifiers;

/** The shape a patient's, donor's or recipient's pseudonymous reference must have. */
class PseudonymRuleTest {

    @ParameterizedTest
    @ValueSource(strings = { "PSN-7F3K-22", "PAT-LYON-0042", "RCP-GENT-0007", "DNR-GENT-0003", "a1b", "SUBJ:0815_X",
            "PSN-1961", "PSN-0412-77", "X-20261399" })
    void acceptsPseudonymsThatHoldADigitAndNoDate(String reference) {
        assertThat(Identifiers.isPseudonym(reference)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Firstname.Lastname.1961-04-12", "John Smith", "JOHN-SMITH", "PSN-ONLY-LETTERS",
            "DUPONT-19610412", "DUPONT-1961-04-12", "DUPONT_12-04-1961", "PSN-12041961", "PSN:2026:11:25",
            "ab", "", "-PSN-1", "PSN/7F3K/22", "P1" })
    void refusesNamesDatesAndOtherShapes(String reference) {
        assertThat(Identifiers.isPseudonym(reference)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = { 63, 64 })
    void allowsUpTo64Characters(int length) {
        assertThat(Identifiers.isPseudonym("P".repeat(length - 1) + "1")).isTrue();
        assertThat(Identifiers.isPseudonym("P".repeat(length) + "1")).isEqualTo(length < 64);
    }
}

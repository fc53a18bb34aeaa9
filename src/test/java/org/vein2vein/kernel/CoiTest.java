package org.vein2vein.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CoiTest {

    /** Every character a COI may hold anywhere, check position included. */
    private static final String CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

    /**
     * Valid COIs whose check characters were computed by hand from the ISO 7064 MOD 37-2
     * definition (sum = ((sum + value) * 2) mod 37 over the body; check = (38 - sum) mod 37),
     * including the two edge cases: check '0' and check '*'.
     */
    private static final List<String> KNOWN_VALID = List.of(
            "V2V7K3Q9P2XRTB",
            "V2V00000000006",
            "V2VZZZZZZZZZZS",
            "V2V1234567890O",
            "V2VABCDEFGHIJG",
            "V2V111Y0ODR1X0",
            "V2VFN5H5S5LEO*");

    @Test
    void random_cois_are_well_formed_and_valid() {
        for (int i = 0; i < 1_000; i++) {
            Coi coi = Coi.random();
            assertThat(coi.value()).matches("V2V[0-9A-Z]{10}[0-9A-Z*]").hasSize(14);
            assertThat(Coi.parse(coi.value())).isEqualTo(coi);
            assertThat(coi.value().charAt(13)).isEqualTo(referenceCheck(coi.value().substring(0, 13)));
        }
    }

    @Test
    void random_cois_are_distinct_over_ten_thousand_draws() {
        Set<Coi> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Coi.random());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void check_character_of_the_documented_body_is_B() {
        assertThat(Mod37_2.checkCharacter("V2V7K3Q9P2XRT")).isEqualTo('B');
        assertThat(Coi.example()).isEqualTo("V2V7K3Q9P2XRTB");
    }

    @Test
    void check_characters_computed_by_hand_match() {
        // V2V then ten zeros: V=31 -> 25; 2 -> 17; V -> 22; then each 0 doubles mod 37:
        // 7, 14, 28, 19, 1, 2, 4, 8, 16, 32; check = (38 - 32) mod 37 = 6
        assertThat(Mod37_2.checkCharacter("V2V0000000000")).isEqualTo('6');
        assertThat(Mod37_2.checkCharacter("V2VZZZZZZZZZZ")).isEqualTo('S');
        assertThat(Mod37_2.checkCharacter("V2V1234567890")).isEqualTo('O');
        assertThat(Mod37_2.checkCharacter("V2VABCDEFGHIJ")).isEqualTo('G');
        assertThat(Mod37_2.checkCharacter("V2V111Y0ODR1X")).isEqualTo('0');
        assertThat(Mod37_2.checkCharacter("V2VFN5H5S5LEO")).isEqualTo('*');
    }

    @Test
    void check_character_agrees_with_an_independent_reference_implementation() {
        for (int i = 0; i < 2_000; i++) {
            String body = Coi.random().value().substring(0, 13);
            assertThat(Mod37_2.checkCharacter(body)).as(body).isEqualTo(referenceCheck(body));
        }
    }

    @Test
    void known_valid_cois_parse() {
        for (String value : KNOWN_VALID) {
            assertThatCode(() -> Coi.parse(value)).as(value).doesNotThrowAnyException();
            assertThat(Coi.parse(value).value()).isEqualTo(value);
            assertThat(Coi.parse(value)).hasToString(value);
        }
    }

    @Test
    void every_single_character_substitution_is_rejected() {
        List<String> samples = samples();
        int tried = 0;
        for (String valid : samples) {
            for (int position = 0; position < valid.length(); position++) {
                for (char replacement : CHARSET.toCharArray()) {
                    if (replacement == valid.charAt(position)) {
                        continue;
                    }
                    String typo = valid.substring(0, position) + replacement + valid.substring(position + 1);
                    assertThatThrownBy(() -> Coi.parse(typo)).as("%s typed as %s", valid, typo)
                            .isInstanceOf(InvalidCoiException.class);
                    tried++;
                }
            }
        }
        assertThat(tried).isEqualTo(samples.size() * 14 * 36);
    }

    @Test
    void every_single_substitution_in_the_body_changes_the_check_character() {
        // the pure property of MOD 37-2, independent of the shape rules of a COI
        for (String valid : samples()) {
            String body = valid.substring(0, 13);
            char check = Mod37_2.checkCharacter(body);
            for (int position = 0; position < body.length(); position++) {
                for (char replacement : CHARSET.substring(0, 36).toCharArray()) {
                    if (replacement == body.charAt(position)) {
                        continue;
                    }
                    String typo = body.substring(0, position) + replacement + body.substring(position + 1);
                    assertThat(Mod37_2.checkCharacter(typo)).as("%s vs %s", body, typo).isNotEqualTo(check);
                }
            }
        }
    }

    @Test
    void every_adjacent_transposition_is_rejected() {
        int tried = 0;
        for (String valid : samples()) {
            for (int position = 0; position + 1 < valid.length(); position++) {
                char left = valid.charAt(position);
                char right = valid.charAt(position + 1);
                if (left == right) {
                    continue;
                }
                String swapped = valid.substring(0, position) + right + left + valid.substring(position + 2);
                assertThatThrownBy(() -> Coi.parse(swapped)).as("%s typed as %s", valid, swapped)
                        .isInstanceOf(InvalidCoiException.class);
                tried++;
            }
        }
        assertThat(tried).isGreaterThan(0);
    }

    @Test
    void every_adjacent_transposition_within_the_body_changes_the_check_character() {
        for (String valid : samples()) {
            String body = valid.substring(0, 13);
            char check = Mod37_2.checkCharacter(body);
            for (int position = 0; position + 1 < body.length(); position++) {
                char left = body.charAt(position);
                char right = body.charAt(position + 1);
                if (left == right) {
                    continue;
                }
                String swapped = body.substring(0, position) + right + left + body.substring(position + 2);
                assertThat(Mod37_2.checkCharacter(swapped)).as("%s vs %s", body, swapped).isNotEqualTo(check);
            }
        }
    }

    @Test
    void lowercase_is_rejected() {
        assertThatThrownBy(() -> Coi.parse("v2v7k3q9p2xrtb")).isInstanceOf(InvalidCoiException.class);
        assertThatThrownBy(() -> Coi.parse("V2V7k3Q9P2XRTB")).isInstanceOf(InvalidCoiException.class);
        assertThatThrownBy(() -> Coi.parse("V2V7K3Q9P2XRTb")).isInstanceOf(InvalidCoiException.class);
    }

    @Test
    void wrong_prefix_is_rejected_even_with_a_matching_check_character() {
        String body = "ABC7K3Q9P2XRT";
        String value = body + Mod37_2.checkCharacter(body);
        assertThatThrownBy(() -> Coi.parse(value))
                .isInstanceOf(InvalidCoiException.class)
                .satisfies(e -> assertThat(((InvalidCoiException) e).rejectedValue()).isEqualTo(value));
    }

    @Test
    void wrong_length_is_rejected() {
        String tooShortBody = "V2V7K3Q9P2XR";
        String tooLongBody = "V2V7K3Q9P2XRTA";
        assertThatThrownBy(() -> Coi.parse(tooShortBody + Mod37_2.checkCharacter(tooShortBody)))
                .isInstanceOf(InvalidCoiException.class);
        assertThatThrownBy(() -> Coi.parse(tooLongBody + Mod37_2.checkCharacter(tooLongBody)))
                .isInstanceOf(InvalidCoiException.class);
        assertThatThrownBy(() -> Coi.parse("V2V7K3Q9P2XRT")).isInstanceOf(InvalidCoiException.class);
        assertThatThrownBy(() -> Coi.parse("V2V7K3Q9P2XRTBB")).isInstanceOf(InvalidCoiException.class);
        assertThatThrownBy(() -> Coi.parse("")).isInstanceOf(InvalidCoiException.class);
    }

    @Test
    void surrounding_whitespace_and_separators_are_rejected() {
        assertThatThrownBy(() -> Coi.parse(" V2V7K3Q9P2XRTB")).isInstanceOf(InvalidCoiException.class);
        assertThatThrownBy(() -> Coi.parse("V2V7K3Q9P2XRTB\n")).isInstanceOf(InvalidCoiException.class);
        assertThatThrownBy(() -> Coi.parse("V2V-7K3Q9P2XRTB")).isInstanceOf(InvalidCoiException.class);
    }

    @Test
    void asterisk_is_allowed_only_as_check_character() {
        assertThatThrownBy(() -> Coi.parse("V2V*K3Q9P2XRTB")).isInstanceOf(InvalidCoiException.class);
        assertThatThrownBy(() -> Mod37_2.checkCharacter("V2V*K3Q9P2XRT")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void null_is_rejected_with_invalid_coi_exception() {
        assertThatThrownBy(() -> Coi.parse(null)).isInstanceOf(InvalidCoiException.class);
    }

    @Test
    void wrong_check_character_is_rejected_with_a_typo_message() {
        assertThatThrownBy(() -> Coi.parse("V2V7K3Q9P2XRTC"))
                .isInstanceOf(InvalidCoiException.class)
                .hasMessageContaining("check character");
    }

    private static List<String> samples() {
        List<String> samples = new ArrayList<>(KNOWN_VALID);
        for (int i = 0; i < 5; i++) {
            samples.add(Coi.random().value());
        }
        return samples;
    }

    /** ISO 7064 MOD 37-2 written from its definition, independently of {@link Mod37_2}. */
    private static char referenceCheck(String body) {
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum = ((sum + CHARSET.indexOf(c)) * 2) % 37;
        }
        return CHARSET.charAt((38 - sum) % 37);
    }
}

package org.vein2vein.batch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.vein2vein.kernel.Mod37_2;

class DonationIdTest {

    /** Every character a donation identification number may hold anywhere, check position included. */
    private static final String CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

    /**
     * Numbers published with their check characters: the worked example of ISBT 128 ST-001 Appendix
     * A.1, the UK Red Book's Annex 2 example, and the DINs on the example labels of ST-001 (Figures 2,
     * 20, 21, 22 and 23), which between them include the check characters '*' and 'O'.
     */
    private static final List<String> PUBLISHED = List.of(
            "G123417654321A",
            "G123498654321H",
            "A9999211234563",
            "A999820123456E",
            "A9999171234569",
            "A999917123654Y",
            "A999917345628*",
            "A999917345658O",
            "A999915000001M",
            "A9999180000018");

    @Test
    void published_examples_parse_and_keep_their_text() {
        for (String text : PUBLISHED) {
            DonationId id = DonationId.parse(text);
            assertThat(id.value()).isEqualTo(text);
            assertThat(id).hasToString(text);
            assertThat(id.din()).isEqualTo(text.substring(0, 13));
            assertThat(id.checkCharacter()).isEqualTo(text.charAt(13));
        }
    }

    @Test
    void check_character_follows_the_worked_example_of_the_standard() {
        // ST-001 A.1, G1234 17 654321: weighted sum 146178; 146178 mod 37 = 28; (38 - 28) mod 37 = 10 -> 'A'
        assertThat(Mod37_2.checkCharacter("G123417654321")).isEqualTo('A');
        assertThat(weightedSumCheck("G123417654321")).isEqualTo('A');
        for (String text : PUBLISHED) {
            assertThat(weightedSumCheck(text.substring(0, 13))).as(text).isEqualTo(text.charAt(13));
        }
    }

    @Test
    void the_parts_of_the_number_are_named() {
        DonationId id = DonationId.parse("A9999211234563");
        assertThat(id.facilityIdentificationNumber()).isEqualTo("A9999");
        assertThat(id.din()).isEqualTo("A999921123456");
        assertThat(id.checkCharacter()).isEqualTo('3');
        assertThat(DonationId.example()).isEqualTo("A9999211234563");
    }

    @Test
    void equal_numbers_are_equal_values() {
        assertThat(DonationId.parse("A999820123456E")).isEqualTo(DonationId.parse("A999820123456E"))
                .isNotEqualTo(DonationId.parse("A9999211234563"));
    }

    @Test
    void facility_numbers_the_standard_reserves_for_future_use_are_accepted() {
        // ST-001: α in {A-N, P-Z, 1-9}; the first two p in {A-N, P-Z, 0-9}; the last two digits
        for (String din : List.of("1000121123456", "ABC1221123456", "Z9Z9921123456")) {
            assertThat(DonationId.parse(withCheck(din)).din()).isEqualTo(din);
        }
    }

    @Test
    void the_letter_o_and_a_leading_zero_are_refused_even_with_a_matching_check_character() {
        for (String din : List.of("O999921123456", "AO99921123456", "0999921123456", "A99A921123456")) {
            assertThatThrownBy(() -> DonationId.parse(withCheck(din))).as(din)
                    .isInstanceOf(InvalidDonationIdException.class)
                    .hasMessageContaining("facility identification number");
        }
    }

    @Test
    void letters_in_the_year_or_the_sequence_are_refused_with_the_part_named() {
        assertThatThrownBy(() -> DonationId.parse(withCheck("A99992A123456")))
                .isInstanceOf(InvalidDonationIdException.class).hasMessageContaining("year");
        assertThatThrownBy(() -> DonationId.parse(withCheck("A99992112345B")))
                .isInstanceOf(InvalidDonationIdException.class).hasMessageContaining("sequence number");
    }

    @Test
    void every_single_character_substitution_is_rejected() {
        int tried = 0;
        for (String valid : PUBLISHED) {
            for (int position = 0; position < valid.length(); position++) {
                for (char replacement : CHARSET.toCharArray()) {
                    if (replacement == valid.charAt(position)) {
                        continue;
                    }
                    String typo = valid.substring(0, position) + replacement + valid.substring(position + 1);
                    assertThatThrownBy(() -> DonationId.parse(typo)).as("%s typed as %s", valid, typo)
                            .isInstanceOf(InvalidDonationIdException.class);
                    tried++;
                }
            }
        }
        assertThat(tried).isEqualTo(PUBLISHED.size() * 14 * 36);
    }

    @Test
    void a_substitution_that_keeps_the_format_is_caught_by_the_check_character() {
        String typo = "A9999211234573";
        assertThatThrownBy(() -> DonationId.parse(typo))
                .isInstanceOf(InvalidDonationIdException.class)
                .hasMessageContaining("check character does not match");
    }

    @Test
    void every_transposition_of_two_different_characters_is_rejected() {
        // MOD 37-2 weighs position n by 2^n mod 37; 2 has order 36 modulo 37, so no two of the 14
        // positions share a weight and swapping any two different characters changes the sum: the
        // standard promises adjacent transpositions, fourteen characters get all of them
        int tried = 0;
        for (String valid : PUBLISHED) {
            for (int left = 0; left < valid.length(); left++) {
                for (int right = left + 1; right < valid.length(); right++) {
                    if (valid.charAt(left) == valid.charAt(right)) {
                        continue;
                    }
                    char[] chars = valid.toCharArray();
                    chars[left] = valid.charAt(right);
                    chars[right] = valid.charAt(left);
                    String swapped = new String(chars);
                    assertThatThrownBy(() -> DonationId.parse(swapped)).as("%s typed as %s", valid, swapped)
                            .isInstanceOf(InvalidDonationIdException.class);
                    tried++;
                }
            }
        }
        assertThat(tried).isGreaterThan(PUBLISHED.size() * 50);
    }

    @Test
    void lower_case_is_rejected() {
        assertThatThrownBy(() -> DonationId.parse("g123417654321a")).isInstanceOf(InvalidDonationIdException.class);
        assertThatThrownBy(() -> DonationId.parse("a9999211234563")).isInstanceOf(InvalidDonationIdException.class);
        assertThatThrownBy(() -> DonationId.parse("A999820123456e")).isInstanceOf(InvalidDonationIdException.class);
    }

    @Test
    void wrong_length_is_rejected() {
        for (String text : List.of("", "A999921123456", "A99992112345", "A99992112345633", "A999921123456013",
                "A99992112345630")) {
            assertThatThrownBy(() -> DonationId.parse(text)).as("'%s'", text)
                    .isInstanceOf(InvalidDonationIdException.class)
                    .hasMessageContaining("14 characters");
        }
    }

    @Test
    void the_eye_readable_form_and_the_bar_code_content_are_not_accepted() {
        assertThatThrownBy(() -> DonationId.parse("A9999 21 123456 3")).isInstanceOf(InvalidDonationIdException.class);
        assertThatThrownBy(() -> DonationId.parse("=A99992112345601")).isInstanceOf(InvalidDonationIdException.class);
        assertThatThrownBy(() -> DonationId.parse(" A9999211234563")).isInstanceOf(InvalidDonationIdException.class);
        assertThatThrownBy(() -> DonationId.parse("A9999211234563\n")).isInstanceOf(InvalidDonationIdException.class);
    }

    @Test
    void asterisk_is_allowed_only_as_the_check_character() {
        assertThatThrownBy(() -> DonationId.parse("A99991734562**")).isInstanceOf(InvalidDonationIdException.class);
        assertThatThrownBy(() -> DonationId.parse("*999917345628*"))
                .isInstanceOf(InvalidDonationIdException.class);
    }

    @Test
    void a_check_character_outside_the_alphabet_is_a_format_error() {
        assertThatThrownBy(() -> DonationId.parse("A999921123456-"))
                .isInstanceOf(InvalidDonationIdException.class)
                .hasMessageContaining("check character (character 14)");
    }

    @Test
    void null_is_rejected_with_invalid_donation_id_exception() {
        assertThatThrownBy(() -> DonationId.parse(null))
                .isInstanceOf(InvalidDonationIdException.class)
                .hasMessageContaining("required");
    }

    @Test
    void the_message_never_repeats_the_text_but_the_exception_keeps_it_for_the_caller() {
        for (String text : List.of("A9999211234573", "Jane Doe 1970x", "JANEDOE1970XYZ", "a9999211234563")) {
            assertThatThrownBy(() -> DonationId.parse(text))
                    .isInstanceOf(InvalidDonationIdException.class)
                    .satisfies(e -> {
                        assertThat(e.getMessage()).doesNotContain(text);
                        assertThat(((InvalidDonationIdException) e).rejectedValue()).isEqualTo(text);
                    });
        }
    }

    private static String withCheck(String din) {
        return din + Mod37_2.checkCharacter(din);
    }

    /** ST-001 Appendix A.1 step by step: weight each value by 2^n, n counted from the right from 1. */
    private static char weightedSumCheck(String din) {
        long sum = 0;
        for (int i = 0; i < din.length(); i++) {
            sum += CHARSET.indexOf(din.charAt(i)) * (1L << (din.length() - i));
        }
        return CHARSET.charAt((int) ((38 - sum % 37) % 37));
    }
}

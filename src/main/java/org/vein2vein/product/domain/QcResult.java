package org.vein2vein.product.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One reported QC result of a lot: a number in the test's unit for a quantitative test, an
 * outcome for a qualitative one. A result is checked by {@link #violations()}, a lot's list of
 * results by {@link #violations(List)} before it is held against a specification.
 *
 * @param unit   stated by the reporter, not assumed, so that a result in another unit is refused
 *               instead of being compared as if it were in ours
 * @param method the test method as the laboratory names it, e.g. {@code Ph. Eur. 2.6.27}
 */
public record QcResult(QcTest test, Optional<BigDecimal> value, Optional<QualitativeOutcome> outcome,
        Optional<String> unit, String method) {

    static final int METHOD_MAX_LENGTH = 200;

    public QcResult {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(method, "method");
    }

    /** A result of a quantitative test, in the test's own unit. */
    public static QcResult measured(QcTest test, BigDecimal value, String method) {
        return new QcResult(test, Optional.of(value), Optional.empty(), test.unit(), method);
    }

    /** A result of a qualitative test. */
    public static QcResult observed(QcTest test, QualitativeOutcome outcome, String method) {
        return new QcResult(test, Optional.empty(), Optional.of(outcome), Optional.empty(), method);
    }

    /** Everything wrong with this one result; empty when it can be judged. */
    public List<ResultViolation> violations() {
        return violations("");
    }

    /**
     * Everything wrong with a lot's results, each field named as in {@code results[i].value}.
     * A test reported twice is wrong here: which of two results counts (a retest under an
     * out-of-specification investigation, say) is QA's decision, not something to guess.
     */
    public static List<ResultViolation> violations(List<QcResult> results) {
        List<ResultViolation> found = new ArrayList<>();
        Map<QcTest, Integer> firstIndex = new EnumMap<>(QcTest.class);
        for (int i = 0; i < results.size(); i++) {
            QcResult result = results.get(i);
            String prefix = "results[" + i + "].";
            Integer earlier = firstIndex.putIfAbsent(result.test(), i);
            if (earlier != null) {
                found.add(new ResultViolation(prefix + "test",
                        result.test() + " already has a result at results[" + earlier + "]: report each test once"));
            }
            found.addAll(result.violations(prefix));
        }
        return List.copyOf(found);
    }

    /**
     * The results, if nothing is wrong with them.
     *
     * @throws InvalidQcResultsException listing everything that is wrong
     */
    public static List<QcResult> validated(List<QcResult> results) {
        List<ResultViolation> violations = violations(results);
        if (!violations.isEmpty()) {
            throw new InvalidQcResultsException(violations);
        }
        return List.copyOf(results);
    }

    private List<ResultViolation> violations(String prefix) {
        List<ResultViolation> found = new ArrayList<>();
        if (test.isQuantitative()) {
            checkMeasurement(prefix, found);
        } else {
            checkObservation(prefix, found);
        }
        if (method.isBlank() || method.length() > METHOD_MAX_LENGTH || method.chars().anyMatch(Character::isISOControl)) {
            found.add(new ResultViolation(prefix + "method", "must name the test method in 1 to "
                    + METHOD_MAX_LENGTH + " characters on one line"));
        }
        return found;
    }

    private void checkMeasurement(String prefix, List<ResultViolation> found) {
        String expectedUnit = test.unit().orElseThrow();
        if (value.isEmpty()) {
            found.add(new ResultViolation(prefix + "value", test + " is measured: a value is required"));
        }
        if (!unit.equals(test.unit())) {
            found.add(new ResultViolation(prefix + "unit", test + " is reported in " + expectedUnit));
        }
        if (outcome.isPresent()) {
            found.add(new ResultViolation(prefix + "outcome", test + " is measured: it has a value, not an outcome"));
        }
        BigDecimal maximum = test.maximum().orElseThrow();
        value.ifPresent(number -> {
            if (number.signum() < 0) {
                found.add(new ResultViolation(prefix + "value", "must not be negative"));
            } else if (number.compareTo(maximum) > 0) {
                found.add(new ResultViolation(prefix + "value", test + " is at most " + maximum.toPlainString()
                        + " " + expectedUnit));
            } else if (test == QcTest.CAR_POSITIVE_VIABLE_CELLS && !isWholeNumber(number)) {
                found.add(new ResultViolation(prefix + "value", "a number of cells is a whole number"));
            }
        });
    }

    private void checkObservation(String prefix, List<ResultViolation> found) {
        if (outcome.isEmpty()) {
            found.add(new ResultViolation(prefix + "outcome", test + " is qualitative: an outcome, NEGATIVE or POSITIVE,"
                    + " is required"));
        }
        if (value.isPresent()) {
            found.add(new ResultViolation(prefix + "value", test + " is qualitative: it has an outcome, not a value"));
        }
        if (unit.isPresent()) {
            found.add(new ResultViolation(prefix + "unit", test + " is qualitative: it has no unit"));
        }
    }

    static boolean isWholeNumber(BigDecimal number) {
        // scale-insensitive: 6.0E+7 and 60000000.00 are whole, 60000000.5 is not
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }
}

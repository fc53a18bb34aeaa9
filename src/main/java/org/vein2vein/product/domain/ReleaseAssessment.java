package org.vein2vein.product.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A lot's QC results held against its release specification: one verdict per test that has a
 * result, and the tests that have none yet. QA may release only what is in specification.
 *
 * @param verdicts in the order of {@link QcTest}
 * @param missing  the required tests without a result
 */
public record ReleaseAssessment(List<Verdict> verdicts, Set<QcTest> missing) {

    public ReleaseAssessment {
        verdicts = List.copyOf(verdicts);
        // an EnumSet keeps the tests in their declared order wherever the set is shown
        missing = missing.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(missing));
    }

    /** Every required result is in and every one meets its criterion. */
    public boolean inSpecification() {
        return missing.isEmpty() && verdicts.stream().allMatch(Verdict::withinSpecification);
    }

    public List<Verdict> outOfSpecification() {
        return verdicts.stream().filter(verdict -> !verdict.withinSpecification()).toList();
    }
}

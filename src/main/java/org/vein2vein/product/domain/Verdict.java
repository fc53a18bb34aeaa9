package org.vein2vein.product.domain;

import java.util.Objects;

/**
 * How one QC result compares with the release specification.
 *
 * @param criterion what the specification asks, as QA reads it, e.g. {@code ≥ 80 %} or {@code NEGATIVE}
 */
public record Verdict(QcTest test, boolean withinSpecification, String criterion) {

    public Verdict {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(criterion, "criterion");
    }
}

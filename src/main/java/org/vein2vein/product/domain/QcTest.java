package org.vein2vein.product.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The QC tests a lot's release depends on. A quantitative test is reported as a number in one
 * fixed unit, so results compare without conversions; a qualitative test is reported as an outcome.
 */
public enum QcTest {
    /** Viable cells among all nucleated cells of the final product. */
    VIABILITY("%", "100"),
    /** CAR-positive viable T cells in the dose, compared with the labelled dose range. */
    CAR_POSITIVE_VIABLE_CELLS("cells", "1000000000000"),
    STERILITY(null, null),
    MYCOPLASMA(null, null),
    /** Far above any release limit, so that a result out of specification can still be recorded. */
    ENDOTOXIN("EU/mL", "10000"),
    /** Integrated vector copies per transduced cell. */
    VECTOR_COPY_NUMBER("copies/cell", "100");

    private final String unit;
    private final BigDecimal maximum;

    QcTest(String unit, String maximum) {
        this.unit = unit;
        this.maximum = maximum == null ? null : new BigDecimal(maximum);
    }

    /** The largest value a result of this quantitative test can plausibly have; empty for a qualitative test. */
    public Optional<BigDecimal> maximum() {
        return Optional.ofNullable(maximum);
    }

    /** The one unit a result of this test is reported in; empty for a qualitative test. */
    public Optional<String> unit() {
        return Optional.ofNullable(unit);
    }

    public boolean isQuantitative() {
        return unit != null;
    }
}

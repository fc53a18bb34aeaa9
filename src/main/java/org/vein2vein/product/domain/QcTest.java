package org.vein2vein.product.domain;

import java.util.Optional;

/**
 * The QC tests a lot's release depends on. A quantitative test is reported as a number in one
 * fixed unit, so results compare without conversions; a qualitative test is reported as an outcome.
 */
public enum QcTest {
    /** Viable cells among all nucleated cells of the final product. */
    VIABILITY("%"),
    /** CAR-positive viable T cells in the dose, compared with the labelled dose range. */
    CAR_POSITIVE_VIABLE_CELLS("cells"),
    STERILITY(null),
    MYCOPLASMA(null),
    ENDOTOXIN("EU/mL"),
    /** Integrated vector copies per transduced cell. */
    VECTOR_COPY_NUMBER("copies/cell");

    private final String unit;

    QcTest(String unit) {
        this.unit = unit;
    }

    /** The one unit a result of this test is reported in; empty for a qualitative test. */
    public Optional<String> unit() {
        return Optional.ofNullable(unit);
    }

    public boolean isQuantitative() {
        return unit != null;
    }
}

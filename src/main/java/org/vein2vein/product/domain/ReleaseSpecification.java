package org.vein2vein.product.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What QC results a lot must have for QA to release it.
 *
 * @param minViabilityPercent     lowest viability of the final product, in percent
 * @param dose                    the labelled dose range of CAR+ viable T cells
 * @param sterilityNegative       sterility must be negative; always true, stated so the specification reads whole
 * @param mycoplasmaNegative      mycoplasma must be negative; always true, likewise
 * @param maxEndotoxinEuPerMl     highest endotoxin, in EU/mL
 * @param maxVectorCopiesPerCell  highest vector copy number, in copies per transduced cell
 */
public record ReleaseSpecification(BigDecimal minViabilityPercent, DoseRange dose, boolean sterilityNegative,
        boolean mycoplasmaNegative, BigDecimal maxEndotoxinEuPerMl, BigDecimal maxVectorCopiesPerCell) {

    public ReleaseSpecification {
        Objects.requireNonNull(minViabilityPercent, "minViabilityPercent");
        Objects.requireNonNull(dose, "dose");
        Objects.requireNonNull(maxEndotoxinEuPerMl, "maxEndotoxinEuPerMl");
        Objects.requireNonNull(maxVectorCopiesPerCell, "maxVectorCopiesPerCell");
    }
}

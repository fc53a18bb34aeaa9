package org.vein2vein.batch.domain;

import java.util.Objects;
import java.util.Optional;

import org.vein2vein.kernel.BatchType;

/**
 * A unit of a batch as the record keeps it: collected material, a formulated bag or a split dose,
 * with its labelled CAR+ viable cells, whether it is on its way to the treatment site, and where it
 * is and who holds it.
 *
 * @param labelledCells the CAR+ viable T cells its label states; empty for units recorded before labels were kept
 * @param onLatestShipment whether the batch's latest shipment to the treatment site carried it
 */
public record BatchUnit(String unitId, Kind kind, Optional<Long> labelledCells, boolean onLatestShipment,
        UnitCustody custody) {

    /** Collected material (by its donation identification number), a bag, or a dose of an allogeneic lot. */
    public enum Kind { MATERIAL, BAG, DOSE }

    public BatchUnit {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(labelledCells, "labelledCells");
        Objects.requireNonNull(custody, "custody");
    }

    /**
     * Whether the unit is what a patient receives, whose label must state a dose in the product's
     * range: an autologous batch's bags, an allogeneic lot's doses (its formulated bag is the lot).
     */
    public boolean isAdministered(BatchType type) {
        return kind == (type == BatchType.AUTOLOGOUS ? Kind.BAG : Kind.DOSE);
    }
}

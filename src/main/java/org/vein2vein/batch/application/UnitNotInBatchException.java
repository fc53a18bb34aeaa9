package org.vein2vein.batch.application;

import java.util.List;

/** A step names units (or a dose) the batch does not have. */
public class UnitNotInBatchException extends RuntimeException {

    private final List<String> unitIds;

    public UnitNotInBatchException(String coi, List<String> unitIds) {
        super("batch " + coi + " has no unit " + String.join(", ", unitIds));
        this.unitIds = List.copyOf(unitIds);
    }

    public List<String> unitIds() {
        return unitIds;
    }
}

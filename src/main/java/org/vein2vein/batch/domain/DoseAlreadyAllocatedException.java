package org.vein2vein.batch.domain;

/** A dose goes to exactly one recipient: a second allocation is refused. */
public class DoseAlreadyAllocatedException extends RuntimeException {

    private final String unitId;

    public DoseAlreadyAllocatedException(String unitId) {
        super("dose " + unitId + " is allocated already; a dose goes to one recipient only");
        this.unitId = unitId;
    }

    public String unitId() {
        return unitId;
    }
}

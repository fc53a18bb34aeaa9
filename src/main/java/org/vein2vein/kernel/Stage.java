package org.vein2vein.kernel;

import java.util.List;

/**
 * Where a batch is on its way from vein to vein. Each stage knows the rules that do not depend on
 * the product: whether it ends the journey, whether it may follow itself, and whether it is a
 * side exit that any unfinished batch may take.
 */
public enum Stage {
    ORDERED,
    /** One apheresis session; a therapy may need several, each with its own donation id. */
    COLLECTED(Kind.REPEATABLE),
    /** Optional freezing of the starting material at the collection site. */
    CRYOPRESERVED_AT_COLLECTION,
    SHIPPED_TO_MANUFACTURING(Kind.SHIPMENT),
    RECEIVED_AT_MANUFACTURING,
    ACCEPTED,
    REJECTED(Kind.FINAL),
    GENE_MODIFIED,
    /** A bioreactor measurement; expansion is logged as often as it is measured. */
    EXPANDED(Kind.REPEATABLE),
    FORMULATED,
    /** Allogeneic only: the lot is split into doses. */
    SPLIT,
    CRYOPRESERVED,
    QC_TESTED,
    RELEASED,
    OUT_OF_SPEC,
    MANUFACTURING_FAILED(Kind.FINAL),
    STORED,
    /** Allogeneic only: a dose is allocated to one recipient before it ships. */
    ALLOCATED,
    SHIPPED_TO_SITE(Kind.SHIPMENT),
    RECEIVED_AT_SITE,
    THAWED,
    INFUSED(Kind.FINAL),
    /** Held after an excursion, an identity doubt or a deviation; resumes where it left off. */
    QUARANTINED(Kind.SIDE_EXIT),
    DESTROYED(Kind.FINAL),
    CANCELLED(Kind.SIDE_EXIT, Kind.FINAL);

    private enum Kind { FINAL, REPEATABLE, SIDE_EXIT, SHIPMENT }

    private final boolean isFinal;
    private final boolean repeatable;
    private final boolean sideExit;
    private final boolean shipment;

    Stage(Kind... kinds) {
        List<Kind> list = List.of(kinds);
        this.isFinal = list.contains(Kind.FINAL);
        this.repeatable = list.contains(Kind.REPEATABLE);
        this.sideExit = list.contains(Kind.SIDE_EXIT);
        this.shipment = list.contains(Kind.SHIPMENT);
    }

    /** A final stage ends the journey: nothing may be logged after it. */
    public boolean isFinal() {
        return isFinal;
    }

    /** Whether the stage may be logged again right after itself. */
    public boolean isRepeatable() {
        return repeatable;
    }

    /** Side exits may be taken from any stage that is not final. */
    public boolean isSideExit() {
        return sideExit;
    }

    /** A shipment hands the batch to another site, which its step names as the destination. */
    public boolean isShipment() {
        return shipment;
    }
}

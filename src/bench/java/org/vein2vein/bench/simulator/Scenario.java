package org.vein2vein.bench.simulator;

import java.util.Set;

import org.vein2vein.kernel.BatchType;

/**
 * What a simulated journey is: a batch type, the failure, if any, that happens on the way, and the
 * unsafe moves someone attempts along it. Each scenario says where its batch must end, which the
 * simulator checks (conformance); an unsafe move must be refused, as named, and leave no trace in the
 * ledger, or the journey is not conformant.
 */
public record Scenario(BatchType type, Failure failure, Set<UnsafeMove> unsafeMoves) {

    public Scenario {
        unsafeMoves = Set.copyOf(unsafeMoves);
    }

    public Scenario(BatchType type, Failure failure) {
        this(type, failure, Set.of());
    }

    /** The failures the API can meet today. */
    public enum Failure {
        NONE,
        /** The wrong COI is scanned on receipt at manufacturing: refused, kept on record, batch on hold. */
        IDENTITY_MISMATCH_AT_RECEIPT,
        /** QC results outside the release specification: release refused, the batch is destroyed. */
        QC_OUT_OF_SPEC,
        /** Packed too long out of storage: the packing is refused and kept on record, then accepted under a deviation. */
        MISSED_PACKING_WINDOW,
        /** The wrong patient (recipient) is scanned at the bedside: refused, kept on record, on hold. */
        WRONG_PATIENT
    }

    /**
     * Moves the service must refuse without recording anything (problem type in brackets); a journey
     * attempts each it drew where it fits, then goes on as its scenario says.
     */
    public enum UnsafeMove {
        /** A shipping stage logged through the step endpoint instead of a shipment [recorded-by-shipments]. */
        SHIPPING_STAGE_AS_A_STEP("recorded-by-shipments"),
        /** A manufacturing step logged at the collection site while the material is at manufacturing [material-not-at-site]. */
        STEP_WHERE_THE_MATERIAL_IS_NOT("material-not-at-site"),
        /** A receipt that leaves out a unit that was packed, or lists one that was not [received-units-differ]. */
        RECEIPT_MISSING_A_UNIT("received-units-differ"),
        /** A unit thawed at the manufacturing site after it was received at the treatment site [unit-not-at-site]. */
        THAW_WHERE_THE_UNIT_IS_NOT("unit-not-at-site");

        private final String problem;

        UnsafeMove(String problem) {
            this.problem = problem;
        }

        /** The problem type the refusal names, without its {@code urn:vein2vein:problem:} prefix. */
        public String problem() {
            return problem;
        }
    }

    public String name() {
        return type.name().toLowerCase() + (failure == Failure.NONE ? "" : "/" + failure.name().toLowerCase());
    }
}

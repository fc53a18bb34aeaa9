package org.vein2vein.bench.simulator;

import org.vein2vein.kernel.BatchType;

/**
 * What a simulated journey is: a batch type and the failure, if any, that happens on the way. Each
 * scenario says where its batch must end, which the simulator checks (conformance).
 */
public record Scenario(BatchType type, Failure failure) {

    /** The failures the API can meet today. */
    public enum Failure {
        NONE,
        /** The wrong COI is scanned on receipt at manufacturing: refused, kept on record, batch on hold. */
        IDENTITY_MISMATCH_AT_RECEIPT,
        /** QC results outside the release specification: release refused, the batch is destroyed. */
        QC_OUT_OF_SPEC,
        /** Packed too long out of storage: the shipment is refused and kept on record, then logged under a deviation. */
        MISSED_PACKING_WINDOW,
        /** The wrong patient (recipient) is scanned at the bedside: refused, kept on record, on hold. */
        WRONG_PATIENT
    }

    public String name() {
        return type.name().toLowerCase() + (failure == Failure.NONE ? "" : "/" + failure.name().toLowerCase());
    }
}

package org.vein2vein.custody.domain;

/** Why a ledger does not hold at its first broken event. */
public enum ChainBreakReason {
    /** An event is missing from the middle of the ledger, or stored under another sequence. */
    SEQUENCE_MISMATCH,
    /** A stored payload is not JSON: it was written by something other than the service. */
    PAYLOAD_NOT_JSON,
    /** An event does not link to the hash of the event before it. */
    PREVIOUS_HASH_MISMATCH,
    /** An event's content no longer matches its hash. */
    HASH_MISMATCH,
    /** The ledger ends before the newest event the service appended. */
    NEWEST_EVENTS_MISSING,
    /** The ledger holds events after the newest one the service appended. */
    EVENTS_NOT_APPENDED_BY_THE_SERVICE,
    /** The newest event is not the one the service appended. */
    HEAD_HASH_MISMATCH,
    /** The batch's current stage is not what the ledger says the event that set it recorded. */
    BATCH_STATE_MISMATCH
}

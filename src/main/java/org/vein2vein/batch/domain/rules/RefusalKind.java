package org.vein2vein.batch.domain.rules;

/**
 * Why a safety rule refused a step. Most refusals write nothing; the ones {@link #recorded} keep the
 * attempt in the ledger, because the audit trail must show what was tried, and an identity mismatch
 * also {@link #holds} the batch or dose.
 */
public enum RefusalKind {
    OCCURRED_AT_IN_FUTURE(false, false),
    OCCURRED_BEFORE_PREVIOUS_EVENT(false, false),
    STEP_OUT_OF_ORDER(false, false),
    INVALID_STEP_DATA(false, false),
    UNIT_NOT_IN_BATCH(false, false),
    UNIT_ID_IN_USE(false, false),
    DONATION_ID_IN_USE(false, false),
    DOSE_ALREADY_ALLOCATED(false, false),
    TEMPERATURE_CLASS_MISMATCH(false, false),
    LABELLED_DOSE_OUT_OF_RANGE(false, false),
    RELEASE_SPECIFICATION_NOT_MET(false, false),
    WITHIN_SPECIFICATION(false, false),
    RECORDED_BY_SHIPMENTS(false, false),
    UNIT_NOT_AT_SITE(false, false),
    MATERIAL_NOT_AT_SITE(false, false),
    BATCH_HELD_ELSEWHERE(false, false),
    UNIT_NOT_THAWED(false, false),
    UNIT_ALREADY_THAWED(false, false),
    IDENTITY_MISMATCH(true, true),
    SECOND_VERIFIER_REQUIRED(true, false),
    TIME_WINDOW_MISSED(true, false);

    private final boolean recorded;
    private final boolean holds;

    RefusalKind(boolean recorded, boolean holds) {
        this.recorded = recorded;
        this.holds = holds;
    }

    /** Whether the refused attempt is kept in the ledger. */
    public boolean recorded() {
        return recorded;
    }

    /** Whether the refusal puts the batch, or the dose, on hold. */
    public boolean holds() {
        return holds;
    }
}

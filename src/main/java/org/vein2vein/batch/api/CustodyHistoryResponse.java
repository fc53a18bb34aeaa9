package org.vein2vein.batch.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.custody.domain.ChainBreakReason;
import org.vein2vein.custody.domain.ChainVerification;

/** One page of a batch's custody ledger, oldest first, with the result of verifying the whole hash chain. */
@Schema(name = "CustodyHistory")
public record CustodyHistoryResponse(
        String coi,
        @Schema(description = "The events of this page, oldest first") List<CustodyEventResponse> events,
        @Schema(description = "Number of events in the whole ledger", example = "17") long totalEvents,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Where the next page starts (its fromSequence); absent on the last page",
                example = "101") Long nextFromSequence,
        @Schema(description = "The whole ledger's verification, whichever page is read") Verification verification) {

    /** The hash chain recomputed by the service at the time of reading, and the ledger's end checked. */
    @Schema(name = "ChainVerification")
    public record Verification(
            @Schema(description = "Whether every event is in place, readable and unchanged, every link to the previous "
                    + "event holds, and the ledger ends where the service last appended") boolean intact,
            @Schema(description = "Events verified before the first break, or all") long verifiedEvents,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The first event where the ledger does not hold") Long firstBrokenSequence,
            @Schema(description = "Hash of the last verified event") String headHash,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "What broke at firstBrokenSequence; absent when the ledger is intact") Failure failure) {

        static Verification of(ChainVerification verification) {
            return new Verification(verification.intact(), verification.verifiedEvents(),
                    verification.firstBrokenSequence().orElse(null), verification.headHash(),
                    verification.failure().map(Failure::of).orElse(null));
        }
    }

    /** Why the ledger does not hold at its first broken event. */
    @Schema(name = "ChainFailure")
    public record Failure(
            @Schema(description = "SEQUENCE_MISMATCH (an event missing or out of place), PAYLOAD_NOT_JSON, "
                    + "PREVIOUS_HASH_MISMATCH, HASH_MISMATCH (changed after it was recorded), NEWEST_EVENTS_MISSING, "
                    + "EVENTS_NOT_APPENDED_BY_THE_SERVICE, HEAD_HASH_MISMATCH or BATCH_STATE_MISMATCH (the batch's "
                    + "stage is not the one the ledger records)") ChainBreakReason reason,
            String detail,
            @Schema(description = "What the verification expected, e.g. {\"sequence\": 7, \"hash\": \"...\"}")
            Map<String, Object> expected,
            @Schema(description = "What it found instead") Map<String, Object> found) {

        static Failure of(ChainVerification.ChainBreak failure) {
            return new Failure(failure.reason(), failure.detail(), failure.expected(), failure.found());
        }
    }
}

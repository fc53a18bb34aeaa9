package org.vein2vein.custody.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    /** The hash chain recomputed by the service at the time of reading. */
    @Schema(name = "ChainVerification")
    public record Verification(
            @Schema(description = "Whether every hash and every link to the previous event holds") boolean intact,
            @Schema(description = "Events verified before the first break, or all") long verifiedEvents,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The first event where the chain breaks") Long firstBrokenSequence,
            @Schema(description = "Hash of the last verified event") String headHash) {

        static Verification of(ChainVerification verification) {
            return new Verification(verification.intact(), verification.verifiedEvents(),
                    verification.firstBrokenSequence().orElse(null), verification.headHash());
        }
    }
}

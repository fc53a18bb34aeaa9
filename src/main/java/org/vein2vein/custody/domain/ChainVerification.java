package org.vein2vein.custody.domain;

import java.util.List;
import java.util.Optional;

/**
 * The result of walking a ledger from its first event: every hash recomputed, every link to the
 * previous event checked, every sequence number in place.
 *
 * @param firstBrokenSequence the first event where the chain does not hold, if any
 */
public record ChainVerification(boolean intact, long verifiedEvents, Optional<Long> firstBrokenSequence,
        String headHash) {

    public static ChainVerification of(List<CustodyEvent> eventsInOrder) {
        String expectedPrevious = LedgerHead.GENESIS_HASH;
        long expectedSequence = 1;
        for (CustodyEvent event : eventsInOrder) {
            boolean holds = event.sequence() == expectedSequence
                    && event.previousHash().equals(expectedPrevious)
                    && event.recomputeHash().equals(event.hash());
            if (!holds) {
                return new ChainVerification(false, expectedSequence - 1, Optional.of(expectedSequence),
                        expectedPrevious);
            }
            expectedPrevious = event.hash();
            expectedSequence++;
        }
        return new ChainVerification(true, expectedSequence - 1, Optional.empty(), expectedPrevious);
    }
}

package org.vein2vein.custody.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The result of walking a ledger from its first event: every sequence number in place, every
 * payload readable, every link to the previous event and every hash recomputed — and the end of
 * the ledger compared with what the service recorded beside it (the head it last appended, the
 * event that set the batch's current stage), so that removing the newest events is seen too.
 *
 * @param verifiedEvents      events that held before the first break, or all of them
 * @param firstBrokenSequence the first event where the ledger does not hold, if any
 * @param headHash            hash of the last event that held
 * @param failure             what broke there, what was expected and what was found
 */
public record ChainVerification(boolean intact, long verifiedEvents, Optional<Long> firstBrokenSequence,
        String headHash, Optional<ChainBreak> failure) {

    /** Verifies the chain alone, with nothing recorded beside it to compare its end with. */
    public static ChainVerification of(List<CustodyEvent> eventsInOrder) {
        return of(eventsInOrder, payload -> true, LedgerAnchors.NONE);
    }

    /**
     * @param readablePayload whether a stored payload is the JSON object it must be
     * @param anchors         what the service recorded beside the ledger
     */
    public static ChainVerification of(List<CustodyEvent> eventsInOrder, Predicate<String> readablePayload,
            LedgerAnchors anchors) {
        String expectedPrevious = LedgerHead.GENESIS_HASH;
        long expectedSequence = 1;
        for (CustodyEvent event : eventsInOrder) {
            Optional<ChainBreak> broken = check(event, expectedSequence, expectedPrevious, readablePayload);
            if (broken.isPresent()) {
                return broken(expectedSequence - 1, expectedPrevious, broken.get());
            }
            expectedPrevious = event.hash();
            expectedSequence++;
        }
        long last = expectedSequence - 1;
        String lastHash = expectedPrevious;
        Optional<ChainBreak> atTheEnd = compareWithRecordedHead(last, lastHash, anchors.recordedHead())
                .or(() -> compareWithBatchState(eventsInOrder, anchors.batchState()));
        // Every event held, so event n is at index n - 1: the break comes after the last event that holds.
        return atTheEnd.map(failure -> {
            long verified = Math.min(last, failure.sequence() - 1);
            return broken(verified, verified == 0 ? LedgerHead.GENESIS_HASH
                    : eventsInOrder.get((int) verified - 1).hash(), failure);
        }).orElseGet(() -> new ChainVerification(true, last, Optional.empty(), lastHash, Optional.empty()));
    }

    private static Optional<ChainBreak> check(CustodyEvent event, long expectedSequence, String expectedPrevious,
            Predicate<String> readablePayload) {
        if (event.sequence() != expectedSequence) {
            return Optional.of(new ChainBreak(ChainBreakReason.SEQUENCE_MISMATCH, expectedSequence,
                    "Event " + expectedSequence + " is missing or out of place: the next stored event is "
                            + event.sequence() + ".",
                    ordered("sequence", expectedSequence), ordered("sequence", event.sequence())));
        }
        if (!readablePayload.test(event.payload())) {
            return Optional.of(new ChainBreak(ChainBreakReason.PAYLOAD_NOT_JSON, expectedSequence,
                    "The stored payload of event " + expectedSequence + " is not a JSON object.",
                    ordered("payload", "a JSON object"), ordered("payload", "unreadable text")));
        }
        if (!event.previousHash().equals(expectedPrevious)) {
            return Optional.of(new ChainBreak(ChainBreakReason.PREVIOUS_HASH_MISMATCH, expectedSequence,
                    "Event " + expectedSequence + " does not link to the event before it.",
                    ordered("previousHash", expectedPrevious), ordered("previousHash", event.previousHash())));
        }
        String recomputed = event.recomputeHash();
        if (!recomputed.equals(event.hash())) {
            return Optional.of(new ChainBreak(ChainBreakReason.HASH_MISMATCH, expectedSequence,
                    "Event " + expectedSequence + " was changed after it was recorded: its hash does not match "
                            + "its content.",
                    ordered("hash", recomputed), ordered("hash", event.hash())));
        }
        return Optional.empty();
    }

    /** The ledger must end exactly at the head the service last appended. */
    private static Optional<ChainBreak> compareWithRecordedHead(long last, String lastHash,
            Optional<LedgerHead> recorded) {
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        LedgerHead head = recorded.get();
        if (last < head.sequence()) {
            return Optional.of(new ChainBreak(ChainBreakReason.NEWEST_EVENTS_MISSING, last + 1,
                    "The ledger ends at event " + last + ", but the service appended up to event "
                            + head.sequence() + ": the newest events were removed.",
                    head(head.sequence(), head.hash()), head(last, lastHash)));
        }
        if (last > head.sequence()) {
            return Optional.of(new ChainBreak(ChainBreakReason.EVENTS_NOT_APPENDED_BY_THE_SERVICE,
                    head.sequence() + 1, "The ledger goes on past event " + head.sequence()
                            + ", the newest the service appended.",
                    head(head.sequence(), head.hash()), head(last, lastHash)));
        }
        if (!head.hash().equals(lastHash)) {
            return Optional.of(new ChainBreak(ChainBreakReason.HEAD_HASH_MISMATCH, last,
                    "The newest event is not the one the service appended as event " + last + ".",
                    head(head.sequence(), head.hash()), head(last, lastHash)));
        }
        return Optional.empty();
    }

    /** The event that set the batch's current stage must be in the ledger, at that stage. */
    private static Optional<ChainBreak> compareWithBatchState(List<CustodyEvent> events,
            Optional<RecordedState> recorded) {
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        RecordedState state = recorded.get();
        Optional<String> stageInLedger = events.stream().filter(event -> event.sequence() == state.sequence())
                .findFirst().map(CustodyEvent::stage);
        if (stageInLedger.equals(Optional.of(state.stage()))) {
            return Optional.empty();
        }
        return Optional.of(new ChainBreak(ChainBreakReason.BATCH_STATE_MISMATCH, state.sequence(),
                "The batch is at stage " + state.stage() + ", set by event " + state.sequence()
                        + ", but the ledger " + stageInLedger.map(stage -> "records stage " + stage + " there.")
                        .orElse("has no such event."),
                ordered("sequence", state.sequence(), "stage", state.stage()),
                ordered("sequence", state.sequence(), "stage", stageInLedger.orElse("(no such event)"))));
    }

    private static Map<String, Object> head(long sequence, String hash) {
        return ordered("sequence", sequence, "hash", hash);
    }

    /** Members in the order given: answers list them as the verification found them. */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return members;
    }

    private static ChainVerification broken(long verified, String lastGoodHash, ChainBreak failure) {
        return new ChainVerification(false, verified, Optional.of(failure.sequence()), lastGoodHash,
                Optional.of(failure));
    }

    /**
     * What the service keeps beside a batch's ledger, written in the same transactions as its events.
     *
     * @param recordedHead the newest event the service appended
     * @param batchState   the event that set the batch's current stage
     */
    public record LedgerAnchors(Optional<LedgerHead> recordedHead, Optional<RecordedState> batchState) {
        public static final LedgerAnchors NONE = new LedgerAnchors(Optional.empty(), Optional.empty());
    }

    /** The batch record's claim: event {@code sequence} put the batch at {@code stage}. */
    public record RecordedState(long sequence, String stage) {
    }

    /**
     * Where and why the ledger does not hold.
     *
     * @param sequence the first event that does not hold
     * @param expected what the verification expected there
     * @param found    what it found instead
     */
    public record ChainBreak(ChainBreakReason reason, long sequence, String detail, Map<String, Object> expected,
            Map<String, Object> found) {

        public ChainBreak {
            expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
            found = Collections.unmodifiableMap(new LinkedHashMap<>(found));
        }
    }
}

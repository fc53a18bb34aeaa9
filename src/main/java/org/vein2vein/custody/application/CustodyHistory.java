package org.vein2vein.custody.application;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.vein2vein.custody.domain.ChainVerification;
import org.vein2vein.custody.domain.ChainVerification.LedgerAnchors;
import org.vein2vein.custody.domain.ChainVerification.RecordedState;
import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.persistence.CustodyEventRepository;

/** Reads a batch's ledger, verifying its hash chain on every read. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustodyHistory {

    private final CustodyEventRepository events;
    private final CanonicalJson json;

    public CustodyHistory(CustodyEventRepository events, CanonicalJson json) {
        this.events = events;
        this.json = json;
    }

    /**
     * Up to {@code limit} events from sequence {@code fromSequence} on. The chain is verified over
     * the whole ledger, which a page alone cannot prove; page and verification come from one read,
     * so they describe the same ledger. The ledger's end is compared with the head the service
     * recorded and with {@code batchState}, the batch record's account of the event that set its stage.
     */
    public VerifiedPage page(String coi, long fromSequence, int limit, Optional<RecordedState> batchState) {
        List<CustodyEvent> ledger = events.history(coi);
        LedgerAnchors anchors = new LedgerAnchors(events.recordedHead(coi), batchState);
        List<CustodyEvent> fromThere = ledger.stream().filter(event -> event.sequence() >= fromSequence)
                .limit(limit + 1L).toList();
        OptionalLong next = fromThere.size() > limit ? OptionalLong.of(fromThere.get(limit).sequence())
                : OptionalLong.empty();
        return new VerifiedPage(fromThere.subList(0, Math.min(limit, fromThere.size())), next, ledger.size(),
                ChainVerification.of(ledger, payload -> json.readStored(payload).isPresent(), anchors));
    }

    public Optional<CustodyEvent> event(String coi, long sequence) {
        return events.event(coi, sequence);
    }

    /**
     * @param nextFromSequence where the next page starts, if more events follow this one
     * @param totalEvents      the number of events in the whole ledger
     */
    public record VerifiedPage(List<CustodyEvent> events, OptionalLong nextFromSequence, long totalEvents,
            ChainVerification verification) {
    }
}

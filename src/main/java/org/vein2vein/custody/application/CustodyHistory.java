package org.vein2vein.custody.application;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.vein2vein.custody.domain.ChainVerification;
import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.persistence.CustodyEventRepository;

/** Reads a batch's ledger, verifying its hash chain on every read. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustodyHistory {

    private final CustodyEventRepository events;

    public CustodyHistory(CustodyEventRepository events) {
        this.events = events;
    }

    /**
     * Up to {@code limit} events from sequence {@code fromSequence} on. The chain is verified over
     * the whole ledger, which a page alone cannot prove; page and verification come from one read,
     * so they describe the same ledger.
     */
    public VerifiedPage page(String coi, long fromSequence, int limit) {
        List<CustodyEvent> ledger = events.history(coi);
        List<CustodyEvent> fromThere = ledger.stream().filter(event -> event.sequence() >= fromSequence)
                .limit(limit + 1L).toList();
        OptionalLong next = fromThere.size() > limit ? OptionalLong.of(fromThere.get(limit).sequence())
                : OptionalLong.empty();
        return new VerifiedPage(fromThere.subList(0, Math.min(limit, fromThere.size())), next, ledger.size(),
                ChainVerification.of(ledger));
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

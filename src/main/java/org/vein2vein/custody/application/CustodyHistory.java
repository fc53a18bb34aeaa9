package org.vein2vein.custody.application;

import java.util.List;
import java.util.Optional;

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

    public VerifiedHistory of(String coi) {
        List<CustodyEvent> history = events.history(coi);
        return new VerifiedHistory(history, ChainVerification.of(history));
    }

    public Optional<CustodyEvent> event(String coi, long sequence) {
        return events.event(coi, sequence);
    }

    public record VerifiedHistory(List<CustodyEvent> events, ChainVerification verification) {
    }
}

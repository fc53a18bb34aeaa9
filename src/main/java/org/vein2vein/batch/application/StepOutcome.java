package org.vein2vein.batch.application;

import java.util.Optional;

import org.vein2vein.batch.domain.rules.Refusal;
import org.vein2vein.custody.domain.CustodyEvent;

/** What became of a step: recorded, or refused with the attempt kept on record. */
public sealed interface StepOutcome {

    BatchState state();

    record Recorded(BatchState state, CustodyEvent event) implements StepOutcome {
    }

    /**
     * @param rejection the ledger event recording the refused attempt
     * @param hold      the event that put the batch or dose on hold, if the refusal did
     */
    record Refused(BatchState state, Refusal refusal, CustodyEvent rejection, Optional<CustodyEvent> hold)
            implements StepOutcome {
    }
}

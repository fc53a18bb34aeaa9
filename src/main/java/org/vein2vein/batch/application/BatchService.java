package org.vein2vein.batch.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.batch.domain.Coi;
import org.vein2vein.batch.persistence.BatchEntity;
import org.vein2vein.batch.persistence.BatchRepository;
import org.vein2vein.custody.application.Ledger;
import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.custody.domain.LedgerHead;

/**
 * Registers batches and records their steps. Each change of a batch, its ledger event and its
 * outbox message are written in one transaction, under the batch's row lock.
 */
@ApplicationScoped
@Transactional
public class BatchService {

    private final BatchRepository batches;
    private final Ledger ledger;
    private final StepRules rules;
    private final ObjectMapper mapper;
    private final Clock clock;

    public BatchService(BatchRepository batches, Ledger ledger, StepRules rules, ObjectMapper mapper, Clock clock) {
        this.batches = batches;
        this.ledger = ledger;
        this.rules = rules;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Registered register(RegisterBatch command) {
        Coi coi = Coi.random();
        while (batches.exists(coi)) {
            coi = Coi.random();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Batch batch = Batch.register(coi, command.type(), command.subjectReference(), command.productCode(),
                command.collectionSite());
        BatchEntity entity = BatchEntity.of(batch, now);
        batches.persist(entity);
        ObjectNode payload = mapper.createObjectNode()
                .put("batchType", batch.type().name())
                .put("subjectReference", batch.subjectReference())
                .put("productCode", batch.productCode())
                .put("collectionSite", batch.collectionSite());
        CustodyEvent event = ledger.append(LedgerHead.GENESIS, new Ledger.NewCustodyEvent(coi.value(),
                CustodyEventType.BATCH_REGISTERED, batch.stage().name(), now, command.operator(),
                batch.collectionSite(), payload));
        Log.infof("Batch %s registered (%s, product %s)", coi, batch.type(), batch.productCode());
        return new Registered(new BatchState(batch, LedgerHead.of(event), entity.registeredAt(), entity.updatedAt()),
                event);
    }

    /**
     * Records a step if the batch's stage plan allows it now and its time is plausible.
     *
     * @throws BatchNotFoundException when no batch has the COI
     * @throws org.vein2vein.batch.domain.StepOutOfOrderException when the plan does not allow the stage
     * @throws StepTimeException when the step is dated in the future or before the previous event
     */
    public Recorded logStep(Coi coi, LogStep command) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant latestAccepted = now.plus(rules.maxClockSkew());
        if (command.occurredAt().isAfter(latestAccepted)) {
            throw new StepTimeException(StepTimeException.Reason.IN_FUTURE, command.occurredAt(), latestAccepted);
        }
        BatchEntity entity = batches.findForUpdate(coi).orElseThrow(() -> new BatchNotFoundException(coi));
        Batch next = entity.toDomain().advanceTo(command.stage());
        LedgerHead head = ledger.head(coi.value());
        Optional<Instant> earliestAccepted = head.lastOccurredAt().map(last -> last.minus(rules.maxClockSkew()));
        if (earliestAccepted.isPresent() && command.occurredAt().isBefore(earliestAccepted.get())) {
            throw new StepTimeException(StepTimeException.Reason.BEFORE_PREVIOUS_EVENT, command.occurredAt(),
                    earliestAccepted.get());
        }
        entity.apply(next, now);
        CustodyEvent event = ledger.append(head, new Ledger.NewCustodyEvent(coi.value(),
                CustodyEventType.STEP_RECORDED, next.stage().name(), command.occurredAt(), command.operator(),
                command.site(), command.data()));
        Log.infof("Batch %s: %s recorded as event %d", coi, next.stage(), event.sequence());
        return new Recorded(new BatchState(next, LedgerHead.of(event), entity.registeredAt(), entity.updatedAt()),
                event);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BatchState> find(Coi coi) {
        return batches.find(coi).map(entity -> new BatchState(entity.toDomain(), ledger.head(coi.value()),
                entity.registeredAt(), entity.updatedAt()));
    }

    public record Registered(BatchState state, CustodyEvent event) {
    }

    public record Recorded(BatchState state, CustodyEvent event) {
    }
}

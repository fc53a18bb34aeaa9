package org.vein2vein.batch.application;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.Dose;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.batch.domain.rules.Refusal;
import org.vein2vein.batch.domain.rules.RefusalKind;
import org.vein2vein.batch.domain.rules.Step;
import org.vein2vein.batch.domain.rules.StepContext;
import org.vein2vein.batch.persistence.CollectionRepository;
import org.vein2vein.batch.persistence.BatchEntity;
import org.vein2vein.batch.persistence.BatchSiteRepository;
import org.vein2vein.batch.persistence.BatchUnitRepository;
import org.vein2vein.batch.persistence.QcResultRepository;
import org.vein2vein.clock.application.ClockService;
import org.vein2vein.clock.domain.WindowClock;
import org.vein2vein.custody.application.Ledger;
import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.custody.domain.LedgerHead;
import org.vein2vein.kernel.Actor;
import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.TimeWindow;
import org.vein2vein.site.application.SiteRegistry;

/**
 * Writes what became of a step, in its transaction: the batch's (or dose's) new stage, the state the
 * next steps' rules read (units, collections, QC results, what the latest shipment carried), its ledger event and
 * outbox message, its clocks; or, for a refusal kept on record, the rejected attempt and any hold.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StepRecorder {

    /** A lot's side exits that end the journey of its doses still under way, too. */
    private static final Set<Stage> LOT_ENDINGS = EnumSet.of(Stage.CANCELLED, Stage.DESTROYED,
            Stage.MANUFACTURING_FAILED);

    /** The part of the service that puts batches on hold after an identity mismatch. */
    static final Actor IDENTITY_CHECKPOINT = Actor.system("vein2vein-identity-checkpoint");

    private final BatchUnitRepository units;
    private final CollectionRepository collections;
    private final BatchSiteRepository batchSites;
    private final QcResultRepository qcResults;
    private final Ledger ledger;
    private final ClockService clocks;
    private final StepPayloads payloads;
    private final BatchService batches;
    private final SiteRegistry sites;

    public StepRecorder(BatchUnitRepository units, CollectionRepository collections, BatchSiteRepository batchSites,
            QcResultRepository qcResults, Ledger ledger, ClockService clocks, StepPayloads payloads,
            BatchService batches, SiteRegistry sites) {
        this.sites = sites;
        this.units = units;
        this.collections = collections;
        this.batchSites = batchSites;
        this.qcResults = qcResults;
        this.ledger = ledger;
        this.clocks = clocks;
        this.payloads = payloads;
        this.batches = batches;
    }

    /** Records a step every rule accepted, with what the rules noted. */
    public StepOutcome.Recorded record(BatchEntity entity, StepContext context, Map<String, Object> notes,
            LedgerHead head, Actor actor, Instant now) {
        Step step = context.step();
        Coi coi = context.batch().coi();
        Optional<Dose> nextDose = context.dose().map(dose -> advanced(dose, context));
        Batch next = nextDose.isPresent() ? context.batch() : context.batch().advanceTo(step.stage());
        entity.apply(next, now);
        if (nextDose.isEmpty()) {
            // Set with the new stage, before the statements below flush the batch: one update per step, not two.
            entity.stateSetBy(head.nextSequence());
        }
        nextDose.ifPresent(dose -> units.save(dose, now));
        keepState(coi, context, now);
        batchSites.add(coi, step.site());
        if (step.data() instanceof StageData.Shipment shipment) {
            batchSites.add(coi, shipment.destinationSite());
        }
        Stage reached = nextDose.map(Dose::stage).orElse(next.stage());
        CustodyEvent event = ledger.append(head, new Ledger.NewCustodyEvent(coi.value(),
                CustodyEventType.STEP_RECORDED, reached.name(), step.occurredAt(), actor, step.site(),
                payloads.recorded(step, notes)));
        moveClocks(context, reached);
        Log.infof("Batch %s: %s%s recorded as event %d", coi, reached,
                context.doseUnit().map(unit -> " of dose " + unit).orElse(""), event.sequence());
        return new StepOutcome.Recorded(batches.state(entity, next, LedgerHead.of(event)), event);
    }

    /**
     * Records a refused attempt that the ledger keeps; an identity mismatch also puts the batch (or
     * dose) on hold, unless it is on hold already: the rejection is then the record.
     */
    public StepOutcome.Refused refuse(BatchEntity entity, StepContext context, Refusal refusal, LedgerHead head,
            Actor actor, Instant now) {
        Step step = context.step();
        Coi coi = context.batch().coi();
        CustodyEvent rejection = ledger.append(head, new Ledger.NewCustodyEvent(coi.value(),
                CustodyEventType.STEP_REJECTED, context.currentStage().name(), step.occurredAt(), actor, step.site(),
                payloads.rejected(step, context.doseUnit(), refusal)));
        Log.infof("Batch %s: %s refused (%s), attempt recorded as event %d", coi, step.stage(), refusal.kind(),
                rejection.sequence());
        Optional<CustodyEvent> hold = Optional.empty();
        Batch batch = context.batch();
        if (refusal.kind().holds() && context.currentStage() != Stage.QUARANTINED) {
            Instant heldAt = step.occurredAt().isAfter(now) ? step.occurredAt() : now;
            Held held = hold(entity, batch, context.dose(), LedgerHead.of(rejection), heldAt, IDENTITY_CHECKPOINT,
                    step.site(), payloads.hold(rejection.sequence(), context.doseUnit()), now);
            batch = held.batch();
            hold = Optional.of(held.event());
            Log.infof("Batch %s: %s put on hold after an identity mismatch, event %d", coi,
                    context.doseUnit().map(unit -> "dose " + unit).orElse("batch"), hold.get().sequence());
        }
        CustodyEvent last = hold.orElse(rejection);
        return new StepOutcome.Refused(batches.state(entity, batch, LedgerHead.of(last)), refusal, rejection, hold);
    }

    /** A batch, or one of its doses, put on hold by the service: the batch as it now is, and the hold's event. */
    public record Held(Batch batch, CustodyEvent event) {
    }

    /**
     * Puts the batch (or the dose) on hold: QUARANTINED, resuming later where it left off.
     *
     * @param after the ledger head the hold's event follows
     */
    public Held hold(BatchEntity entity, Batch batch, Optional<Dose> dose, LedgerHead after, Instant heldAt,
            Actor actor, String site, com.fasterxml.jackson.databind.node.ObjectNode payload, Instant now) {
        Batch held = batch;
        if (dose.isPresent()) {
            units.save(dose.get().advanceTo(Stage.QUARANTINED, batch.plan()), now);
        } else {
            held = batch.advanceTo(Stage.QUARANTINED);
            entity.apply(held, now);
            // The hold is the event after {@code after}; set before the append flushes the row.
            entity.stateSetBy(after.nextSequence());
        }
        CustodyEvent event = ledger.append(after, new Ledger.NewCustodyEvent(batch.coi().value(),
                CustodyEventType.STEP_RECORDED, Stage.QUARANTINED.name(), heldAt, actor, site, payload));
        return new Held(held, event);
    }

    private static Dose advanced(Dose dose, StepContext context) {
        Dose next = dose.advanceTo(context.step().stage(), context.batch().plan());
        return context.step().data() instanceof StageData.Allocation allocation
                ? next.allocatedTo(allocation.recipientReference()) : next;
    }

    /**
     * The state the rules of later steps read. The rules found the new identifiers free; a concurrent
     * step on another batch may have taken one since, and then the whole step rolls back.
     */
    private void keepState(Coi coi, StepContext context, Instant now) {
        Step step = context.step();
        StageData data = step.data();
        if (data instanceof StageData.Collection collection) {
            if (!collections.add(coi, collection.donationId(), step.occurredAt())) {
                throw taken(RefusalKind.DONATION_ID_IN_USE, "Donation id", List.of(collection.donationId()));
            }
            if (!units.addMaterial(coi, collection.donationId(), placeOf(step), now)) {
                throw taken(RefusalKind.UNIT_ID_IN_USE, "Unit id", List.of(collection.donationId()));
            }
        }
        if (data instanceof StageData.Formulation formulation) {
            units.endLive(coi, BatchUnit.Kind.MATERIAL, Stage.FORMULATED);
            addUnits(coi, BatchUnit.Kind.BAG, formulation.units(), placeOf(step), now);
        }
        if (data instanceof StageData.Split split) {
            units.endLive(coi, BatchUnit.Kind.BAG, Stage.SPLIT);
            addUnits(coi, BatchUnit.Kind.DOSE, split.doses(), placeOf(step), now);
        }
        if (data instanceof StageData.Allocation allocation) {
            units.bindToSite(coi, allocation.unitId(), allocation.treatmentSite());
        }
        if (data instanceof StageData.Thaw thaw) {
            units.thawed(coi, thaw.unitId(), step.occurredAt());
        }
        if (data instanceof StageData.Infusion infusion) {
            units.end(coi, infusion.unitId(), Stage.INFUSED);
        }
        if (step.stage().isFinal() && step.stage() != Stage.INFUSED) {
            if (context.isDoseStep()) {
                units.end(coi, context.doseUnit().get(), step.stage());
            } else {
                units.endAllLive(coi, step.stage());
            }
        }
        if (data instanceof StageData.QcResults qc) {
            qcResults.replace(coi, qc.results());
        }
        if (step.stage() == Stage.SHIPPED_TO_SITE) {
            units.shipped(coi, data.handledUnits(), step.occurredAt());
        }
        if (step.stage() == Stage.STORED && !context.isDoseStep()) {
            units.storeSplitDoses(coi);
        }
        if (LOT_ENDINGS.contains(step.stage()) && !context.isDoseStep()) {
            units.endDoses(coi, step.stage());
        }
    }

    private void addUnits(Coi coi, BatchUnit.Kind kind, List<StageData.LabelledUnit> labelled,
            BatchUnitRepository.Place place, Instant now) {
        List<String> taken = units.add(coi, kind, labelled, place, now);
        if (!taken.isEmpty()) {
            throw taken(RefusalKind.UNIT_ID_IN_USE, "Unit id", taken);
        }
    }

    /** Where units a step brings into being are: at its site, held by the site's organisation. */
    private BatchUnitRepository.Place placeOf(Step step) {
        return new BatchUnitRepository.Place(step.site(), sites.organisationOf(step.site()), step.occurredAt());
    }

    private static RuntimeException taken(RefusalKind kind, String what, List<String> identifiers) {
        return StepProblems.exception(Refusal.of(kind, what + " " + String.join(", ", identifiers)
                + " was taken by another batch meanwhile; each is unique across all batches.")
                .with("identifiers", identifiers));
    }

    /**
     * Starts and stops the clocks of the windows the step begins and ends. A window the lot started
     * (e.g. from RELEASED) that a dose's step ends is stopped by the first such step.
     */
    private void moveClocks(StepContext context, Stage reached) {
        String coi = context.batch().coi().value();
        List<TimeWindow> windows = context.rules().windows();
        clocks.stageReached(coi, context.doseUnit().orElse(WindowClock.BATCH_LEVEL), reached,
                context.step().occurredAt(), reached.isFinal(), windows);
        if (context.isDoseStep()) {
            List<TimeWindow> fromTheLot = windows.stream()
                    .filter(window -> window.to() == reached && !Dose.isDoseStage(window.from(),
                            context.batch().plan()))
                    .toList();
            clocks.stageReached(coi, WindowClock.BATCH_LEVEL, reached, context.step().occurredAt(), false, fromTheLot);
        }
    }
}

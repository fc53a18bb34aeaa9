package org.vein2vein.batch.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.Dose;
import org.vein2vein.batch.domain.UnitCustody;
import org.vein2vein.batch.domain.rules.Refusal;
import org.vein2vein.batch.domain.rules.Step;
import org.vein2vein.batch.domain.rules.StepChannel;
import org.vein2vein.batch.persistence.BatchEntity;
import org.vein2vein.batch.persistence.BatchRepository;
import org.vein2vein.batch.persistence.BatchSiteRepository;
import org.vein2vein.batch.persistence.BatchUnitRepository;
import org.vein2vein.custody.application.Ledger;
import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.custody.domain.LedgerHead;
import org.vein2vein.kernel.Actor;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.clock.application.ClockService;
import org.vein2vein.site.application.SiteRegistry;

/**
 * What a shipment does to the batches on board, in the shipment's transaction: their shipping and
 * receiving stages, through the same safety rules as any step; where their units are and who holds
 * them; the custody events of handovers in each batch's ledger. Batches are always locked in the
 * order of their COIs, so that two shipments sharing batches wait for each other instead of
 * deadlocking.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ShipmentCustody {

    private final BatchRepository batches;
    private final BatchUnitRepository units;
    private final BatchSiteRepository batchSites;
    private final StepService steps;
    private final Ledger ledger;
    private final SiteRegistry sites;
    private final StepRecorder recorder;
    private final StepPayloads payloads;
    private final PinnedProducts pinnedProducts;
    private final ClockService clocks;
    private final java.time.Clock clock;

    /** The clock that flags a handover nobody accepted. */
    public static final String HANDOVER_WINDOW = "handover-acceptance";
    /** What a receipt of a held batch (or dose) is still checked for: the labels and their verifiers. */
    private static final List<org.vein2vein.batch.domain.rules.SafetyRule> CHECKS_OF_A_HELD_RECEIPT = List.of(
            new org.vein2vein.batch.domain.rules.IdentityCheckpoints(),
            new org.vein2vein.batch.domain.rules.SecondVerifier());

    /** Who holds units after a temperature excursion: the service's monitor, not a person. */
    static final Actor TEMPERATURE_MONITOR = Actor.system("vein2vein-temperature-monitor");

    public ShipmentCustody(BatchRepository batches, BatchUnitRepository units, BatchSiteRepository batchSites,
            StepService steps, Ledger ledger, SiteRegistry sites, StepRecorder recorder, StepPayloads payloads,
            PinnedProducts pinnedProducts, ClockService clocks, java.time.Clock clock) {
        this.clock = clock;
        this.recorder = recorder;
        this.payloads = payloads;
        this.pinnedProducts = pinnedProducts;
        this.clocks = clocks;
        this.batches = batches;
        this.units = units;
        this.batchSites = batchSites;
        this.steps = steps;
        this.ledger = ledger;
        this.sites = sites;
    }

    /**
     * A unit as a shipment sees it.
     *
     * @param boundFor   the treatment site the unit may go to: an autologous batch's, an allocated dose's
     * @param batchStage the batch's stage; for a dose, the dose's own
     */
    public record UnitOnRecord(String coi, String unitId, BatchUnit.Kind kind, BatchType batchType,
            UnitCustody custody, Optional<String> boundFor, Stage batchStage) {
    }

    /** A step of one batch (or one dose of a lot) that a shipment's transition records. */
    public record BatchStep(Coi coi, Step step) {
    }

    /** What became of a transition's steps: all recorded, or refused with the attempts kept on record. */
    public sealed interface StagesOutcome {
    }

    public record StagesRecorded(List<StepOutcome.Recorded> recorded) implements StagesOutcome {
    }

    /** Refusals that keep the attempt on record (an identity mismatch): nothing else of the transition is written. */
    public record StagesRefused(Coi coi, StepOutcome.Refused refused) implements StagesOutcome {
    }

    /** The units with these ids, of whichever batches; ids that no unit has are absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnitOnRecord> units(Collection<String> unitIds) {
        List<BatchUnitRepository.StoredUnit> stored = units.withIds(unitIds);
        Map<String, BatchEntity> batchesByCoi = new HashMap<>();
        List<UnitOnRecord> found = new ArrayList<>();
        for (BatchUnitRepository.StoredUnit unit : stored) {
            BatchEntity batch = batchesByCoi.computeIfAbsent(unit.coi(), coi -> batches.findById(coi));
            Optional<String> boundFor = switch (unit.kind()) {
                case BAG -> batch.type() == BatchType.AUTOLOGOUS ? batch.treatmentSite() : Optional.empty();
                case DOSE -> unit.destinationSite();
                case MATERIAL -> Optional.empty();
            };
            found.add(new UnitOnRecord(unit.coi(), unit.unitId(), unit.kind(), batch.type(), unit.custody(), boundFor,
                    unit.stage().orElse(batch.stage())));
        }
        return found;
    }

    /**
     * Records the steps, each through every safety rule, or none of them.
     *
     * @throws ProblemException naming the batch (and dose) when a rule refuses a step and nothing is written
     */
    public StagesOutcome recordStages(List<BatchStep> batchSteps, Actor actor, Instant now) {
        List<BatchStep> ordered = batchSteps.stream()
                .sorted(Comparator.comparing((BatchStep step) -> step.coi().value())
                        .thenComparing(step -> step.step().data().handledUnits().toString()))
                .toList();
        Map<String, BatchEntity> locked = new TreeMap<>();
        Map<String, LedgerHead> heads = new HashMap<>();
        List<StepService.Decision> decisions = new ArrayList<>();
        List<BatchStep> heldReceipts = new ArrayList<>();
        for (BatchStep batchStep : ordered) {
            String coi = batchStep.coi().value();
            BatchEntity entity = locked.computeIfAbsent(coi, key -> batches.findForUpdate(batchStep.coi())
                    .orElseThrow(() -> new BatchNotFoundException(batchStep.coi())));
            LedgerHead head = heads.computeIfAbsent(coi, ledger::head);
            if (heldAwaitingReceipt(entity, batchStep)) {
                // Held, it is not received into its next stage; its labels are still checked, and a
                // mismatch kept on record like any other.
                StepService.Decision checked = steps.decide(entity, batchStep.step(), head, actor, now,
                        StepChannel.SHIPMENT, CHECKS_OF_A_HELD_RECEIPT);
                if (checked.refusal().isPresent()) {
                    decisions.add(checked);
                } else {
                    heldReceipts.add(batchStep);
                }
                continue;
            }
            StepService.Decision decision = steps.decide(entity, batchStep.step(), head, actor, now,
                    StepChannel.SHIPMENT);
            Optional<Refusal> refusal = decision.refusal();
            if (refusal.isPresent() && !refusal.get().kind().recorded()) {
                throw StepProblems.exception(naming(refusal.get(), batchStep));
            }
            decisions.add(decision);
        }
        Optional<StepService.Decision> keptOnRecord = decisions.stream()
                .filter(decision -> decision.refusal().isPresent()).findFirst();
        if (keptOnRecord.isPresent()) {
            StepService.Decision decision = keptOnRecord.get();
            StepOutcome.Refused refused = (StepOutcome.Refused) steps.carryOut(decision);
            return new StagesRefused(decision.context().batch().coi(), refused);
        }
        List<StepOutcome.Recorded> recorded = new ArrayList<>();
        for (StepService.Decision decision : decisions) {
            String coi = decision.context().batch().coi().value();
            StepOutcome.Recorded outcome = (StepOutcome.Recorded) steps.carryOut(decision.after(heads.get(coi)));
            heads.put(coi, LedgerHead.of(outcome.event()));
            recorded.add(outcome);
        }
        for (BatchStep receipt : heldReceipts) {
            String coi = receipt.coi().value();
            heads.put(coi, receiveWhileHeld(locked.get(coi), receipt, heads.get(coi), actor, now));
        }
        return new StagesRecorded(recorded);
    }

    /**
     * Whether the step receives a batch (or dose) held while it travelled (an excursion in transit):
     * the destination takes it into its custody, and it stays held.
     */
    private boolean heldAwaitingReceipt(BatchEntity entity, BatchStep batchStep) {
        Stage stage = batchStep.step().stage();
        if (stage != Stage.RECEIVED_AT_MANUFACTURING && stage != Stage.RECEIVED_AT_SITE) {
            return false;
        }
        Optional<String> dose = doseOf(entity, batchStep);
        Optional<Stage> current = dose.isPresent()
                ? units.dose(batchStep.coi(), dose.get()).map(Dose::stage) : Optional.of(entity.stage());
        return current.filter(Stage.QUARANTINED::equals).isPresent();
    }

    private static Optional<String> doseOf(BatchEntity entity, BatchStep batchStep) {
        List<String> unitIds = batchStep.step().data().handledUnits();
        return entity.type() == BatchType.ALLOGENEIC && batchStep.step().stage() == Stage.RECEIVED_AT_SITE
                && unitIds.size() == 1 ? Optional.of(unitIds.get(0)) : Optional.empty();
    }

    /**
     * Records that a held batch (or dose) was received: it stays on hold, and resumes from its receipt
     * once the hold is lifted (by logging the receipt's stage again, with a fresh identity check).
     */
    private LedgerHead receiveWhileHeld(BatchEntity entity, BatchStep receipt, LedgerHead head, Actor actor,
            Instant now) {
        Stage received = receipt.step().stage();
        Optional<String> doseUnit = doseOf(entity, receipt);
        org.vein2vein.batch.domain.ProductRules rules = pinnedProducts.rulesOf(entity);
        if (doseUnit.isPresent()) {
            units.dose(receipt.coi(), doseUnit.get()).ifPresent(dose -> units.save(dose.receivedWhileHeld(received), now));
        } else {
            entity.apply(entity.toDomain(rules.plan()).receivedWhileHeld(received), now);
        }
        // The units did arrive: the windows that end with their receipt stop, those that start with it run.
        clocks.stageReached(receipt.coi().value(), doseUnit.orElse(org.vein2vein.clock.domain.WindowClock.BATCH_LEVEL),
                received, receipt.step().occurredAt(), false, rules.windows());
        ObjectNode payload = payloads.receivedWhileHeld(receipt.step(), doseUnit);
        CustodyEvent event = ledger.append(head, new Ledger.NewCustodyEvent(receipt.coi().value(),
                CustodyEventType.HANDOVER_ACCEPTED, Stage.QUARANTINED.name(), receipt.step().occurredAt(), actor,
                receipt.step().site(), payload));
        Log.infof("Batch %s: received at %s while on hold, event %d", receipt.coi(), receipt.step().site(),
                event.sequence());
        return LedgerHead.of(event);
    }

    /**
     * Records a temperature excursion on a shipment in the ledger of every batch on board, and holds
     * what is affected: each dose on board, or the batch whose units are on board. What is held already
     * stays held; the excursion is on record either way.
     *
     * @param unitIdsByCoi the units on board, by batch
     */
    public void holdForExcursion(String shipmentId, Map<String, List<String>> unitIdsByCoi, ObjectNode excursion,
            Instant at) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        for (Map.Entry<String, List<String>> onBoard : new TreeMap<>(unitIdsByCoi).entrySet()) {
            Coi coi = new Coi(onBoard.getKey());
            BatchEntity entity = batches.findForUpdate(coi).orElseThrow(() -> new BatchNotFoundException(coi));
            org.vein2vein.batch.domain.Batch batch = entity.toDomain(pinnedProducts.rulesOf(entity).plan());
            CustodyEvent event = ledger.append(ledger.head(coi.value()), new Ledger.NewCustodyEvent(coi.value(),
                    CustodyEventType.TEMPERATURE_EXCURSION_DETECTED, entity.stage().name(), at, TEMPERATURE_MONITOR,
                    shipmentId, excursion.deepCopy().put("shipmentId", shipmentId)));
            LedgerHead head = LedgerHead.of(event);
            List<Dose> doses = onBoard.getValue().stream().map(unit -> units.dose(coi, unit))
                    .flatMap(Optional::stream).toList();
            if (doses.isEmpty()) {
                if (batch.stage() != Stage.QUARANTINED && !batch.stage().isFinal()) {
                    head = LedgerHead.of(recorder.hold(entity, batch, Optional.empty(), head, at, TEMPERATURE_MONITOR,
                            shipmentId, payloads.excursionHold(event.sequence(), shipmentId, Optional.empty()), now)
                            .event());
                }
            } else {
                for (Dose dose : doses) {
                    if (dose.stage() != Stage.QUARANTINED && !dose.stage().isFinal()) {
                        head = LedgerHead.of(recorder.hold(entity, batch, Optional.of(dose), head, at,
                                TEMPERATURE_MONITOR, shipmentId, payloads.excursionHold(event.sequence(), shipmentId,
                                        Optional.of(dose.unitId())), now).event());
                    }
                }
            }
            Log.warnf("Batch %s: temperature excursion on shipment %s recorded as event %d; held", coi, shipmentId,
                    event.sequence());
        }
    }

    /** A handover was released: until it is accepted, a clock runs on each batch on board. */
    public void handoverAwaited(String shipmentId, int number, Collection<String> cois, Instant releasedAt,
            java.time.Duration acceptWithin) {
        for (String coi : new TreeSet<>(cois)) {
            BatchEntity entity = batches.findById(coi);
            clocks.startWaiting(coi, handoverSubject(shipmentId, number), HANDOVER_WINDOW, entity.stage(), releasedAt,
                    acceptWithin);
        }
    }

    /** The handover was accepted: its clocks stop. */
    public void handoverAnswered(String shipmentId, int number, Collection<String> cois, Instant acceptedAt) {
        new TreeSet<>(cois).forEach(coi -> clocks.stopWaiting(coi, handoverSubject(shipmentId, number), HANDOVER_WINDOW,
                acceptedAt));
    }

    /** What a handover's clock measures, in place of a unit id. */
    public static String handoverSubject(String shipmentId, int number) {
        return shipmentId + "/H" + number;
    }

    /** The units left their site on the shipment, still held by the origin's organisation. */
    public void boarded(String shipmentId, Map<String, List<String>> unitIdsByCoi, String originSite, Instant at) {
        String custodian = sites.organisationOf(originSite).orElse(null);
        new TreeMap<>(unitIdsByCoi).forEach((coi, unitIds) -> units.boarded(new Coi(coi), unitIds, shipmentId,
                custodian, at));
    }

    /** The shipment's units passed into the custody of {@code organisation}. */
    public void handedOver(String shipmentId, Collection<String> cois, String organisation, Instant at) {
        new TreeSet<>(cois).forEach(coi -> units.handedOver(new Coi(coi), shipmentId, organisation, at));
    }

    /** The shipment's units are at its destination, held by the destination's organisation. */
    public void arrived(String shipmentId, Collection<String> cois, String destinationSite, Instant at) {
        BatchUnitRepository.Place place = new BatchUnitRepository.Place(destinationSite,
                sites.organisationOf(destinationSite), at);
        new TreeSet<>(cois).forEach(coi -> {
            units.arrived(new Coi(coi), shipmentId, place);
            batchSites.add(new Coi(coi), destinationSite);
        });
    }

    /**
     * Appends a custody event to the ledger of each batch on board, at the stage of what is on board:
     * the doses' own stage for doses of an allogeneic lot, else the batch's.
     *
     * @param unitIdsByCoi the units on board, by batch
     * @param site         the site where it happened, or the shipment's id for a handover in transit
     */
    public List<CustodyEvent> appendToLedgers(Map<String, List<String>> unitIdsByCoi, CustodyEventType type,
            Instant occurredAt, Actor actor, String site, ObjectNode payload) {
        List<CustodyEvent> events = new ArrayList<>();
        for (Map.Entry<String, List<String>> onBoard : new TreeMap<>(unitIdsByCoi).entrySet()) {
            Coi coi = new Coi(onBoard.getKey());
            BatchEntity entity = batches.findForUpdate(coi).orElseThrow(() -> new BatchNotFoundException(coi));
            Stage stage = onBoard.getValue().stream().map(unit -> units.dose(coi, unit)).flatMap(Optional::stream)
                    .map(Dose::stage).findFirst().orElse(entity.stage());
            CustodyEvent event = ledger.append(ledger.head(coi.value()), new Ledger.NewCustodyEvent(coi.value(), type,
                    stage.name(), occurredAt, actor, site, payload.deepCopy()));
            events.add(event);
        }
        Log.infof("Shipment event %s appended to %d ledger(s) at %s", type, events.size(), site);
        return events;
    }

    /** The refusal, saying which batch (and dose) of the shipment it concerns. */
    private static Refusal naming(Refusal refusal, BatchStep batchStep) {
        Refusal named = refusal.with("coi", batchStep.coi().value());
        List<String> unitIds = batchStep.step().data().handledUnits();
        return unitIds.isEmpty() ? named : named.with("shipmentUnitIds", unitIds);
    }
}

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

    public ShipmentCustody(BatchRepository batches, BatchUnitRepository units, BatchSiteRepository batchSites,
            StepService steps, Ledger ledger, SiteRegistry sites) {
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
        for (BatchStep batchStep : ordered) {
            String coi = batchStep.coi().value();
            BatchEntity entity = locked.computeIfAbsent(coi, key -> batches.findForUpdate(batchStep.coi())
                    .orElseThrow(() -> new BatchNotFoundException(batchStep.coi())));
            LedgerHead head = heads.computeIfAbsent(coi, ledger::head);
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
        return new StagesRecorded(recorded);
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
     * Appends a custody event to the ledger of each batch, at the batch's current stage.
     *
     * @param site the site where it happened, or the shipment's id for a handover in transit
     */
    public List<CustodyEvent> appendToLedgers(Collection<String> cois, CustodyEventType type, Instant occurredAt,
            Actor actor, String site, ObjectNode payload) {
        SortedSet<String> ordered = new TreeSet<>(cois);
        List<CustodyEvent> events = new ArrayList<>();
        for (String coi : ordered) {
            BatchEntity entity = batches.findForUpdate(new Coi(coi)).orElseThrow(() -> new BatchNotFoundException(
                    new Coi(coi)));
            CustodyEvent event = ledger.append(ledger.head(coi), new Ledger.NewCustodyEvent(coi, type,
                    entity.stage().name(), occurredAt, actor, site, payload.deepCopy()));
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

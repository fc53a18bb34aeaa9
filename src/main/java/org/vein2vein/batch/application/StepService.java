package org.vein2vein.batch.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.batch.domain.Dose;
import org.vein2vein.batch.domain.DoseAlreadyAllocatedException;
import org.vein2vein.batch.domain.IdentityCheckpoint;
import org.vein2vein.batch.domain.IdentityScan;
import org.vein2vein.batch.domain.StepOutOfOrderException;
import org.vein2vein.batch.persistence.BatchCollections;
import org.vein2vein.batch.persistence.BatchEntity;
import org.vein2vein.batch.persistence.BatchRepository;
import org.vein2vein.batch.persistence.BatchSites;
import org.vein2vein.batch.persistence.BatchUnits;
import org.vein2vein.clock.application.WindowClocks;
import org.vein2vein.clock.domain.WindowClock;
import org.vein2vein.custody.application.Ledger;
import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.custody.domain.LedgerHead;
import org.vein2vein.kernel.Actor;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;
import org.vein2vein.platform.security.Caller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.product.domain.Phase;
import org.vein2vein.product.domain.QcResult;
import org.vein2vein.product.domain.ReleaseAssessment;
import org.vein2vein.product.domain.ReleaseSpecification;
import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.product.domain.TimeWindow;

/**
 * Records the steps of batches, and refuses those that are unsafe: out of the stage plan's order,
 * out of a time window, with an identity that does not match, units the batch does not have, or
 * a release the QC results do not support. Each step, its ledger event, outbox message and clock
 * changes are written in one transaction, under the batch's row lock.
 *
 * <p>Most refusals write nothing. Two rules keep the refused attempt on record, because the audit
 * trail must show what was tried: a missed time window, and an identity checkpoint that failed;
 * an identity mismatch also puts the batch (or the dose) on hold.
 */
@ApplicationScoped
@Transactional
public class StepService {

    /** The part of the service that puts batches on hold after an identity mismatch. */
    static final Actor HOLDS = Actor.system("vein2vein-identity-checkpoint");

    /** The stages that say why a batch left its path (their data is a reason). */
    private static final Set<Stage> EXITS_WITH_REASON = EnumSet.of(Stage.REJECTED, Stage.MANUFACTURING_FAILED,
            Stage.QUARANTINED, Stage.DESTROYED, Stage.CANCELLED);
    /** Of those, the ones that may concern one dose of an allogeneic lot, when their data names it. */
    private static final Set<Stage> ONE_DOSE_EXITS = EnumSet.of(Stage.QUARANTINED, Stage.DESTROYED, Stage.CANCELLED);

    private final BatchRepository batches;
    private final BatchSites batchSites;
    private final BatchUnits units;
    private final BatchCollections collections;
    private final BatchService batchService;
    private final PinnedRules pinnedRules;
    private final Ledger ledger;
    private final WindowClocks clocks;
    private final StepRules stepRules;
    private final QcResultsReader qcResults;
    private final ObjectMapper mapper;
    private final Clock clock;

    public StepService(BatchRepository batches, BatchSites batchSites, BatchUnits units, BatchCollections collections,
            BatchService batchService, PinnedRules pinnedRules, Ledger ledger, WindowClocks clocks,
            StepRules stepRules, QcResultsReader qcResults, ObjectMapper mapper, Clock clock) {
        this.batches = batches;
        this.batchSites = batchSites;
        this.units = units;
        this.collections = collections;
        this.batchService = batchService;
        this.pinnedRules = pinnedRules;
        this.ledger = ledger;
        this.clocks = clocks;
        this.stepRules = stepRules;
        this.qcResults = qcResults;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Records a step, or refuses it.
     *
     * @return the recorded step, or the refusal of a rule that keeps the attempt on record
     * @throws BatchNotFoundException when no batch has the COI, or the technician may not see it
     * @throws SiteNotPermittedException when the step's site is not one of the technician's
     * @throws StaleBatchException when the client's expected ledger sequence is not the batch's
     * @throws StepOutOfOrderException when the plan does not allow the stage now
     * @throws StepTimeException when the step is dated in the future or before the previous event
     * @throws InvalidStepDataException when the data lacks what this batch's step needs
     * @throws UnitNotInBatchException when the step names units the batch does not have
     * @throws IdentifierInUseException when a new unit id or donation id is taken
     * @throws ReleaseGateException when the QC results do not support a release (or an out-of-spec finding)
     * @throws TemperatureClassMismatchException when a shipment travels in another class than the product's
     */
    public StepOutcome logStep(Coi coi, LogStep step, Caller technician) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant latestAccepted = now.plus(stepRules.maxClockSkew());
        if (step.occurredAt().isAfter(latestAccepted)) {
            throw new StepTimeException(StepTimeException.Reason.IN_FUTURE, step.occurredAt(), latestAccepted);
        }
        BatchEntity entity = batches.findForUpdate(coi)
                .filter(found -> batchSites.anyOf(coi, technician.sites()))
                .orElseThrow(() -> new BatchNotFoundException(coi));
        BatchService.requireSite(technician, step.site());
        LedgerHead head = ledger.head(coi.value());
        if (step.expectedSequence().isPresent() && step.expectedSequence().getAsLong() != head.sequence()) {
            throw new StaleBatchException(step.expectedSequence().getAsLong(), head.sequence());
        }
        BatchRules rules = pinnedRules.of(entity);
        Batch batch = entity.toDomain(rules.plan());
        Step attempt = sequence(batch, step, rules);
        // Measured from what people recorded: a clock alert dated at its deadline must not stop a step that
        // really happened before it from being recorded with its true time.
        Optional<Instant> earliestAccepted = ledger.lastOccurredAtByPeople(coi.value())
                .map(last -> last.minus(stepRules.maxClockSkew()));
        if (earliestAccepted.isPresent() && step.occurredAt().isBefore(earliestAccepted.get())) {
            throw new StepTimeException(StepTimeException.Reason.BEFORE_PREVIOUS_EVENT, step.occurredAt(),
                    earliestAccepted.get());
        }
        checkUnitsAndIdentifiers(attempt, step);
        checkTemperatureClass(attempt, step, rules);
        ObjectNode payload = step.data().deepCopy();
        if (step.stage() == Stage.QC_TESTED) {
            payload.set("assessment", assessmentJson(release(rules, Stage.QC_TESTED).assess(step.facts().qcResults())));
        } else if (step.stage() == Stage.RELEASED || step.stage() == Stage.OUT_OF_SPEC) {
            checkReleaseGate(attempt, rules);
        }

        Actor actor = technician.actingAs(Roles.TECHNICIAN);
        List<MissedWindow> missed = missedWindows(attempt, step, rules);
        Optional<StepRefusal> refusal = identityRefusal(attempt, step, rules, actor)
                .or(() -> missed.isEmpty() || step.deviationReference().isPresent()
                        ? Optional.empty() : Optional.of(missed.get(0).refusal()));
        if (refusal.isPresent()) {
            return refuse(entity, attempt, step, refusal.get(), head, actor, now);
        }
        step.deviationReference().ifPresent(deviation -> payload.put("deviationReference", deviation));
        if (!missed.isEmpty()) {
            // Accepted under a deviation: the event says which windows it missed, and by how much.
            payload.set("missedWindows", mapper.valueToTree(missed.stream().map(MissedWindow::details).toList()));
        }
        return record(entity, attempt, step, payload, head, actor, now, rules);
    }

    /**
     * The step as the plan sees it: a step of the batch, or of one of an allogeneic lot's doses.
     *
     * @param dose the dose before the step, for a dose's step
     * @param next the batch after the step (unchanged by a dose's step)
     * @param nextDose the dose after the step
     */
    private record Step(Batch batch, Batch next, Optional<Dose> dose, Optional<Dose> nextDose) {

        Stage currentStage() {
            return dose.map(Dose::stage).orElse(batch.stage());
        }

        Stage reachedStage() {
            return nextDose.map(Dose::stage).orElse(next.stage());
        }

        /** The clock key of the step: the dose's unit id, or "" for the batch itself. */
        String clockUnit() {
            return dose.map(Dose::unitId).orElse("");
        }
    }

    private Step sequence(Batch batch, LogStep step, BatchRules rules) {
        Optional<String> doseUnit = doseOf(batch, step, rules);
        if (doseUnit.isEmpty()) {
            return new Step(batch, batch.advanceTo(step.stage()), Optional.empty(), Optional.empty());
        }
        if (batch.stage() != Stage.STORED) {
            throw new StepOutOfOrderException("batch " + batch.coi() + " is " + batch.stage()
                    + "; its doses move on their own once it is STORED, and", batch.stage(), step.stage(),
                    batch.allowedNextStages());
        }
        Dose dose = units.dose(batch.coi(), doseUnit.get())
                .orElseThrow(() -> new UnitNotInBatchException(batch.coi().value(), List.of(doseUnit.get())));
        if (step.stage() == Stage.ALLOCATED && dose.recipientReference().isPresent()
                && !dose.recipientReference().equals(step.facts().recipientReference())) {
            throw new DoseAlreadyAllocatedException(dose.unitId());
        }
        Dose next = dose.advanceTo(step.stage(), rules.plan());
        if (step.stage() == Stage.ALLOCATED) {
            next = next.allocatedTo(step.facts().recipientReference().orElseThrow());
        }
        return new Step(batch, batch, Optional.of(dose), Optional.of(next));
    }

    /**
     * The dose a step of an allogeneic lot handles on its own: any step after the lot is stored,
     * and a side exit that names a dose. Shipments and receipts carry one dose each.
     */
    private static Optional<String> doseOf(Batch batch, LogStep step, BatchRules rules) {
        Optional<String> named = step.facts().unitId();
        boolean oneDoseExit = ONE_DOSE_EXITS.contains(step.stage());
        if (named.isPresent() && EXITS_WITH_REASON.contains(step.stage())
                && !(oneDoseExit && batch.type() == BatchType.ALLOGENEIC)) {
            throw new InvalidStepDataException("data.unitId", "names a dose: only a quarantine, destruction or "
                    + "cancellation of one dose of an allogeneic lot names it; without it the step concerns the batch");
        }
        if (batch.type() != BatchType.ALLOGENEIC) {
            return Optional.empty();
        }
        if (oneDoseExit) {
            // With a unit id the exit is the dose's; without, the lot's.
            return named;
        }
        // A stored lot does not repeat STORED: that step is a dose returning to storage from quarantine.
        boolean doseStage = Dose.isDoseStage(step.stage(), rules.plan())
                || (step.stage() == Stage.STORED && batch.stage() == Stage.STORED);
        if (!doseStage) {
            return Optional.empty();
        }
        if (named.isPresent()) {
            return named;
        }
        if (step.facts().unitIds().size() == 1) {
            return Optional.of(step.facts().unitIds().get(0));
        }
        throw new InvalidStepDataException("data.unitIds", "must name exactly one dose: the doses of an allogeneic "
                + "lot travel one per shipment");
    }

    private void checkUnitsAndIdentifiers(Step attempt, LogStep step) {
        Batch batch = attempt.batch();
        StepFacts facts = step.facts();
        switch (step.stage()) {
            case COLLECTED -> {
                String din = facts.donationId().orElseThrow();
                if (collections.exists(din)) {
                    throw new IdentifierInUseException(IdentifierInUseException.Kind.DONATION_ID, List.of(din));
                }
            }
            case FORMULATED, SPLIT -> {
                List<String> taken = units.inUse(facts.newUnits());
                if (!taken.isEmpty()) {
                    throw new IdentifierInUseException(IdentifierInUseException.Kind.UNIT_ID, taken);
                }
            }
            case CRYOPRESERVED, STORED -> requireUnitsOf(batch, facts.unitIds());
            case SHIPPED_TO_SITE -> {
                if (facts.unitIds().isEmpty()) {
                    throw new InvalidStepDataException("data.unitIds", "must list the units shipped");
                }
                if (facts.outOfStorageSince().isEmpty()) {
                    throw new InvalidStepDataException("data.outOfStorageSince",
                            "must say when the units left controlled storage to be packed");
                }
                if (facts.outOfStorageSince().get().isAfter(step.occurredAt())) {
                    throw new InvalidStepDataException("data.outOfStorageSince", "must not be after occurredAt");
                }
                if (attempt.dose().isEmpty()) {
                    requireUnitsOf(batch, facts.unitIds());
                }
            }
            case RECEIVED_AT_SITE -> {
                if (facts.unitIds().isEmpty()) {
                    throw new InvalidStepDataException("data.unitIds", "must list the units received");
                }
            }
            default -> {
                // No units or identifiers of its own to check.
            }
        }
        if (step.stage() == Stage.INFUSED) {
            IdentityScan scan = facts.identityScan().orElseThrow();
            if (batch.type() == BatchType.AUTOLOGOUS && scan.patientReference().isEmpty()) {
                throw new InvalidStepDataException("data.identityCheck.patientReference",
                        "must be scanned from the patient's wristband at the bedside");
            }
            if (batch.type() == BatchType.ALLOGENEIC && scan.recipientReference().isEmpty()) {
                throw new InvalidStepDataException("data.identityCheck.recipientReference",
                        "must be scanned from the recipient's wristband at the bedside");
            }
        }
    }

    /**
     * A shipment travels in the temperature class the product keeps in that phase: fresh starting
     * material as the product says (frozen, if it was cryopreserved at collection), the final
     * product as its transport class says.
     */
    private static void checkTemperatureClass(Step attempt, LogStep step, BatchRules rules) {
        Optional<TemperatureClass> declared = step.facts().temperatureClass();
        if (declared.isEmpty() || rules.temperatureClasses().isEmpty()) {
            return;
        }
        Stage leaving = attempt.batch().resumeStage().orElse(attempt.batch().stage());
        TemperatureClass required;
        if (step.stage() == Stage.SHIPPED_TO_SITE) {
            required = rules.temperatureClasses().get(Phase.FINAL_PRODUCT_TRANSPORT);
        } else if (leaving == Stage.CRYOPRESERVED_AT_COLLECTION) {
            required = TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C;
        } else {
            required = rules.temperatureClasses().get(Phase.STARTING_MATERIAL);
        }
        if (declared.get() != required) {
            throw new TemperatureClassMismatchException(step.stage(), declared.get(), required);
        }
    }

    private void requireUnitsOf(Batch batch, List<String> named) {
        Set<String> own = new TreeSet<>();
        units.of(batch.coi()).forEach(unit -> own.add(unit.unitId()));
        List<String> foreign = named.stream().filter(unit -> !own.contains(unit)).toList();
        if (!foreign.isEmpty()) {
            throw new UnitNotInBatchException(batch.coi().value(), foreign);
        }
    }

    private void checkReleaseGate(Step attempt, BatchRules rules) {
        Stage stage = attempt.next().stage();
        ReleaseSpecification release = release(rules, stage);
        List<QcResult> results = ledger.latestStepData(attempt.batch().coi().value(), Stage.QC_TESTED.name())
                .map(qcResults::read).orElse(List.of());
        ReleaseAssessment assessment = release.assess(results);
        if (stage == Stage.RELEASED && !assessment.inSpecification()) {
            throw new ReleaseGateException(stage, assessment, "batch " + attempt.batch().coi()
                    + " cannot be released: its QC results are not all in and within specification");
        }
        if (stage == Stage.OUT_OF_SPEC && assessment.inSpecification()) {
            throw new ReleaseGateException(stage, assessment, "batch " + attempt.batch().coi()
                    + " has every QC result in and within specification: it is not out of specification");
        }
    }

    private static ReleaseSpecification release(BatchRules rules, Stage stage) {
        return rules.release().orElseThrow(() -> new ReleaseGateException(stage, null,
                "the batch was registered before products existed and has no release specification"));
    }

    private Optional<StepRefusal> identityRefusal(Step attempt, LogStep step, BatchRules rules, Actor actor) {
        if (!IdentityCheckpoint.isCheckpoint(step.stage())) {
            return Optional.empty();
        }
        IdentityScan scan = step.facts().identityScan().orElseThrow();
        Optional<String> handledUnit = step.stage() == Stage.THAWED || step.stage() == Stage.INFUSED
                ? step.facts().unitId() : Optional.empty();
        List<String> mismatches = new ArrayList<>(IdentityCheckpoint.mismatches(attempt.batch(), step.stage(), scan,
                handledUnit, attempt.dose().flatMap(Dose::recipientReference)));
        // A bag of another batch at the bedside is the mix-up the checkpoint exists for.
        if (handledUnit.isPresent() && attempt.dose().isEmpty() && units.of(attempt.batch().coi()).stream()
                .noneMatch(unit -> unit.unitId().equals(handledUnit.get()))) {
            mismatches.add("unit " + handledUnit.get() + " is not a unit of batch " + attempt.batch().coi());
        }
        // Where a step handles several units, a scanned unit must be one of them.
        List<String> stepUnits = step.stage() == Stage.FORMULATED ? step.facts().newUnits() : step.facts().unitIds();
        if (handledUnit.isEmpty() && scan.scannedUnitId().isPresent()
                && !stepUnits.contains(scan.scannedUnitId().get())) {
            mismatches.add("the scanned unit " + scan.scannedUnitId().get() + " is not one of the units of this step");
        }
        if (step.stage() == Stage.RECEIVED_AT_SITE) {
            Set<String> shipped = attempt.dose().map(dose -> Set.of(dose.unitId()))
                    .orElseGet(() -> shippedUnits(attempt.batch().coi()));
            Set<String> received = new TreeSet<>(step.facts().unitIds());
            if (!received.equals(new TreeSet<>(shipped))) {
                mismatches.add("the units received " + received + " are not the units shipped " + new TreeSet<>(shipped));
            }
        }
        if (!mismatches.isEmpty()) {
            return Optional.of(new StepRefusal(StepRefusal.Kind.IDENTITY_MISMATCH,
                    "Identity check failed at " + step.stage() + ": " + String.join("; ", mismatches)
                            + ". The " + (attempt.dose().isPresent() ? "dose" : "batch") + " is on hold until QA decides.",
                    Map.of("mismatches", mismatches), true));
        }
        if (rules.twoPersonVerification() && IdentityCheckpoint.lacksSecondVerifier(scan, actor.id())) {
            return Optional.of(new StepRefusal(StepRefusal.Kind.SECOND_VERIFIER_REQUIRED,
                    "This product requires two different verifiers at identity checkpoints: name the second one, "
                            + "who is not you, in data.identityCheck.witness.", Map.of(), false));
        }
        return Optional.empty();
    }

    private Set<String> shippedUnits(Coi coi) {
        Set<String> shipped = new TreeSet<>();
        ledger.latestStepData(coi.value(), Stage.SHIPPED_TO_SITE.name())
                .map(data -> data.path("unitIds"))
                .ifPresent(list -> list.forEach(unit -> shipped.add(unit.asText())));
        return shipped;
    }

    /** A window the step ends too late. */
    private record MissedWindow(TimeWindow window, Instant startedAt, Duration missedBy) {

        Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("window", window.name());
            details.put("max", window.max().toString());
            details.put("startedAt", startedAt.toString());
            details.put("deadline", startedAt.plus(window.max()).toString());
            details.put("missedBy", missedBy.toString());
            return details;
        }

        StepRefusal refusal() {
            return new StepRefusal(StepRefusal.Kind.TIME_WINDOW_MISSED, "The " + window.name() + " window ("
                    + window.max() + " from " + window.from() + " to " + window.to() + ") was missed by " + missedBy
                    + ". Record the step with the documented deviation in deviationReference, or hold the batch.",
                    details(), false);
        }
    }

    /** The product's windows that end at this step and whose deadline it comes after. */
    private List<MissedWindow> missedWindows(Step attempt, LogStep step, BatchRules rules) {
        String coi = attempt.batch().coi().value();
        List<MissedWindow> missed = new ArrayList<>();
        for (TimeWindow window : rules.windows()) {
            if (window.to() != step.stage()) {
                continue;
            }
            Optional<Instant> started = window.from() == window.to()
                    ? step.facts().outOfStorageSince()
                    : runningClock(coi, attempt.clockUnit(), window).map(WindowClock::startedAt);
            if (started.isEmpty()) {
                continue;
            }
            Duration overrun = Duration.between(started.get().plus(window.max()), step.occurredAt());
            if (!overrun.isNegative() && !overrun.isZero()) {
                missed.add(new MissedWindow(window, started.get(), overrun));
            }
        }
        return missed;
    }

    /** A dose's window may have started with the dose or, before the lot was split, with the lot. */
    private Optional<WindowClock> runningClock(String coi, String unit, TimeWindow window) {
        Optional<WindowClock> own = clocks.find(coi, unit, window.name());
        Optional<WindowClock> found = own.isPresent() || unit.isEmpty() ? own : clocks.find(coi, "", window.name());
        return found.filter(running -> running.stoppedAt().isEmpty());
    }

    private StepOutcome refuse(BatchEntity entity, Step attempt, LogStep step, StepRefusal refusal, LedgerHead head,
            Actor actor, Instant now) {
        Coi coi = attempt.batch().coi();
        ObjectNode payload = mapper.createObjectNode();
        payload.put("attemptedStage", step.stage().name());
        attempt.dose().ifPresent(dose -> payload.put("unitId", dose.unitId()));
        payload.put("refusal", refusal.kind().name());
        payload.put("detail", refusal.detail());
        payload.set("details", mapper.valueToTree(refusal.details()));
        payload.set("data", step.data());
        CustodyEvent rejection = ledger.append(head, new Ledger.NewCustodyEvent(coi.value(),
                CustodyEventType.STEP_REJECTED, attempt.currentStage().name(), step.occurredAt(), actor, step.site(),
                payload));
        Log.infof("Batch %s: %s refused (%s), attempt recorded as event %d", coi, step.stage(), refusal.kind(),
                rejection.sequence());
        Optional<CustodyEvent> hold = Optional.empty();
        Batch batch = attempt.batch();
        // A batch (or dose) resuming from a hold that fails again stays on hold: the rejection is the record.
        boolean alreadyHeld = attempt.currentStage() == Stage.QUARANTINED;
        if (refusal.holds() && !alreadyHeld) {
            ObjectNode reason = mapper.createObjectNode().put("reason", "IDENTITY_DOUBT")
                    .put("rejectedAttempt", rejection.sequence());
            Instant heldAt = step.occurredAt().isAfter(now) ? step.occurredAt() : now;
            if (attempt.dose().isPresent()) {
                Dose held = attempt.dose().get().advanceTo(Stage.QUARANTINED, batch.plan());
                units.save(held, now);
                reason.put("unitId", held.unitId());
            } else {
                batch = batch.advanceTo(Stage.QUARANTINED);
                entity.apply(batch, now);
            }
            hold = Optional.of(ledger.append(LedgerHead.of(rejection), new Ledger.NewCustodyEvent(coi.value(),
                    CustodyEventType.STEP_RECORDED, Stage.QUARANTINED.name(), heldAt, HOLDS, step.site(), reason)));
            if (attempt.dose().isEmpty()) {
                entity.stateSetBy(hold.get().sequence());
            }
            Log.infof("Batch %s: %s put on hold after an identity mismatch, event %d", coi,
                    attempt.dose().map(dose -> "dose " + dose.unitId()).orElse("batch"), hold.get().sequence());
        }
        CustodyEvent last = hold.orElse(rejection);
        return new StepOutcome.Refused(batchService.state(entity, batch, LedgerHead.of(last)), refusal, rejection, hold);
    }

    private StepOutcome record(BatchEntity entity, Step attempt, LogStep step, ObjectNode payload, LedgerHead head,
            Actor actor, Instant now, BatchRules rules) {
        Coi coi = attempt.batch().coi();
        StepFacts facts = step.facts();
        entity.apply(attempt.next(), now);
        attempt.nextDose().ifPresent(dose -> units.save(dose, now));
        // The checks before found the identifiers free; a concurrent step on another batch may have
        // taken one since. Then the whole step rolls back.
        switch (step.stage()) {
            case COLLECTED -> {
                if (!collections.add(coi, facts.donationId().orElseThrow(), step.occurredAt())) {
                    throw new IdentifierInUseException(IdentifierInUseException.Kind.DONATION_ID,
                            List.of(facts.donationId().get()));
                }
            }
            case FORMULATED, SPLIT -> {
                List<String> taken = units.add(coi, step.stage() == Stage.SPLIT ? BatchUnits.Kind.DOSE
                        : BatchUnits.Kind.BAG, facts.newUnits(), now);
                if (!taken.isEmpty()) {
                    throw new IdentifierInUseException(IdentifierInUseException.Kind.UNIT_ID, taken);
                }
            }
            case STORED -> units.storeSplitDoses(coi);
            case CANCELLED, DESTROYED, MANUFACTURING_FAILED -> {
                if (attempt.dose().isEmpty()) {
                    units.endDoses(coi, step.stage());
                }
            }
            default -> {
                // Nothing kept beside the batch's stage and its ledger.
            }
        }
        batchSites.add(coi, step.site());
        facts.destinationSite().ifPresent(site -> batchSites.add(coi, site));
        CustodyEvent event = ledger.append(head, new Ledger.NewCustodyEvent(coi.value(),
                CustodyEventType.STEP_RECORDED, attempt.reachedStage().name(), step.occurredAt(), actor, step.site(),
                payload));
        if (attempt.dose().isEmpty()) {
            entity.stateSetBy(event.sequence());
        }
        clocks.stageReached(coi.value(), attempt.clockUnit(), attempt.reachedStage(), step.occurredAt(),
                attempt.reachedStage().isFinal(), rules.windows());
        if (attempt.dose().isPresent()) {
            // A window the lot started (e.g. from RELEASED) that a dose's step ends: the first such step stops it.
            List<TimeWindow> fromTheLot = rules.windows().stream()
                    .filter(window -> window.to() == attempt.reachedStage()
                            && !Dose.isDoseStage(window.from(), rules.plan()))
                    .toList();
            clocks.stageReached(coi.value(), "", attempt.reachedStage(), step.occurredAt(), false, fromTheLot);
        }
        Log.infof("Batch %s: %s%s recorded as event %d", coi, attempt.reachedStage(),
                attempt.dose().map(dose -> " of dose " + dose.unitId()).orElse(""), event.sequence());
        return new StepOutcome.Recorded(batchService.state(entity, attempt.next(), LedgerHead.of(event)), event);
    }

    private JsonNode assessmentJson(ReleaseAssessment assessment) {
        ObjectNode json = mapper.createObjectNode();
        json.put("inSpecification", assessment.inSpecification());
        ArrayNode verdicts = json.putArray("verdicts");
        assessment.verdicts().forEach(verdict -> verdicts.addObject()
                .put("test", verdict.test().name())
                .put("withinSpecification", verdict.withinSpecification())
                .put("criterion", verdict.criterion()));
        ArrayNode missing = json.putArray("missingTests");
        assessment.missing().stream().sorted().forEach(test -> missing.add(test.name()));
        return json;
    }
}

package org.vein2vein.batch.application;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.batch.domain.Dose;
import org.vein2vein.batch.domain.ProductRules;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.batch.domain.rules.DoseRouting;
import org.vein2vein.batch.domain.rules.Step;
import org.vein2vein.batch.domain.rules.StepChannel;
import org.vein2vein.batch.domain.rules.StepContext;
import org.vein2vein.batch.persistence.CollectionRepository;
import org.vein2vein.batch.persistence.BatchUnitRepository;
import org.vein2vein.batch.persistence.QcResultRepository;
import org.vein2vein.clock.application.ClockService;
import org.vein2vein.clock.domain.WindowClock;
import org.vein2vein.custody.application.Ledger;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.QcResult;
import org.vein2vein.product.domain.TimeWindow;

/**
 * Reads, once per step and under the batch's row lock, everything the safety rules need to know: the
 * batch's units and when a person last recorded an event always, QC results, identifiers in use and
 * running window clocks only for the stages that ask for them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StepContextLoader {

    private final BatchUnitRepository units;
    private final CollectionRepository collections;
    private final QcResultRepository qcResults;
    private final Ledger ledger;
    private final ClockService clocks;
    private final ClockSkewConfig skew;

    public StepContextLoader(BatchUnitRepository units, CollectionRepository collections, QcResultRepository qcResults,
            Ledger ledger, ClockService clocks, ClockSkewConfig skew) {
        this.units = units;
        this.collections = collections;
        this.qcResults = qcResults;
        this.ledger = ledger;
        this.clocks = clocks;
        this.skew = skew;
    }

    /** @throws org.vein2vein.batch.domain.rules.StepRefusedException when the data names the wrong dose */
    public StepContext load(Batch batch, ProductRules rules, Step step, String actorId, Instant now,
            StepChannel channel) {
        Optional<String> doseUnit = DoseRouting.doseUnit(batch, step);
        Optional<Dose> dose = doseUnit.flatMap(unit -> units.dose(batch.coi(), unit));
        List<QcResult> results = step.stage() == Stage.RELEASED || step.stage() == Stage.OUT_OF_SPEC
                ? qcResults.of(batch.coi()) : List.of();
        return new StepContext(step, batch, doseUnit, dose, rules,
                units.of(batch.coi()).stream().map(BatchUnitRepository.StoredUnit::toDomain).toList(),
                identifiersTaken(step.data()), ledger.lastOccurredAtByPeople(batch.coi().value()),
                windowStarts(batch, doseUnit, rules, step.stage()), results, actorId, now, skew.maxClockSkew(), channel);
    }

    /** Of the identifiers the step brings into being, those some batch already uses. */
    private Set<String> identifiersTaken(StageData data) {
        Set<String> taken = new HashSet<>();
        if (data instanceof StageData.Collection collection && collections.exists(collection.donationId())) {
            taken.add(collection.donationId());
        }
        List<String> newUnits = data.newUnits().stream().map(StageData.LabelledUnit::unitId).toList();
        taken.addAll(units.inUse(newUnits));
        return taken;
    }

    /**
     * When each running window that this stage ends started: a dose's window may have started with the
     * dose or, before the lot was split, with the lot.
     */
    private Map<String, Instant> windowStarts(Batch batch, Optional<String> doseUnit, ProductRules rules,
            Stage stage) {
        Map<String, Instant> starts = new HashMap<>();
        String coi = batch.coi().value();
        for (TimeWindow window : rules.windows()) {
            if (window.to() != stage || window.from() == window.to()) {
                continue;
            }
            Optional<WindowClock> own = clocks.find(coi, doseUnit.orElse(WindowClock.BATCH_LEVEL), window.name());
            Optional<WindowClock> found = own.isPresent() || doseUnit.isEmpty() ? own
                    : clocks.find(coi, WindowClock.BATCH_LEVEL, window.name());
            found.filter(running -> running.stoppedAt().isEmpty())
                    .ifPresent(running -> starts.put(window.name(), running.startedAt()));
        }
        return starts;
    }
}

package org.vein2vein.batch.domain.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.Dose;
import org.vein2vein.batch.domain.ProductRules;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.QcResult;

/**
 * Everything the safety rules know of a step, loaded once before they run, under the batch's row
 * lock: the step, the batch (and the dose of an allogeneic lot the step concerns), the rules of the
 * product version it is pinned to, its units, and the state its earlier steps left.
 *
 * @param doseUnit               the dose the step concerns, for a dose's own step (see {@link DoseRouting})
 * @param dose                   that dose, if the lot has it
 * @param identifiersTaken       of the identifiers the step brings into being (unit ids, a donation id),
 *                               those another batch already uses
 * @param lastOccurredAtByPeople when the newest event a person recorded happened: the service's own
 *                               (clock alerts, holds) are dated by rule, not by anyone acting
 * @param windowStarts           when each running time window that concerns this step started, by name
 * @param qcResults              the results of the batch's latest QC_TESTED step
 * @param actorId                the technician logging the step, its first verifier
 * @param maxClockSkew           how far clocks of devices and servers may disagree
 * @param channel                who logs the step, through which door
 */
public record StepContext(Step step, Batch batch, Optional<String> doseUnit, Optional<Dose> dose, ProductRules rules, List<BatchUnit> units,
        Set<String> identifiersTaken, Optional<Instant> lastOccurredAtByPeople, Map<String, Instant> windowStarts,
        List<QcResult> qcResults, String actorId, Instant now, Duration maxClockSkew, StepChannel channel) {

    public StepContext {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(doseUnit, "doseUnit");
        Objects.requireNonNull(dose, "dose");
        Objects.requireNonNull(rules, "rules");
        units = List.copyOf(units);
        identifiersTaken = Set.copyOf(identifiersTaken);
        Objects.requireNonNull(lastOccurredAtByPeople, "lastOccurredAtByPeople");
        windowStarts = Map.copyOf(windowStarts);
        qcResults = List.copyOf(qcResults);
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        Objects.requireNonNull(channel, "channel");
    }

    /** Where the step starts from: the dose's stage for a dose's step, else the batch's. */
    public Stage currentStage() {
        return dose.map(Dose::stage).orElse(batch.stage());
    }

    /** QA may take a whole batch off its path wherever its units are. */
    public boolean byQualityAssurance() {
        return channel == StepChannel.QUALITY_ASSURANCE;
    }

    public boolean isDoseStep() {
        return doseUnit.isPresent();
    }

    public Optional<BatchUnit> unit(String unitId) {
        return units.stream().filter(unit -> unit.unitId().equals(unitId)).findFirst();
    }

}

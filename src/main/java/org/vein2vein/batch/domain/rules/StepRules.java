package org.vein2vein.batch.domain.rules;

import java.util.List;

/**
 * The safety rules a step must pass, in the order they run: the first refusal decides. Refusals that
 * write nothing come before those that keep the attempt on record, so that an attempt is only ever
 * recorded when it failed nothing but an identity, verifier or time-window check. New rules plug in
 * here, each a class of its own with plain unit tests.
 */
public final class StepRules {

    public static final List<SafetyRule> IN_ORDER = List.of(
            // Before the order: a second allocation of a dose is refused as such, not as ALLOCATED out of order.
            new RecordedByShipments(),
            new DoseAllocatedOnce(),
            new StageOrder(),
            new NotBeforePreviousEvent(),
            new RequiredStepData(),
            new UniqueIdentifiers(),
            new UnitMembership(),
            new HandledUnitsAtTheStepSite(),
            new BatchStepsWhereTheMaterialIs(),
            new LotExitByItsHolder(),
            new ThawedBeforeInfusion(),
            new TravelsInTheProductsTemperatureClass(),
            new LabelledDoseWithinRange(),
            new ReleaseGate(),
            new IdentityCheckpoints(),
            new SecondVerifier(),
            new TimeWindows());

    private StepRules() {
    }
}

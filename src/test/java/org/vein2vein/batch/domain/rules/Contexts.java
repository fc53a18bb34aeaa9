package org.vein2vein.batch.domain.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.UnitCustody;
import org.vein2vein.batch.domain.Dose;
import org.vein2vein.batch.domain.IdentityScan;
import org.vein2vein.batch.domain.ProductRules;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;
import org.vein2vein.kernel.StagePlan;
import org.vein2vein.product.domain.DoseRange;
import org.vein2vein.product.domain.Phase;
import org.vein2vein.product.domain.QcResult;
import org.vein2vein.product.domain.ReleaseSpecification;
import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.product.domain.TimeWindow;

/** Step contexts for the rules' unit tests: a batch at a stage, a step, and what the record holds. */
final class Contexts {

    static final Coi COI = Coi.parse("V2V7K3Q9P2XRTB");
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final String ACTOR = "tech-lyon-01";
    /** Where steps of these contexts happen, and where their units are unless a test moves them. */
    static final String SITE = "SITE-LYON-01";
    static final DoseRange DOSE = new DoseRange(100_000_000, 500_000_000);
    static final ReleaseSpecification RELEASE = new ReleaseSpecification(BigDecimal.valueOf(80), DOSE, true, true,
            BigDecimal.valueOf(5), BigDecimal.valueOf(5));

    private BatchType type = BatchType.AUTOLOGOUS;
    private Stage stage = Stage.ORDERED;
    private Optional<Stage> resume = Optional.empty();
    private Step step;
    private Optional<String> doseUnit = Optional.empty();
    private Optional<Dose> dose = Optional.empty();
    private final List<TimeWindow> windows = new ArrayList<>();
    private Optional<ReleaseSpecification> release = Optional.of(RELEASE);
    private boolean twoPerson = true;
    private final Map<Phase, TemperatureClass> classes = new HashMap<>(Map.of(
            Phase.STARTING_MATERIAL, TemperatureClass.FRESH_2_TO_8_C,
            Phase.FINAL_PRODUCT_STORAGE, TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C,
            Phase.FINAL_PRODUCT_TRANSPORT, TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C));
    private final List<BatchUnit> units = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();
    private Optional<Instant> lastByPeople = Optional.empty();
    private final Map<String, Instant> windowStarts = new HashMap<>();
    private List<QcResult> qcResults = List.of();
    private StepChannel channel = StepChannel.TECHNICIAN;

    private Contexts(Step step) {
        this.step = step;
    }

    /** A step at {@code stage} with {@code data}, dated now. */
    static Contexts step(Stage stage, StageData data) {
        return new Contexts(new Step(stage, NOW, SITE, Optional.empty(), data));
    }

    Contexts allogeneic() {
        type = BatchType.ALLOGENEIC;
        return this;
    }

    /** The batch is at {@code current}. */
    Contexts at(Stage current) {
        stage = current;
        return this;
    }

    Contexts heldFrom(Stage resumeStage) {
        stage = Stage.QUARANTINED;
        resume = Optional.of(resumeStage);
        return this;
    }

    Contexts dose(String unitId, Stage doseStage, Optional<String> recipient) {
        doseUnit = Optional.of(unitId);
        dose = Optional.of(new Dose(COI, unitId, doseStage, Optional.empty(), recipient));
        return this;
    }

    Contexts missingDose(String unitId) {
        doseUnit = Optional.of(unitId);
        dose = Optional.empty();
        return this;
    }

    Contexts occurredAt(Instant at) {
        step = new Step(step.stage(), at, step.site(), step.deviationReference(), step.data());
        return this;
    }

    Contexts underDeviation(String reference) {
        step = new Step(step.stage(), step.occurredAt(), step.site(), Optional.of(reference), step.data());
        return this;
    }

    Contexts window(TimeWindow window, Instant startedAt) {
        windows.add(window);
        if (startedAt != null) {
            windowStarts.put(window.name(), startedAt);
        }
        return this;
    }

    Contexts withoutProduct() {
        release = Optional.empty();
        classes.clear();
        return this;
    }

    Contexts singlePersonVerification() {
        twoPerson = false;
        return this;
    }

    Contexts unit(BatchUnit unit) {
        units.add(unit);
        return this;
    }

    Contexts taken(String identifier) {
        taken.add(identifier);
        return this;
    }

    Contexts lastRecordedByPeopleAt(Instant at) {
        lastByPeople = Optional.of(at);
        return this;
    }

    Contexts channel(StepChannel through) {
        channel = through;
        return this;
    }

    Contexts qcResults(List<QcResult> results) {
        qcResults = results;
        return this;
    }

    StepContext build() {
        StagePlan plan = StagePlan.standard(type);
        Batch batch = new Batch(COI, type, "PSN-0001", "CART-TEST", "SITE-LYON-01", plan, stage, resume);
        ProductRules rules = new ProductRules(plan, windows, release, twoPerson, classes);
        return new StepContext(step, batch, doseUnit, dose, rules, units, taken, lastByPeople, windowStarts,
                qcResults, ACTOR, NOW, Duration.ofMinutes(2), channel);
    }

    static IdentityScan scan(String coi, String unit, String witness) {
        return new IdentityScan(coi, Optional.ofNullable(unit), Optional.empty(), Optional.empty(),
                Optional.ofNullable(witness));
    }

    static BatchUnit bag(String unitId, long labelledCells) {
        return new BatchUnit(unitId, BatchUnit.Kind.BAG, Optional.of(labelledCells), false, 
                UnitCustody.at(SITE, "HOSP-LYON"));
    }

    static StageData.LabelledUnit labelled(String unitId, long cells) {
        return new StageData.LabelledUnit(unitId, BigDecimal.valueOf(70), cells);
    }

    static Refusal refusalOf(Ruling ruling) {
        return ((Ruling.Refused) ruling).refusal();
    }
}

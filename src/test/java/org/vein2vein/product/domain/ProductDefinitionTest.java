package org.vein2vein.product.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Stage;
import org.vein2vein.kernel.StagePlan;

class ProductDefinitionTest {

    static final List<TimeWindow> WINDOWS = List.of(
            new TimeWindow("collection-to-receipt", Stage.COLLECTED, Stage.RECEIVED_AT_MANUFACTURING, Duration.ofHours(48)),
            new TimeWindow("out-of-storage-while-packing", Stage.SHIPPED_TO_SITE, Stage.SHIPPED_TO_SITE,
                    Duration.ofMinutes(30)),
            new TimeWindow("thaw-to-infusion", Stage.THAWED, Stage.INFUSED, Duration.ofHours(1)));
    static final ReleaseSpecification RELEASE = new ReleaseSpecification(BigDecimal.valueOf(80),
            new DoseRange(60_000_000, 600_000_000), true, true, new BigDecimal("5.0"), BigDecimal.valueOf(5));
    static final Map<Phase, TemperatureClass> TEMPERATURES = Map.of(
            Phase.STARTING_MATERIAL, TemperatureClass.FRESH_2_TO_8_C,
            Phase.FINAL_PRODUCT_STORAGE, TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C,
            Phase.FINAL_PRODUCT_TRANSPORT, TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C);

    @ParameterizedTest
    @EnumSource(BatchType.class)
    void theStandardPlanOfEachTypeMakesAValidDefinition(BatchType type) {
        assertThat(standard(type).violations()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(BatchType.class)
    void aPlanRebuiltFromItsTransitionsAllowsExactlyWhatTheStandardPlanAllows(BatchType type) {
        StagePlan standard = StagePlan.standard(type);
        StagePlan rebuilt = standard(type).stagePlan();

        assertThat(rebuilt).isEqualTo(standard);
        for (Stage stage : Stage.values()) {
            for (Optional<Stage> resume : List.of(Optional.<Stage>empty(), Optional.of(Stage.EXPANDED))) {
                assertThat(rebuilt.allowedAfter(stage, resume)).as("after %s", stage)
                        .isEqualTo(standard.allowedAfter(stage, resume));
            }
        }
        assertThat(standard.repeatable()).containsExactlyInAnyOrder(Stage.COLLECTED, Stage.EXPANDED);
    }

    @Test
    void aPlanThatNeverReachesInfusionIsRefused() {
        List<StagePlan.Transition> transitions = new ArrayList<>(plan(BatchType.AUTOLOGOUS));
        transitions.removeIf(t -> t.from() == Stage.THAWED);

        assertThat(fields(withPlan(transitions, Set.of()))).contains("stagePlan.transitions");
        assertThat(messages(withPlan(transitions, Set.of()))).anyMatch(m -> m.contains("from ORDERED to INFUSED"));
    }

    @Test
    void nothingShipsToTheSiteWithoutPassingRelease() {
        List<StagePlan.Transition> transitions = new ArrayList<>(plan(BatchType.AUTOLOGOUS));
        transitions.replaceAll(t -> t.from() == Stage.QC_TESTED
                ? new StagePlan.Transition(Stage.QC_TESTED, Set.of(Stage.RELEASED, Stage.STORED)) : t);

        assertThat(messages(withPlan(transitions, Set.of()))).anyMatch(m -> m.contains("must pass RELEASED"));
    }

    @Test
    void sideExitsFinalStagesAndDuplicatesDoNotBelongInAPlan() {
        List<StagePlan.Transition> transitions = new ArrayList<>(plan(BatchType.AUTOLOGOUS));
        transitions.add(new StagePlan.Transition(Stage.INFUSED, Set.of(Stage.DESTROYED)));
        transitions.add(new StagePlan.Transition(Stage.ORDERED, Set.of(Stage.CANCELLED)));

        assertThat(fields(withPlan(transitions, Set.of()))).contains("stagePlan.transitions[17].from",
                "stagePlan.transitions[18].from", "stagePlan.transitions[18].to");
    }

    @Test
    void anAutologousPlanHasNoSplitOrAllocation() {
        ProductDefinition allogeneicPlan = new ProductDefinition("CART-X", "Test product", BatchType.AUTOLOGOUS,
                plan(BatchType.ALLOGENEIC), Set.of(), TEMPERATURES, WINDOWS, RELEASE, true);

        assertThat(messages(allogeneicPlan)).contains("SPLIT and ALLOCATED are allogeneic stages");
    }

    @Test
    void aStageWithoutAWayOnIsADeadEnd() {
        List<StagePlan.Transition> transitions = new ArrayList<>(plan(BatchType.AUTOLOGOUS));
        transitions.removeIf(t -> t.from() == Stage.OUT_OF_SPEC);

        assertThat(messages(withPlan(transitions, Set.of()))).anyMatch(m -> m.startsWith("OUT_OF_SPEC is a dead end"));
    }

    @Test
    void onlyStagesOfThePlanThatSomethingFollowsMayRepeat() {
        assertThat(fields(withPlan(plan(BatchType.AUTOLOGOUS), Set.of(Stage.SPLIT)))).contains("stagePlan.repeatable");
        assertThat(fields(withPlan(plan(BatchType.AUTOLOGOUS), Set.of(Stage.INFUSED)))).contains("stagePlan.repeatable");
    }

    @Test
    void windowsNameStagesOfThePlanInTheirOrder() {
        List<TimeWindow> windows = List.of(
                new TimeWindow("allocation-to-shipment", Stage.ALLOCATED, Stage.SHIPPED_TO_SITE, Duration.ofHours(1)),
                new TimeWindow("backwards", Stage.THAWED, Stage.RECEIVED_AT_SITE, Duration.ofHours(1)),
                new TimeWindow("backwards", Stage.COLLECTED, Stage.INFUSED, Duration.ZERO),
                new TimeWindow("No Capitals", Stage.COLLECTED, Stage.INFUSED, Duration.ofDays(31)));
        ProductDefinition definition = new ProductDefinition("CART-X", "Test product", BatchType.AUTOLOGOUS,
                plan(BatchType.AUTOLOGOUS), Set.of(), TEMPERATURES, windows, RELEASE, true);

        assertThat(fields(definition)).containsExactlyInAnyOrder("timeWindows[0].from", "timeWindows[1].to",
                "timeWindows[2].name", "timeWindows[2].max", "timeWindows[3].name", "timeWindows[3].max");
    }

    @Test
    void everyPhaseNeedsATemperatureClass() {
        ProductDefinition definition = new ProductDefinition("CART-X", "Test product", BatchType.AUTOLOGOUS,
                plan(BatchType.AUTOLOGOUS), Set.of(), Map.of(Phase.STARTING_MATERIAL, TemperatureClass.FRESH_2_TO_8_C),
                WINDOWS, RELEASE, true);

        assertThat(fields(definition)).containsExactlyInAnyOrder("temperatureClasses.FINAL_PRODUCT_STORAGE",
                "temperatureClasses.FINAL_PRODUCT_TRANSPORT");
    }

    @Test
    void theReleaseSpecificationsRangesMustHoldTogether() {
        ReleaseSpecification inconsistent = new ReleaseSpecification(new BigDecimal("100.5"), new DoseRange(0, -1),
                false, false, BigDecimal.ZERO, new BigDecimal("-1"));
        ProductDefinition definition = new ProductDefinition("CART-X", "Test product", BatchType.AUTOLOGOUS,
                plan(BatchType.AUTOLOGOUS), Set.of(), TEMPERATURES, WINDOWS, inconsistent, true);

        assertThat(fields(definition)).containsExactlyInAnyOrder("release.minViabilityPercent", "release.dose.min",
                "release.dose.max", "release.sterilityNegative", "release.mycoplasmaNegative",
                "release.maxEndotoxinEuPerMl", "release.maxVectorCopiesPerCell");
    }

    @Test
    void validatedThrowsWithEveryViolation() {
        ProductDefinition definition = new ProductDefinition("lower", "x", BatchType.AUTOLOGOUS,
                plan(BatchType.AUTOLOGOUS), Set.of(), TEMPERATURES, WINDOWS, RELEASE, true);

        assertThatThrownBy(definition::validated).isInstanceOfSatisfying(InvalidProductDefinitionException.class,
                e -> assertThat(e.violations()).extracting(DefinitionViolation::field).containsExactly("code", "name"));
    }

    static ProductDefinition standard(BatchType type) {
        StagePlan plan = StagePlan.standard(type);
        return new ProductDefinition("CART-X", "Test product", type, plan.transitions(), plan.repeatable(),
                TEMPERATURES, WINDOWS, RELEASE, true);
    }

    private static List<StagePlan.Transition> plan(BatchType type) {
        return StagePlan.standard(type).transitions();
    }

    private static ProductDefinition withPlan(List<StagePlan.Transition> transitions, Set<Stage> repeatable) {
        return new ProductDefinition("CART-X", "Test product", BatchType.AUTOLOGOUS, transitions,
                repeatable.isEmpty() ? EnumSet.noneOf(Stage.class) : repeatable, TEMPERATURES, WINDOWS, RELEASE, true);
    }

    private static List<String> fields(ProductDefinition definition) {
        return definition.violations().stream().map(DefinitionViolation::field).toList();
    }

    private static List<String> messages(ProductDefinition definition) {
        return definition.violations().stream().map(DefinitionViolation::message).toList();
    }
}

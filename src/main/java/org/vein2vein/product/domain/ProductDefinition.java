package org.vein2vein.product.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Stage;
import org.vein2vein.kernel.StagePlan;

/**
 * What a product is and the rules its batches follow: the stage plan, the temperature class of
 * each phase, the time windows between steps, the release specification and whether identity
 * checkpoints need a second person. A definition is checked whole by {@link #validated()} before
 * it is saved as a new version.
 *
 * @param transitions the stage plan's main path, one transition per stage it leaves
 * @param repeatable  the stages that may be logged again right after themselves
 */
public record ProductDefinition(String code, String name, BatchType type, List<StagePlan.Transition> transitions,
        Set<Stage> repeatable, Map<Phase, TemperatureClass> temperatureClasses, List<TimeWindow> timeWindows,
        ReleaseSpecification release, boolean twoPersonVerification) {

    /** The shape of a product's name: letters of any script, digits, spaces and the punctuation of names. */
    public static final String NAME_SHAPE = "[\\p{L}\\p{N} .,()/+'-]{3,100}";
    /** The shape of a time window's name, e.g. collection-to-receipt. */
    public static final String WINDOW_NAME_SHAPE = "[a-z0-9][a-z0-9-]{2,63}";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    private static final Pattern NAME = Pattern.compile(NAME_SHAPE);
    private static final Pattern WINDOW_NAME = Pattern.compile(WINDOW_NAME_SHAPE);
    /** Longer than any real window (dry shippers hold about ten days): a typo, not a rule. */
    private static final Duration LONGEST_WINDOW = Duration.ofDays(30);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<Stage> ALLOGENEIC_ONLY = EnumSet.of(Stage.SPLIT, Stage.ALLOCATED);
    /** The QC gate: a product reaches these only after its release. */
    private static final Set<Stage> RELEASE_REQUIRED = EnumSet.of(Stage.ALLOCATED, Stage.SHIPPED_TO_SITE);

    public ProductDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(release, "release");
        transitions = List.copyOf(transitions);
        repeatable = Set.copyOf(repeatable);
        temperatureClasses = Map.copyOf(temperatureClasses);
        timeWindows = List.copyOf(timeWindows);
    }

    /** The plan a batch of this product follows; only for a valid definition. */
    public StagePlan stagePlan() {
        return StagePlan.of(transitions, repeatable);
    }

    /**
     * This definition, if nothing is wrong with it.
     *
     * @throws InvalidProductDefinitionException listing everything that is wrong
     */
    public ProductDefinition validated() {
        List<DefinitionViolation> violations = violations();
        if (!violations.isEmpty()) {
            throw new InvalidProductDefinitionException(code, violations);
        }
        return this;
    }

    /** Everything wrong with this definition; empty when it may be saved. */
    public List<DefinitionViolation> violations() {
        List<DefinitionViolation> found = new ArrayList<>();
        if (!CODE.matcher(code).matches()) {
            found.add(new DefinitionViolation("code", "must be 2 to 32 upper-case letters, digits or '-'"));
        }
        if (!NAME.matcher(name).matches()) {
            found.add(new DefinitionViolation("name", "must be 3 to 100 letters, digits, spaces or .,()/+'-"));
        }
        boolean planValid = checkPlan(found);
        checkTemperatures(found);
        if (planValid) {
            checkWindows(found);
        }
        checkRelease(found);
        return List.copyOf(found);
    }

    private boolean checkPlan(List<DefinitionViolation> found) {
        int before = found.size();
        Set<Stage> froms = EnumSet.noneOf(Stage.class);
        for (int i = 0; i < transitions.size(); i++) {
            StagePlan.Transition transition = transitions.get(i);
            String field = "stagePlan.transitions[" + i + "]";
            if (!froms.add(transition.from())) {
                found.add(new DefinitionViolation(field + ".from", transition.from() + " has another transition"));
            }
            if (transition.from().isFinal() || transition.from().isSideExit()) {
                found.add(new DefinitionViolation(field + ".from", transition.from()
                        + " ends the journey or is a side exit: nothing in the plan follows it"));
            }
            if (transition.to().contains(Stage.ORDERED)) {
                found.add(new DefinitionViolation(field + ".to", "ORDERED only starts the journey"));
            }
            if (transition.to().stream().anyMatch(Stage::isSideExit)) {
                found.add(new DefinitionViolation(field + ".to",
                        "side exits (QUARANTINED, CANCELLED) are open from every stage; the plan does not list them"));
            }
        }
        if (type == BatchType.AUTOLOGOUS && transitions.stream()
                .anyMatch(t -> ALLOGENEIC_ONLY.contains(t.from()) || t.to().stream().anyMatch(ALLOGENEIC_ONLY::contains))) {
            found.add(new DefinitionViolation("stagePlan.transitions", "SPLIT and ALLOCATED are allogeneic stages"));
        }
        if (found.size() > before) {
            return false;
        }
        StagePlan plan = stagePlan();
        Set<Stage> reachable = plan.reachableFrom(Stage.ORDERED);
        if (!reachable.contains(Stage.INFUSED)) {
            found.add(new DefinitionViolation("stagePlan.transitions", "the plan must lead from ORDERED to INFUSED"));
        }
        for (int i = 0; i < transitions.size(); i++) {
            if (!reachable.contains(transitions.get(i).from())) {
                found.add(new DefinitionViolation("stagePlan.transitions[" + i + "].from",
                        transitions.get(i).from() + " cannot be reached from ORDERED"));
            }
        }
        for (Stage stage : reachable) {
            if (!stage.isFinal() && !froms.contains(stage)) {
                found.add(new DefinitionViolation("stagePlan.transitions",
                        stage + " is a dead end: the plan says neither what follows it nor that it ends the journey"));
            }
        }
        if (reachableWithout(Stage.RELEASED).stream().anyMatch(RELEASE_REQUIRED::contains)) {
            found.add(new DefinitionViolation("stagePlan.transitions", "every path to " + RELEASE_REQUIRED
                    + " must pass RELEASED: nothing ships to a treatment site unless released"));
        }
        for (Stage stage : repeatable) {
            if (!reachable.contains(stage) || stage.isFinal()) {
                found.add(new DefinitionViolation("stagePlan.repeatable",
                        stage + " is not a stage of the plan that something may follow"));
            }
        }
        return found.size() == before;
    }

    /** The stages the plan reaches from ORDERED without passing {@code avoided}. */
    private Set<Stage> reachableWithout(Stage avoided) {
        Map<Stage, Set<Stage>> next = new EnumMap<>(Stage.class);
        transitions.forEach(transition -> next.put(transition.from(), transition.to()));
        Set<Stage> reached = EnumSet.of(Stage.ORDERED);
        Deque<Stage> pending = new ArrayDeque<>(reached);
        while (!pending.isEmpty()) {
            for (Stage following : next.getOrDefault(pending.pop(), Set.of())) {
                if (following != avoided && reached.add(following)) {
                    pending.push(following);
                }
            }
        }
        return reached;
    }

    private void checkTemperatures(List<DefinitionViolation> found) {
        for (Phase phase : Phase.values()) {
            if (!temperatureClasses.containsKey(phase)) {
                found.add(new DefinitionViolation("temperatureClasses." + phase, "every phase needs a temperature class"));
            }
        }
    }

    private void checkWindows(List<DefinitionViolation> found) {
        StagePlan plan = stagePlan();
        Set<Stage> stages = plan.reachableFrom(Stage.ORDERED);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < timeWindows.size(); i++) {
            TimeWindow window = timeWindows.get(i);
            String field = "timeWindows[" + i + "]";
            if (!WINDOW_NAME.matcher(window.name()).matches()) {
                found.add(new DefinitionViolation(field + ".name", "must be 3 to 64 lower-case letters, digits or '-'"));
            } else if (!names.add(window.name())) {
                found.add(new DefinitionViolation(field + ".name", "another window has this name"));
            }
            if (!stages.contains(window.from())) {
                found.add(new DefinitionViolation(field + ".from", window.from() + " is not a stage of the plan"));
            } else if (!stages.contains(window.to())) {
                found.add(new DefinitionViolation(field + ".to", window.to() + " is not a stage of the plan"));
            } else if (!plan.reachableFrom(window.from()).contains(window.to())) {
                found.add(new DefinitionViolation(field + ".to", window.to() + " never follows " + window.from()));
            }
            if (window.max().isNegative() || window.max().isZero() || window.max().compareTo(LONGEST_WINDOW) > 0) {
                found.add(new DefinitionViolation(field + ".max", "must be longer than zero and at most P30D"));
            }
        }
    }

    private void checkRelease(List<DefinitionViolation> found) {
        if (release.minViabilityPercent().signum() <= 0 || release.minViabilityPercent().compareTo(HUNDRED) > 0) {
            found.add(new DefinitionViolation("release.minViabilityPercent", "must be above 0 and at most 100"));
        }
        if (release.dose().min() < 1) {
            found.add(new DefinitionViolation("release.dose.min", "must be at least 1 cell"));
        }
        if (release.dose().max() < release.dose().min()) {
            found.add(new DefinitionViolation("release.dose.max", "must not be below release.dose.min"));
        }
        if (!release.sterilityNegative()) {
            found.add(new DefinitionViolation("release.sterilityNegative", "a lot is released only sterile: must be true"));
        }
        if (!release.mycoplasmaNegative()) {
            found.add(new DefinitionViolation("release.mycoplasmaNegative",
                    "a lot is released only free of mycoplasma: must be true"));
        }
        if (release.maxEndotoxinEuPerMl().signum() <= 0) {
            found.add(new DefinitionViolation("release.maxEndotoxinEuPerMl", "must be above 0"));
        }
        if (release.maxVectorCopiesPerCell().signum() <= 0) {
            found.add(new DefinitionViolation("release.maxVectorCopiesPerCell", "must be above 0"));
        }
    }
}

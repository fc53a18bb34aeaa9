package org.vein2vein.product.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Stage;
import org.vein2vein.kernel.StagePlan;
import org.vein2vein.product.domain.DefinitionViolation;
import org.vein2vein.product.domain.DoseRange;
import org.vein2vein.product.domain.InvalidProductDefinitionException;
import org.vein2vein.product.domain.Phase;
import org.vein2vein.product.domain.ProductDefinition;
import org.vein2vein.product.domain.ReleaseSpecification;
import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.product.domain.TimeWindow;

/**
 * A product definition as an admin sends it, whole, to create a product or to make its next
 * version. Shapes are checked here; whether the rules make sense together, by the domain.
 */
@Schema(name = "ProductDefinition")
public record ProductRequest(
        @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE)
        @Schema(required = true, description = "The product code batches name; on PUT, the code of the path",
                example = "CART-GD2-AUTO") String code,
        @NotNull @Size(min = 3, max = 100)
        @Schema(required = true, pattern = ProductDefinition.NAME_SHAPE, example = "Anti-GD2 CAR-T, autologous")
        String name,
        @NotNull @Schema(required = true, description = "The batch type of the product; a product keeps its type")
        BatchType type,
        @NotNull @Valid @Schema(required = true) StagePlanBody stagePlan,
        @NotNull @Schema(required = true, description = "The temperature class of every phase")
        Map<Phase, @NotNull TemperatureClass> temperatureClasses,
        @NotNull @Size(max = 50) @Schema(required = true) List<@NotNull @Valid TimeWindowBody> timeWindows,
        @NotNull @Valid @Schema(required = true) ReleaseBody release,
        @NotNull @Schema(required = true, description = "Whether identity checkpoints need a second person")
        Boolean twoPersonVerification) {

    static final String CODE = "[A-Z0-9][A-Z0-9-]{1,31}";
    /** As many stages as there are: a set of stages never needs more. */
    static final int STAGES = 25;
    static final long MAX_CELLS = 1_000_000_000_000L;
    static final String CODE_MESSAGE = "must be 2 to 32 upper-case letters, digits or '-'";

    /**
     * The definition this request describes; whether it is valid is the domain's to say.
     *
     * @throws InvalidProductDefinitionException when a window's duration is not an ISO-8601 duration
     */
    ProductDefinition toDefinition() {
        List<TimeWindow> windows = new ArrayList<>();
        List<DefinitionViolation> unreadable = new ArrayList<>();
        for (int i = 0; i < timeWindows.size(); i++) {
            TimeWindowBody window = timeWindows.get(i);
            try {
                windows.add(new TimeWindow(window.name(), window.from(), window.to(), Duration.parse(window.max())));
            } catch (DateTimeParseException e) {
                unreadable.add(new DefinitionViolation("timeWindows[" + i + "].max",
                        "must be an ISO-8601 duration such as PT48H or PT30M"));
            }
        }
        if (!unreadable.isEmpty()) {
            throw new InvalidProductDefinitionException(code, unreadable);
        }
        List<StagePlan.Transition> transitions = stagePlan.transitions().stream()
                .map(transition -> new StagePlan.Transition(transition.from(), transition.to())).toList();
        return new ProductDefinition(code, name, type, transitions, stagePlan.repeatable(), temperatureClasses,
                windows, new ReleaseSpecification(release.minViabilityPercent(),
                        new DoseRange(release.dose().min(), release.dose().max()), release.sterilityNegative(),
                        release.mycoplasmaNegative(), release.maxEndotoxinEuPerMl(), release.maxVectorCopiesPerCell()),
                twoPersonVerification);
    }

    /** The stage plan: transitions of the main path, and the stages that may repeat. */
    @Schema(name = "StagePlan", description = "A stage is optional when a transition leads past it. QUARANTINED and "
            + "CANCELLED are open from every stage that is not final and are not listed.")
    public record StagePlanBody(
            @NotNull @Size(max = 100) @Schema(required = true) List<@NotNull @Valid TransitionBody> transitions,
            @NotNull @Size(max = STAGES, message = "must list at most " + STAGES + " stages")
            @Schema(required = true, description = "Stages that may be logged again right after themselves, "
                    + "e.g. several collections or expansion measurements") Set<@NotNull Stage> repeatable) {
    }

    /** From one stage, the stages that may come next. */
    @Schema(name = "StageTransition")
    public record TransitionBody(
            @NotNull @Schema(required = true) Stage from,
            @NotNull @NotEmpty @Size(max = STAGES, message = "must list 1 to " + STAGES + " stages")
            @Schema(required = true) Set<@NotNull Stage> to) {
    }

    /** The longest time allowed from one step to another. */
    @Schema(name = "TimeWindow", description = "From the step at 'from' to the step at 'to'; a window from a stage to "
            + "itself bounds a period within that step, e.g. time out of storage while packing for SHIPPED_TO_SITE")
    public record TimeWindowBody(
            @NotNull @Schema(required = true, pattern = ProductDefinition.WINDOW_NAME_SHAPE,
                    example = "collection-to-receipt") String name,
            @NotNull @Schema(required = true, example = "COLLECTED") Stage from,
            @NotNull @Schema(required = true, example = "RECEIVED_AT_MANUFACTURING") Stage to,
            @NotNull @Size(max = 40)
            @Schema(required = true, description = "ISO-8601 duration", example = "PT48H") String max) {
    }

    /** What QC must show for QA to release a lot. */
    @Schema(name = "ReleaseSpecification")
    public record ReleaseBody(
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be above 0 %")
            @DecimalMax(value = "100", message = "must be at most 100 %")
            @Digits(integer = 3, fraction = 2,
                    message = "must have at most 3 digits before the decimal point and 2 after")
            @Schema(required = true, description = "Lowest viability, percent, to 2 decimal places", example = "80")
            BigDecimal minViabilityPercent,
            @NotNull @Valid @Schema(required = true) DoseBody dose,
            @NotNull @Schema(required = true, description = "Must be true: a lot is released only sterile")
            Boolean sterilityNegative,
            @NotNull @Schema(required = true, description = "Must be true: a lot is released only free of mycoplasma")
            Boolean mycoplasmaNegative,
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be above 0 EU/mL")
            @DecimalMax(value = "10000", message = "must be at most 10000 EU/mL")
            @Digits(integer = 5, fraction = 4,
                    message = "must have at most 5 digits before the decimal point and 4 after")
            @Schema(required = true, description = "Highest endotoxin, EU/mL, to 4 decimal places", example = "5.0")
            BigDecimal maxEndotoxinEuPerMl,
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be above 0 copies per cell")
            @DecimalMax(value = "100", message = "must be at most 100 copies per cell")
            @Digits(integer = 3, fraction = 4,
                    message = "must have at most 3 digits before the decimal point and 4 after")
            @Schema(required = true, description = "Highest vector copy number, copies per cell, to 4 decimal places",
                    example = "5") BigDecimal maxVectorCopiesPerCell) {
    }

    /** The labelled dose range. */
    @Schema(name = "DoseRange", description = "CAR-positive viable T cells per dose, both ends included")
    public record DoseBody(
            @NotNull @Min(value = 1, message = "must be at least 1 cell")
            @Max(value = MAX_CELLS, message = "must be at most 10^12 cells")
            @Schema(required = true, example = "60000000") Long min,
            @NotNull @Min(value = 1, message = "must be at least 1 cell")
            @Max(value = MAX_CELLS, message = "must be at most 10^12 cells")
            @Schema(required = true, example = "600000000") Long max) {
    }
}

package org.vein2vein.batch.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.StagePlan;
import org.vein2vein.product.domain.Phase;
import org.vein2vein.product.domain.ReleaseSpecification;
import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.product.domain.TimeWindow;

/**
 * The rules a batch follows, from the product version it is pinned to.
 *
 * @param release            empty only for a batch from before products existed: it cannot be released
 * @param temperatureClasses the class each phase keeps the product in; empty for such a batch too
 */
public record ProductRules(StagePlan plan, List<TimeWindow> windows, Optional<ReleaseSpecification> release,
        boolean twoPersonVerification, Map<Phase, TemperatureClass> temperatureClasses) {

    public ProductRules {
        Objects.requireNonNull(plan, "plan");
        windows = List.copyOf(windows);
        Objects.requireNonNull(release, "release");
        temperatureClasses = Map.copyOf(temperatureClasses);
    }

    /** The rules of a batch registered before products existed: the standard plan of its type, and no other. */
    public static ProductRules standardOnly(BatchType type) {
        return new ProductRules(StagePlan.standard(type), List.of(), Optional.empty(), false, Map.of());
    }
}

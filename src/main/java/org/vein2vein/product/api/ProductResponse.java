package org.vein2vein.product.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.kernel.Actor;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.Phase;
import org.vein2vein.product.domain.ProductDefinition;
import org.vein2vein.product.domain.ProductVersion;
import org.vein2vein.product.domain.ReleaseSpecification;
import org.vein2vein.product.domain.TemperatureClass;

/** One version of a product's definition, with who saved it and when. */
@Schema(name = "Product")
public record ProductResponse(
        @Schema(example = "CART-GD2-AUTO") String code,
        @Schema(description = "The version; also the ETag. A batch follows the version it was registered with.",
                example = "1") int version,
        String name,
        BatchType type,
        ProductRequest.StagePlanBody stagePlan,
        Map<Phase, TemperatureClass> temperatureClasses,
        List<ProductRequest.TimeWindowBody> timeWindows,
        ProductRequest.ReleaseBody release,
        boolean twoPersonVerification,
        Instant createdAt,
        @Schema(description = "The admin who saved this version; for the demo products of embedded mode and "
                + "tests, the service itself (role system)") Actor createdBy) {

    static ProductResponse of(ProductVersion version) {
        ProductDefinition definition = version.definition();
        List<ProductRequest.TransitionBody> transitions = definition.transitions().stream()
                .map(t -> new ProductRequest.TransitionBody(t.from(), inPlanOrder(t.to()))).toList();
        List<ProductRequest.TimeWindowBody> windows = definition.timeWindows().stream()
                .map(w -> new ProductRequest.TimeWindowBody(w.name(), w.from(), w.to(), w.max().toString())).toList();
        ReleaseSpecification release = definition.release();
        return new ProductResponse(definition.code(), version.version(), definition.name(), definition.type(),
                new ProductRequest.StagePlanBody(transitions, inPlanOrder(definition.repeatable())),
                new TreeMap<>(definition.temperatureClasses()), windows,
                new ProductRequest.ReleaseBody(release.minViabilityPercent(),
                        new ProductRequest.DoseBody(release.dose().min(), release.dose().max()),
                        release.sterilityNegative(), release.mycoplasmaNegative(), release.maxEndotoxinEuPerMl(),
                        release.maxVectorCopiesPerCell()),
                definition.twoPersonVerification(), version.createdAt(), version.createdBy());
    }

    /** Strong entity tag: each saved change is a new version. */
    String etag() {
        return Integer.toString(version);
    }

    private static Set<Stage> inPlanOrder(Set<Stage> stages) {
        return new TreeSet<>(stages);
    }
}

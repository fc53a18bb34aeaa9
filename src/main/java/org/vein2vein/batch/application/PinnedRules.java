package org.vein2vein.batch.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;

import org.vein2vein.batch.persistence.BatchEntity;
import org.vein2vein.kernel.StagePlan;
import org.vein2vein.product.application.ProductCatalogue;
import org.vein2vein.product.domain.ProductDefinition;

/** Finds the rules of the product version a batch is pinned to. */
@ApplicationScoped
public class PinnedRules {

    private final ProductCatalogue products;

    public PinnedRules(ProductCatalogue products) {
        this.products = products;
    }

    /**
     * The rules of the stored batch. A batch without a version was registered before products
     * existed, for a product the catalogue does not hold: it keeps the standard plan of its type,
     * the one all batches followed then, and no other rule.
     */
    public BatchRules of(BatchEntity entity) {
        OptionalInt pinned = entity.productVersion();
        if (pinned.isEmpty()) {
            return new BatchRules(StagePlan.standard(entity.type()), List.of(), Optional.empty(), false, Map.of());
        }
        // The database's foreign key guarantees the pinned version exists.
        ProductDefinition definition = products.version(entity.productCode(), pinned.getAsInt())
                .orElseThrow(() -> new IllegalStateException("batch pinned to missing product version "
                        + entity.productCode() + " " + pinned.getAsInt()))
                .definition();
        return new BatchRules(definition.stagePlan(), definition.timeWindows(), Optional.of(definition.release()),
                definition.twoPersonVerification(), definition.temperatureClasses());
    }
}

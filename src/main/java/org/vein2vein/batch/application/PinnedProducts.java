package org.vein2vein.batch.application;

import java.util.Optional;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;

import org.vein2vein.batch.domain.ProductRules;
import org.vein2vein.batch.persistence.BatchEntity;
import org.vein2vein.product.application.ProductCatalogue;
import org.vein2vein.product.domain.ProductDefinition;

/** The rules of the product version each batch is pinned to. */
@ApplicationScoped
public class PinnedProducts {

    private final ProductCatalogue products;

    public PinnedProducts(ProductCatalogue products) {
        this.products = products;
    }

    /**
     * The rules of the stored batch. A batch without a version was registered before products
     * existed, for a product the catalogue does not hold: it keeps the standard plan of its type,
     * the one all batches followed then, and no other rule.
     */
    public ProductRules rulesOf(BatchEntity entity) {
        OptionalInt pinned = entity.productVersion();
        if (pinned.isEmpty()) {
            return ProductRules.standardOnly(entity.type());
        }
        // The database's foreign key guarantees the pinned version exists.
        ProductDefinition definition = products.version(entity.productCode(), pinned.getAsInt())
                .orElseThrow(() -> new IllegalStateException("batch pinned to missing product version "
                        + entity.productCode() + " " + pinned.getAsInt()))
                .definition();
        return new ProductRules(definition.stagePlan(), definition.timeWindows(), Optional.of(definition.release()),
                definition.twoPersonVerification(), definition.temperatureClasses());
    }
}

package org.vein2vein.product.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

import org.vein2vein.kernel.Actor;
import org.vein2vein.platform.demo.DemoDataConfig;
import org.vein2vein.product.domain.ProductDefinition;

/**
 * Creates the {@link DemoProducts} at start where they are enabled and absent. A product with the
 * code, whatever its definition, is left as it is; replicas starting at once create each one once.
 */
@ApplicationScoped
public class DemoProductsAtStart {

    /** Who the versions these products start with were saved by. */
    static final Actor AUTHOR = Actor.system("demo-products");

    private final DemoDataConfig config;
    private final ProductCatalogue catalogue;

    public DemoProductsAtStart(DemoDataConfig config, ProductCatalogue catalogue) {
        this.config = config;
        this.catalogue = catalogue;
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            createWhereAbsent();
        }
    }

    /** Creates each demo product whose code no product has; safe to call any number of times. */
    public void createWhereAbsent() {
        for (ProductDefinition product : DemoProducts.all()) {
            if (catalogue.createIfAbsent(product, AUTHOR).isPresent()) {
                Log.warnf("Demo product %s created: fictional, for embedded mode and tests only", product.code());
            }
        }
    }
}

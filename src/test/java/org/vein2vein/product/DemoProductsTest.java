package org.vein2vein.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.kernel.Actor;
import org.vein2vein.product.application.DemoProducts;
import org.vein2vein.product.application.DemoProductsAtStart;
import org.vein2vein.product.application.ProductCatalogue;
import org.vein2vein.product.domain.ProductDefinition;
import org.vein2vein.product.domain.ProductVersion;

/**
 * Tests start as embedded mode does, with the demo products; starting again, or several replicas
 * starting at once, creates each one once.
 */
@QuarkusTest
class DemoProductsTest {

    private static final int REPLICAS = 6;

    @Inject
    DemoProductsAtStart demoProducts;

    @Inject
    ProductCatalogue catalogue;

    @Test
    void startingAgainCreatesNothingAndChangesNothing() {
        long products = Products.productRows();
        long versions = Products.versionRows();
        Optional<ProductVersion> before = catalogue.version(DemoProducts.AUTOLOGOUS_CODE, 1);

        demoProducts.createWhereAbsent();

        assertThat(Products.productRows()).isEqualTo(products);
        assertThat(Products.versionRows()).isEqualTo(versions);
        assertThat(catalogue.current(DemoProducts.AUTOLOGOUS_CODE)).isEqualTo(before);
    }

    @Test
    void replicasCreatingOneProductAtOnceCreateItOnce() throws Exception {
        ProductDefinition product = withCode(DemoProducts.autologous(), Products.newCode("CART-RACE"));
        long versions = Products.versionRows();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            List<Future<Optional<ProductVersion>>> created = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                created.add(replicas.submit(() -> {
                    go.await();
                    return catalogue.createIfAbsent(product, Actor.system("demo-products"));
                }));
            }
            go.countDown();

            int made = 0;
            for (Future<Optional<ProductVersion>> replica : created) {
                made += replica.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(made).isEqualTo(1);
            assertThat(Products.versionRows()).isEqualTo(versions + 1);
        } finally {
            replicas.shutdownNow();
        }
    }

    private static ProductDefinition withCode(ProductDefinition definition, String code) {
        return new ProductDefinition(code, definition.name(), definition.type(), definition.transitions(),
                definition.repeatable(), definition.temperatureClasses(), definition.timeWindows(),
                definition.release(), definition.twoPersonVerification());
    }
}

package org.vein2vein.product.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether the fictional {@link DemoProducts} are created at start. */
@ConfigMapping(prefix = "vein2vein.demo-products")
public interface DemoProductsConfig {

    /**
     * True in embedded mode (when this process started the embedded PostgreSQL) and in tests, through
     * application.properties; false for a database the service is pointed at.
     */
    @WithDefault("false")
    boolean enabled();
}

package org.vein2vein.platform.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether the fictional demo data (sites, products) is created at start where absent. */
@ConfigMapping(prefix = "vein2vein.demo-data")
public interface DemoDataConfig {

    /**
     * True in embedded mode (when this process started the embedded PostgreSQL) and in tests, through
     * application.properties; false for a database the service is pointed at.
     */
    @WithDefault("false")
    boolean enabled();
}

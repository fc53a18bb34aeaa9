package org.vein2vein.platform.embedded;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the default build: brings up embedded PostgreSQL and Kafka when no connection is
 * configured, then the service. The production build ({@code -Dproduction}) leaves this package
 * out, so Quarkus's own entry point runs and nothing embedded can start.
 */
@QuarkusMain
public class Vein2veinMain {

    public static void main(String... args) {
        EmbeddedMode.startWhatIsNotConfigured();
        Quarkus.run(args);
    }
}

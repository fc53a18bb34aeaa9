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
        try {
            EmbeddedMode.startWhatIsNotConfigured();
        } catch (EmbeddedStartRefused refused) {
            // The message is the whole answer (another instance on the folder, a port taken, no binaries
            // for this platform): a stack trace around it would only hide it.
            System.err.println(refused.getMessage());
            System.exit(1);
        }
        Quarkus.run(args);
    }
}

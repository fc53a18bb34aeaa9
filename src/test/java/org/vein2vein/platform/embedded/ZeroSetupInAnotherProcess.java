package org.vein2vein.platform.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A zero-setup start with embedded PostgreSQL in a JVM of its own, as a second vein2vein on the
 * same machine would be: it holds the data folder until its standard input closes or it is killed.
 * Usage: {@code ZeroSetupInAnotherProcess DATA_FOLDER POSTGRES_PORT}.
 */
final class ZeroSetupInAnotherProcess {

    static final String STARTED = "ZERO-SETUP STARTED";

    private ZeroSetupInAnotherProcess() {
    }

    public static void main(String[] args) throws IOException {
        try (EmbeddedServers servers = EmbeddedServers.start(Path.of(args[0]),
                OptionalInt.of(Integer.parseInt(args[1])), OptionalInt.empty())) {
            System.out.println(STARTED + " pid " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Runs until the test kills it.
            }
        }
    }
}

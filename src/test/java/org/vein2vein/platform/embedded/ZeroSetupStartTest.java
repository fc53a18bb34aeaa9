package org.vein2vein.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-setup start's ports and data folder: default ports no client connection can take, and
 * messages that say truly what holds the way. Ports here are free ones the test picks, so that a
 * test run never clashes with a vein2vein running on the default ports.
 */
class ZeroSetupStartTest {

    /** Linux's default ephemeral range starts here; macOS's and Windows's (49152-65535) start higher. */
    private static final int LOWEST_COMMON_EPHEMERAL_PORT = 32768;
    private static final Path LINUX_EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration START_DEADLINE = Duration.ofMinutes(3);
    private static final List<Logger> CHATTY_LOGGERS = Stream.of("kafka", "org.apache.kafka", "io.zonky")
            .map(Logger::getLogger).toList();

    @BeforeAll
    static void keepOnlyWarningsFromChattyLoggers() {
        CHATTY_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    @Test
    void defaultPortsLieBelowEveryCommonEphemeralRangeAndAboveTheWellKnownPorts() throws IOException {
        List<Integer> defaults = List.of(EmbeddedMode.DEFAULT_POSTGRES_PORT, EmbeddedMode.DEFAULT_KAFKA_PORT);

        assertThat(defaults).allSatisfy(port -> assertThat(port).isBetween(1024, LOWEST_COMMON_EPHEMERAL_PORT - 1));
        if (Files.isReadable(LINUX_EPHEMERAL_RANGE)) {
            // Not Files.readString: on JDK 17 it reads a /proc file, which reports size 0, short.
            String[] range = Files.readAllLines(LINUX_EPHEMERAL_RANGE).get(0).strip().split("\\s+");
            int lowest = Integer.parseInt(range[0]);
            int highest = Integer.parseInt(range[1]);
            assertThat(defaults).as("this machine's ephemeral range %d-%d", lowest, highest)
                    .allSatisfy(port -> assertThat(port < lowest || port > highest).isTrue());
        }
    }

    @Test
    void aPortHeldAsTheLocalPortOfAClientConnectionIsReportedAsAnotherProcessWithTheSettingToChange(
            @TempDir Path dataFolder) throws IOException {
        // How the old defaults failed: the system gave a client connection the port as its local port.
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK); Socket client = new Socket()) {
            client.bind(new InetSocketAddress(LOOPBACK, 0));
            client.connect(server.getLocalSocketAddress());
            int heldPort = client.getLocalPort();

            assertThatThrownBy(() -> EmbeddedServers.start(dataFolder, OptionalInt.empty(), OptionalInt.of(heldPort)))
                    .isInstanceOf(EmbeddedStartRefused.class)
                    .hasMessageStartingWith("Port " + heldPort + " for the embedded Kafka is in use by another process")
                    .hasMessageContaining("not by a vein2vein on the data folder " + dataFolder)
                    .hasMessageContaining(EmbeddedMode.KAFKA_PORT_VARIABLE)
                    .hasMessageNotContaining("already running");
        }
        // The refused start let go of the data folder.
        EmbeddedServers.start(dataFolder, OptionalInt.empty(), OptionalInt.empty()).close();
    }

    @Test
    void aSecondStartOnTheSameDataFolderIsRefusedAndAKilledOneBlocksNothing(@TempDir Path temporary)
            throws IOException, InterruptedException, SQLException {
        Path dataFolder = temporary.resolve("data");
        Path output = temporary.resolve("first-vein2vein.log");
        Process first = startInAnotherProcess(dataFolder, output);
        try {
            await().atMost(START_DEADLINE).until(() -> hasStarted(first, output));

            assertThatThrownBy(() -> EmbeddedServers.start(dataFolder, OptionalInt.of(0), OptionalInt.of(0)))
                    .isInstanceOf(EmbeddedStartRefused.class)
                    .hasMessage("Another vein2vein is already running on the data folder " + dataFolder + " (pid "
                            + first.pid() + "). Stop it first, or give this one another data folder with "
                            + EmbeddedMode.DATA_DIR_VARIABLE + ".");
            // Started as a user starts it, the refusal is the message alone, and the exit status says so.
            Path secondOutput = temporary.resolve("second-vein2vein.log");
            Process second = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                    "-Dvein2vein.data-dir=" + dataFolder, Vein2veinMain.class.getName())
                    .redirectErrorStream(true).redirectOutput(secondOutput.toFile()).start();
            assertThat(second.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(Files.readString(secondOutput, StandardCharsets.UTF_8))
                    .contains("Another vein2vein is already running on the data folder " + dataFolder)
                    .doesNotContain("Exception", "\tat ");

            // kill -9: no shutdown hook runs, the lock file stays, and PostgreSQL outlives the JVM.
            first.destroyForcibly();
            assertThat(first.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(dataFolder.resolve(DataFolderLock.FILE_NAME)).exists();
            long leftOverPostgres = postmasterPid(dataFolder);
            assertThat(ProcessHandle.of(leftOverPostgres).filter(ProcessHandle::isAlive)).isPresent();

            try (EmbeddedServers next = EmbeddedServers.start(dataFolder, OptionalInt.of(0), OptionalInt.empty());
                    Connection connection = connect(next.postgres().orElseThrow())) {
                assertThat(connection.isValid(5)).isTrue();
                assertThat(ProcessHandle.of(leftOverPostgres).filter(ProcessHandle::isAlive)).isEmpty();
            }
        } finally {
            first.destroyForcibly();
            first.waitFor(1, TimeUnit.MINUTES);
            // Should the test fail half-way, leave no PostgreSQL behind.
            EmbeddedPostgresServer.stopServerLeftRunning(EmbeddedServers.postgresDirectory(dataFolder));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Process startInAnotherProcess(Path dataFolder, Path output) throws IOException {
        return new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                ZeroSetupInAnotherProcess.class.getName(), dataFolder.toString(), "0")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    private static boolean hasStarted(Process process, Path output) throws IOException {
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        if (!process.isAlive()) {
            throw new AssertionError("the first vein2vein ended before it started:\n" + printed);
        }
        return printed.contains(ZeroSetupInAnotherProcess.STARTED);
    }

    private static long postmasterPid(Path dataFolder) throws IOException {
        Path pidFile = EmbeddedServers.postgresDirectory(dataFolder).resolve("postmaster.pid");
        return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).strip());
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }
}

package org.vein2vein.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server running from the binaries bundled on the class path, for the zero-setup run and the tests.
 * The data directory is kept between runs, so data survives a restart of the JVM. The data directory and the port are
 * also kept across {@link #stop()} and {@link #restart()}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "vein2vein";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static final String USERNAME = "postgres";
    // initdb runs with "-A trust", so the server never checks it; it exists for clients that insist on one.
    private static final String PASSWORD = "postgres";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.port = postgres.getPort();
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on the given data directory, initialising a cluster there only if none exists yet.
     *
     * @param port the port to listen on, or 0 for any free port
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        long startedAt = System.nanoTime();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, postmaster(dataDirectory, port));
        server.createDatabaseIfMissing();
        LOG.infof("Embedded PostgreSQL ready on port %d (data in %s) after %d ms", server.port, dataDirectory,
                millisSince(startedAt));
        return server;
    }

    /**
     * Stops the server the way an administrator does ({@code pg_ctl stop -m fast}): open connections are terminated,
     * and the data directory and port are kept for {@link #restart()}.
     */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        long stoppingAt = System.nanoTime();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop embedded PostgreSQL", e);
        }
        postgres = null;
        LOG.infof("Embedded PostgreSQL stopped after %d ms", millisSince(stoppingAt));
    }

    /** Starts the server again on the same data directory and port. */
    public synchronized void restart() {
        if (postgres != null) {
            throw new IllegalStateException("Embedded PostgreSQL is already running on port " + port);
        }
        long startingAt = System.nanoTime();
        postgres = postmaster(dataDirectory, port);
        LOG.infof("Embedded PostgreSQL restarted on port %d after %d ms", port, millisSince(startingAt));
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    private static EmbeddedPostgres postmaster(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    // PostgreSQL is a separate process: stop it on JVM exit even if close() is never called.
                    .setRegisterShutdownHook(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }

    /**
     * Stops a PostgreSQL server still running on {@code dataDirectory}, as after the JVM that started it was killed:
     * PostgreSQL is a separate process and outlives it, keeping the data directory and its port. Call only while
     * holding the data folder, so that no running vein2vein can own that server.
     */
    static void stopServerLeftRunning(Path dataDirectory) {
        Optional<ProcessHandle> leftOver = serverRunningOn(dataDirectory);
        if (leftOver.isEmpty()) {
            return;
        }
        ProcessHandle server = leftOver.get();
        LOG.warnf("Stopping the PostgreSQL server (pid %d) left running on %s by a vein2vein that did not shut down",
                server.pid(), dataDirectory);
        // SIGTERM: PostgreSQL's smart shutdown, which writes a checkpoint; its clients died with the old JVM.
        if (!server.destroy()) {
            throw notStopped(server, dataDirectory, "cannot be stopped by this user");
        }
        try {
            server.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL pid " + server.pid(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw notStopped(server, dataDirectory, "did not stop within " + STOP_TIMEOUT);
        }
    }

    private static EmbeddedStartRefused notStopped(ProcessHandle server, Path dataDirectory, String why) {
        return new EmbeddedStartRefused("The PostgreSQL server (pid " + server.pid() + ") left running on "
                + dataDirectory + " " + why + ". Stop it (kill " + server.pid() + ") and start again.");
    }

    /** The server that {@code postmaster.pid} names, if that process is alive and is PostgreSQL on this directory. */
    private static Optional<ProcessHandle> serverRunningOn(Path dataDirectory) {
        List<String> lines;
        try {
            // Line 1 is the postmaster's pid, line 2 its data directory.
            lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + dataDirectory.resolve("postmaster.pid"), e);
        }
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")
                || !Path.of(lines.get(1).strip()).toAbsolutePath().normalize()
                        .equals(dataDirectory.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        // A pid file left by a crash may name a pid since reused: act only on a live process that is PostgreSQL.
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command()
                        .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                        .orElse(false));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            if (!databaseExists(connection)) {
                try (Statement statement = connection.createStatement()) {
                    // CREATE DATABASE takes no bind parameters; DATABASE is a constant identifier.
                    statement.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("Could not create database " + DATABASE, e);
        }
    }

    private static boolean databaseExists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, DATABASE);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}

package org.vein2vein.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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

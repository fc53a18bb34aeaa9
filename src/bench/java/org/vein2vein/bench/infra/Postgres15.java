package org.vein2vein.bench.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL 15 server of its own for the benchmark, in a temporary folder: the machine's
 * PostgreSQL 15 binaries (Debian's {@code postgresql-15}; {@code -Dbench.pg-bin} names another
 * folder), run as the {@code postgres} user when the benchmark runs as root, since PostgreSQL
 * refuses to run as root. Configured as a small dedicated server would be: durable commits
 * (fsync, synchronous_commit on), 256 MB of shared buffers, room for the WAL of the seed.
 */
public final class Postgres15 implements AutoCloseable {

    public static final String DATABASE = "vein2vein";
    public static final String USER = "bench";

    private final Path bin;
    private final Path folder;
    private final Path data;
    private final Path log;
    private final int port;
    private final boolean asPostgresUser;
    private boolean stopped;

    private Postgres15(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.data = folder.resolve("data");
        this.log = folder.resolve("postgres.log");
        this.port = port;
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    }

    public static Postgres15 start(Path folder, int port) {
        Path bin = Path.of(System.getProperty("bench.pg-bin", "/usr/lib/postgresql/15/bin"));
        if (!Files.isExecutable(bin.resolve("postgres"))) {
            throw new IllegalStateException("No PostgreSQL 15 server in " + bin + ": install Debian's postgresql-15 "
                    + "(apt-get install postgresql-15) or name its bin folder with -Dbench.pg-bin");
        }
        Postgres15 server = new Postgres15(bin, folder, port);
        server.initAndStart();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
    }

    private void initAndStart() {
        try {
            Files.createDirectories(folder);
            if (asPostgresUser) {
                run(List.of("chown", "postgres", folder.toString()), false);
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                    "-E", "UTF8", "--no-sync", "--no-instructions"), true);
            Files.writeString(data.resolve("postgresql.conf"), String.join("\n",
                    "port = " + port,
                    "listen_addresses = '127.0.0.1'",
                    "unix_socket_directories = '" + folder + "'",
                    "max_connections = 200",
                    "shared_buffers = 256MB",
                    "max_wal_size = 8GB",
                    "checkpoint_timeout = 15min",
                    "log_line_prefix = '%p|'",
                    "log_min_messages = warning",
                    "") + "\n", java.nio.file.StandardOpenOption.APPEND);
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w",
                    "-t", "60", "start"), true);
            try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** The server's log: statements land here while {@code log_statement} is on. */
    public Path log() {
        return log;
    }

    public Connection connect() throws SQLException {
        return connect(DATABASE);
    }

    private Connection connect(String database) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] { "127.0.0.1" });
        source.setPortNumbers(new int[] { port });
        source.setDatabaseName(database);
        source.setUser(USER);
        return source.getConnection();
    }

    /** Runs {@code psql}-free SQL as the superuser: ALTER SYSTEM and friends. */
    public void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), true);
    }

    private void run(List<String> command, boolean asServerUser) {
        List<String> full = new ArrayList<>();
        if (asServerUser && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("commands.log").toFile())).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed: see " + folder.resolve("commands.log")
                        + " and " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

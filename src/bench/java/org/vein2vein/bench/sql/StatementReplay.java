package org.vein2vein.bench.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The SQL of one step, run directly by a plain JDBC loop: the same statements, in the same order,
 * in one transaction, through the same driver, each client on a batch of its own prepared like the
 * captured one. What must differ between runs differs: the batch's COI, the new event's ids and
 * hashes (unique columns), and the ledger sequence and row version, which move on by one per step
 * exactly as the service's would, so every update still finds its row.
 */
public final class StatementReplay {

    private static final Set<String> COUNTERS = Set.of("sequence", "state_sequence", "version");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final List<CapturedStatement> statements;
    private final String capturedCoi;
    /** Per batch, how many steps the replay has logged on it: its sequence and version moved on by as many. */
    private final Map<String, AtomicLong> stepsDone = new ConcurrentHashMap<>();

    public StatementReplay(List<CapturedStatement> statements, String capturedCoi) {
        this.statements = statements;
        this.capturedCoi = capturedCoi;
    }

    /** Transactions per second with one client per batch, measured after {@code warmup}. */
    public double run(ConnectionSource connections, List<String> batches, int clients, Duration warmup,
            Duration duration) {
        AtomicLong committed = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            String coi = batches.get(c);
            Thread client = new Thread(() -> {
                try (Connection connection = connections.open()) {
                    connection.setAutoCommit(false);
                    List<Prepared> prepared = prepare(connection);
                    AtomicLong done = stepsDone.computeIfAbsent(coi, key -> new AtomicLong());
                    for (long step = done.get(); System.nanoTime() < end; step = done.incrementAndGet()) {
                        Map<String, String> fresh = new HashMap<>();
                        for (Prepared statement : prepared) {
                            statement.execute(coi, step, fresh);
                        }
                        connection.commit();
                        if (System.nanoTime() >= measureFrom && System.nanoTime() < end) {
                            committed.incrementAndGet();
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }, "sql-client-" + c);
            client.setDaemon(true);
            client.start();
        }
        try {
            finished.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the direct SQL replay failed", failure.get());
        }
        return committed.get() / (duration.toNanos() / 1e9);
    }

    private List<Prepared> prepare(Connection connection) throws SQLException {
        List<Prepared> prepared = new ArrayList<>();
        for (CapturedStatement statement : statements) {
            List<Integer> order = new ArrayList<>();
            String sql = statement.jdbcSql(order);
            prepared.add(new Prepared(statement, connection.prepareStatement(sql), order));
        }
        return prepared;
    }

    /** Opens a connection to the service's database. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final class Prepared {
        private final CapturedStatement captured;
        private final PreparedStatement statement;
        private final List<Integer> order;

        Prepared(CapturedStatement captured, PreparedStatement statement, List<Integer> order) {
            this.captured = captured;
            this.statement = statement;
            this.order = order;
        }

        void execute(String coi, long step, Map<String, String> fresh) throws SQLException {
            for (int i = 0; i < order.size(); i++) {
                int placeholder = order.get(i);
                String value = captured.values().get(placeholder - 1);
                String column = captured.columns().get(placeholder);
                if (value == null) {
                    statement.setNull(i + 1, Types.OTHER);
                } else {
                    statement.setObject(i + 1, valueFor(value, column, coi, step, fresh), Types.OTHER);
                }
            }
            statement.execute();
        }
    }

    private String valueFor(String value, String column, String coi, long step, Map<String, String> fresh) {
        if (column != null && COUNTERS.contains(column) && value.matches("\\d+")) {
            return Long.toString(Long.parseLong(value) + step);
        }
        if (UUID_TEXT.matcher(value).matches()) {
            return fresh.computeIfAbsent(value, old -> UUID.randomUUID().toString());
        }
        if (HASH.matcher(value).matches()) {
            return fresh.computeIfAbsent(value, old -> {
                byte[] random = new byte[32];
                ThreadLocalRandom.current().nextBytes(random);
                return HexFormat.of().formatHex(random);
            });
        }
        return value.contains(capturedCoi) ? value.replace(capturedCoi, coi) : value;
    }
}

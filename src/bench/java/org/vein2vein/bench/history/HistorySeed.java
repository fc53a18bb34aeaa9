package org.vein2vein.bench.history;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.vein2vein.bench.infra.Postgres15;
import org.vein2vein.custody.domain.CanonicalForm;
import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.custody.domain.LedgerHead;
import org.vein2vein.kernel.Actor;
import org.vein2vein.kernel.Coi;

/**
 * Fills the database with {@code events} custody events, fast, with COPY rather than through the API:
 * batches cloned from real ledgers ({@link LedgerTemplate}) with 20 to 60 events each (extra
 * expansions), spread over many sites, each chain hashed as the service hashes it, with its batch
 * record, recorded head, sites, donations and doses, so that the API's reads and verifications see
 * them as their own. The ledger's indexes are dropped during the load and built again after it.
 */
public final class HistorySeed {

    /** What the queries pick from: some of the seeded batches and donors. */
    public record Seeded(long events, long batches, List<String> cois, List<String> donors, double seconds) {
    }

    private static final int BATCHES_PER_CHUNK = 2_000;

    private final Postgres15 postgres;
    private final List<LedgerTemplate> autologous;
    private final List<LedgerTemplate> allogeneic;
    private final SplittableRandom random = new SplittableRandom(42);

    public HistorySeed(Postgres15 postgres, List<LedgerTemplate> autologous, List<LedgerTemplate> allogeneic) {
        this.postgres = postgres;
        this.autologous = autologous;
        this.allogeneic = allogeneic;
    }

    public Seeded seed(long events, Runnable progress) throws Exception {
        long start = System.nanoTime();
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
        List<String> cois = new ArrayList<>();
        List<String> donors = new ArrayList<>();
        long[] totals = new long[2];
        SeedChunkWriter writer = new SeedChunkWriter(random.split(), autologous, allogeneic);
        FutureTask<Void> generator = new FutureTask<>(() -> {
            long made = 0;
            while (made < events) {
                Chunk chunk = writer.chunk(BATCHES_PER_CHUNK, events - made);
                made += chunk.events();
                chunks.put(chunk);
            }
            chunks.put(Chunk.END);
            return null;
        });
        Thread thread = new Thread(generator, "seed-generator");
        thread.setDaemon(true);
        try (Connection connection = postgres.connect()) {
            List<String> restore = dropLedgerIndexes(connection);
            thread.start();
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Chunk chunk = next(chunks, generator); chunk != Chunk.END; chunk = next(chunks, generator)) {
                for (Map.Entry<String, StringBuilder> table : chunk.tables().entrySet()) {
                    copy.copyIn("COPY " + table.getKey() + " FROM STDIN", new StringReader(table.getValue().toString()));
                }
                totals[0] += chunk.events();
                totals[1] += chunk.batches();
                if (cois.size() < 20_000) {
                    cois.addAll(chunk.sampleCois());
                }
                if (donors.size() < 5_000) {
                    donors.addAll(chunk.sampleDonors());
                }
                progress.run();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("set maintenance_work_mem = '1GB'");
                for (String sql : restore) {
                    statement.execute(sql);
                }
                statement.execute("analyze");
            }
        } finally {
            generator.cancel(true);
        }
        return new Seeded(totals[0], totals[1], cois, donors, (System.nanoTime() - start) / 1e9);
    }

    /** The generator's next chunk; its failure, if it died, rather than a partial seed. */
    private static Chunk next(BlockingQueue<Chunk> chunks, Future<Void> generator) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            Chunk chunk = chunks.poll(100, TimeUnit.MILLISECONDS);
            if (chunk != null) {
                return chunk;
            }
            if (generator.isDone()) {
                // Done after putting END, which may have arrived since the poll.
                chunk = chunks.poll();
                if (chunk != null) {
                    return chunk;
                }
                try {
                    generator.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the seed generator failed", e.getCause());
                }
                throw new IllegalStateException("the seed generator ended without its last chunk");
            }
        }
        throw new IllegalStateException("the seed generator made no chunk in 10 minutes");
    }

    /** Drops the ledger table's indexes and unique constraints; returns the statements that make them again. */
    private static List<String> dropLedgerIndexes(Connection connection) throws SQLException {
        List<String> restore = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet constraints = statement.executeQuery("select conname, pg_get_constraintdef(oid) from "
                    + "pg_constraint where conrelid = 'custody_event'::regclass and contype in ('p', 'u', 'f')")) {
                while (constraints.next()) {
                    drop.add("alter table custody_event drop constraint " + constraints.getString(1));
                    restore.add("alter table custody_event add constraint " + constraints.getString(1) + " "
                            + constraints.getString(2));
                }
            }
            try (ResultSet indexes = statement.executeQuery("select indexname, indexdef from pg_indexes where "
                    + "tablename = 'custody_event' and indexname not in (select conname from pg_constraint where "
                    + "conrelid = 'custody_event'::regclass)")) {
                while (indexes.next()) {
                    drop.add("drop index " + indexes.getString(1));
                    restore.add(indexes.getString(2));
                }
            }
            for (String sql : drop) {
                statement.execute(sql);
            }
        }
        return restore;
    }

    /** One chunk's rows, per table, in COPY text format. */
    record Chunk(Map<String, StringBuilder> tables, long events, long batches, List<String> sampleCois,
            List<String> sampleDonors) {
        static final Chunk END = new Chunk(Map.of(), 0, 0, List.of(), List.of());
    }

    /** The hash the service gives an event, from its stored fields. */
    static String hash(UUID id, String coi, long sequence, LedgerTemplate.Event event, Instant occurred,
            Instant recorded, String site, String payload, String previous) {
        return CanonicalForm.hash(id, coi, sequence, CustodyEventType.valueOf(event.type()), event.stage(),
                occurred.truncatedTo(ChronoUnit.MICROS), recorded.truncatedTo(ChronoUnit.MICROS),
                new Actor(event.actorId(), event.actorRole(), event.actorOrganisation()), site, payload, previous);
    }

    static String genesis() {
        return LedgerHead.GENESIS_HASH;
    }

    static String newCoi(java.util.Set<String> used) {
        String coi = Coi.random().value();
        while (!used.add(coi)) {
            coi = Coi.random().value();
        }
        return coi;
    }
}

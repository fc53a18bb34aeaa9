package org.vein2vein.shipment.temperature.persistence;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.vein2vein.shipment.temperature.domain.LoggedReading;
import org.vein2vein.shipment.temperature.domain.LoggerFigures;
import org.vein2vein.shipment.temperature.domain.Reading;
import org.vein2vein.shipment.temperature.domain.ReadingBucket;
import org.vein2vein.shipment.temperature.domain.ReadingFigures;
import org.vein2vein.shipment.temperature.domain.SamplingInterval;
import org.vein2vein.shipment.temperature.domain.TemperatureRange;

/** Table {@code temperature_reading}: readings stored in bulk, read in time order, summarised in SQL. */
@ApplicationScoped
public class TemperatureReadingStore {

    /**
     * One statement for a whole upload: the readings travel as two arrays (microseconds since the epoch,
     * hundredths of a degree), exact and compact, and are inserted unless the logger has a reading at that
     * time already. The final select sees the table as it was before the insert: the readings it finds were
     * stored earlier, the same (duplicates) or not (conflicting).
     */
    private static final String STORE = """
            with sent (recorded_at, celsius) as (
                select timestamptz 'epoch' + us * interval '1 microsecond', (centi::numeric / 100)::numeric(5, 2)
                from unnest(?::int8[], ?::int4[]) as t (us, centi)
            ), stored as (
                insert into temperature_reading (logger_id, recorded_at, shipment_id, celsius)
                select ?, recorded_at, ?, celsius from sent
                on conflict (logger_id, recorded_at) do nothing
                returning 1
            )
            select (select count(*) from stored),
                   count(*) filter (where earlier.shipment_id = ? and earlier.celsius = sent.celsius),
                   count(*) filter (where earlier.shipment_id <> ? or earlier.celsius <> sent.celsius)
            from sent join temperature_reading earlier
                on earlier.logger_id = ? and earlier.recorded_at = sent.recorded_at
            """;

    /**
     * The logger's readings around a stretch of time, for finding the excursions that touch it: from the
     * last reading within the range before the stretch (or the start of monitoring) to the first one within
     * the range after it. Runs out of range are whole in between.
     */
    private static final String AROUND = """
            select recorded_at, celsius from temperature_reading
            where logger_id = ? and shipment_id = ?
              and recorded_at >= coalesce((select max(recorded_at) from temperature_reading
                                           where logger_id = ? and shipment_id = ? and recorded_at < ?
                                             and recorded_at >= ? and celsius between ? and ?), ?)
              and recorded_at <= coalesce((select min(recorded_at) from temperature_reading
                                           where logger_id = ? and shipment_id = ? and recorded_at > ?
                                             and celsius between ? and ?), 'infinity')
            order by recorded_at
            """;

    private static final String PAGE = """
            select logger_id, recorded_at, celsius from temperature_reading
            where shipment_id = ? and recorded_at >= ? and recorded_at < ? and (recorded_at, logger_id) > (?, ?)
            order by recorded_at, logger_id
            limit ?
            """;

    /** Buckets start at whole multiples of the interval since the epoch. */
    private static final String BUCKETS = """
            select logger_id, bucket, readings, min_c, max_c, avg_c from (
                select logger_id, date_bin(? * interval '1 second', recorded_at, timestamptz 'epoch') as bucket,
                       count(*) as readings, min(celsius) as min_c, max(celsius) as max_c,
                       round(avg(celsius), 2) as avg_c
                from temperature_reading
                where shipment_id = ? and recorded_at >= ? and recorded_at < ? and recorded_at >= ?
                group by bucket, logger_id
            ) as buckets
            where (bucket, logger_id) > (?, ?)
            order by bucket, logger_id
            limit ?
            """;

    /**
     * Each reading with the time of the logger's next one: a reading's value is taken to hold until then.
     * The time out of range adds up, per logger, the intervals that start at a reading outside the range
     * dated from the start of monitoring on; the last reading of a logger starts none.
     */
    private static final String WITH_NEXT = """
            with timed as (
                select logger_id, recorded_at, celsius,
                       lead(recorded_at) over (partition by logger_id order by recorded_at) as next_at
                from temperature_reading where shipment_id = ?
            ), out_of_range as (
                select logger_id, tstzrange(recorded_at, next_at) as span from timed
                where next_at is not null and recorded_at >= ? and celsius not between ? and ?
            )
            """;

    private static final String PER_LOGGER = WITH_NEXT + """
            , figures as (
                select logger_id, count(*) as readings, min(celsius) as min_c, max(celsius) as max_c,
                       min(recorded_at) as first_at, max(recorded_at) as last_at, count(*) over () as loggers
                from timed group by logger_id
            ), time_out as (
                select logger_id, sum(extract(epoch from upper(span) - lower(span))) as seconds
                from out_of_range group by logger_id
            )
            select f.logger_id, f.readings, f.min_c, f.max_c, f.first_at, first.celsius, f.last_at, last.celsius,
                   coalesce(o.seconds, 0), f.loggers
            from figures f
            join temperature_reading first on first.logger_id = f.logger_id and first.recorded_at = f.first_at
            join temperature_reading last on last.logger_id = f.logger_id and last.recorded_at = f.last_at
            left join time_out o on o.logger_id = f.logger_id
            order by f.logger_id
            limit ?
            """;

    /** Over all loggers, the time out of range is the union of theirs: time while any logger read out of range. */
    private static final String OVERALL = WITH_NEXT + """
            select count(*), min(celsius), max(celsius),
                   (select coalesce(sum(extract(epoch from upper(s) - lower(s))), 0)
                    from unnest((select range_agg(span) from out_of_range)) as s)
            from timed
            """;

    private static final String FIRST_AND_LAST = """
            (select recorded_at, celsius from temperature_reading where shipment_id = ?
             order by recorded_at, logger_id limit 1)
            union all
            (select recorded_at, celsius from temperature_reading where shipment_id = ?
             order by recorded_at desc, logger_id desc limit 1)
            """;

    private final EntityManager entityManager;

    public TemperatureReadingStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Stores the logger's readings for the shipment, each unless the logger has a reading at its time.
     *
     * @param readings in strictly increasing time order, to the microsecond, with at most two decimals
     */
    public StoredCounts store(String shipmentId, String loggerId, List<Reading> readings) {
        long[] micros = new long[readings.size()];
        int[] hundredths = new int[readings.size()];
        for (int i = 0; i < micros.length; i++) {
            Reading reading = readings.get(i);
            micros[i] = ChronoUnit.MICROS.between(Instant.EPOCH, reading.at());
            hundredths[i] = reading.celsius().movePointRight(2).intValueExact();
        }
        return Jdbc.run(entityManager, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(STORE)) {
                // The driver sends arrays of primitives in binary.
                statement.setObject(1, micros);
                statement.setObject(2, hundredths);
                statement.setString(3, loggerId);
                statement.setString(4, shipmentId);
                statement.setString(5, shipmentId);
                statement.setString(6, shipmentId);
                statement.setString(7, loggerId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return new StoredCounts(rows.getLong(1), rows.getLong(2), rows.getLong(3));
                }
            }
        });
    }

    /** The logger's stored readings around {@code from} to {@code to} (see {@link #AROUND}), oldest first. */
    public List<Reading> around(String shipmentId, String loggerId, Instant from, Instant to, Instant monitoredFrom,
            TemperatureRange range) {
        return Jdbc.run(entityManager, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(AROUND)) {
                statement.setString(1, loggerId);
                statement.setString(2, shipmentId);
                statement.setString(3, loggerId);
                statement.setString(4, shipmentId);
                Jdbc.setInstant(statement, 5, from);
                Jdbc.setInstant(statement, 6, monitoredFrom);
                Jdbc.setRange(statement, 7, range);
                Jdbc.setInstant(statement, 9, monitoredFrom);
                statement.setString(10, loggerId);
                statement.setString(11, shipmentId);
                Jdbc.setInstant(statement, 12, to);
                Jdbc.setRange(statement, 13, range);
                List<Reading> readings = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        readings.add(new Reading(Jdbc.instant(rows, 1), rows.getBigDecimal(2)));
                    }
                }
                return readings;
            }
        });
    }

    /**
     * Up to {@code limit} readings dated from {@code from} (included) to {@code to} (excluded), in time
     * order and, at one time, in logger order, after the reading of {@code afterLogger} at {@code afterAt}.
     */
    public List<LoggedReading> page(String shipmentId, Instant from, Instant to, Instant afterAt, String afterLogger,
            int limit) {
        return Jdbc.run(entityManager, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(PAGE)) {
                statement.setString(1, shipmentId);
                Jdbc.setInstant(statement, 2, from);
                Jdbc.setInstant(statement, 3, to);
                Jdbc.setInstant(statement, 4, afterAt);
                statement.setString(5, afterLogger);
                statement.setInt(6, limit);
                List<LoggedReading> readings = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        readings.add(new LoggedReading(rows.getString(1),
                                new Reading(Jdbc.instant(rows, 2), rows.getBigDecimal(3))));
                    }
                }
                return readings;
            }
        });
    }

    /**
     * Up to {@code limit} buckets of the readings dated from {@code from} (included) to {@code to}
     * (excluded), in time order and, for one interval, in logger order, after the bucket of
     * {@code afterLogger} starting at {@code afterBucket}.
     */
    public List<ReadingBucket> buckets(String shipmentId, SamplingInterval every, Instant from, Instant to,
            Instant afterBucket, String afterLogger, int limit) {
        return Jdbc.run(entityManager, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(BUCKETS)) {
                statement.setLong(1, every.seconds());
                statement.setString(2, shipmentId);
                Jdbc.setInstant(statement, 3, from);
                Jdbc.setInstant(statement, 4, to);
                Jdbc.setInstant(statement, 5, afterBucket);
                Jdbc.setInstant(statement, 6, afterBucket);
                statement.setString(7, afterLogger);
                statement.setInt(8, limit);
                List<ReadingBucket> buckets = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        buckets.add(new ReadingBucket(rows.getString(1), Jdbc.instant(rows, 2), rows.getLong(3),
                                rows.getBigDecimal(4), rows.getBigDecimal(5), rows.getBigDecimal(6)));
                    }
                }
                return buckets;
            }
        });
    }

    /** The figures of each logger, up to {@code limit} loggers in id order, and how many loggers there are. */
    public LoggerFiguresPage perLogger(String shipmentId, Instant monitoredFrom, TemperatureRange range, int limit) {
        return Jdbc.run(entityManager, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(PER_LOGGER)) {
                int next = bindTimed(statement, shipmentId, monitoredFrom, range);
                statement.setInt(next, limit);
                List<LoggerFigures> loggers = new ArrayList<>();
                long total = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        loggers.add(new LoggerFigures(rows.getString(1), new ReadingFigures(rows.getLong(2),
                                Optional.of(rows.getBigDecimal(3)), Optional.of(rows.getBigDecimal(4)),
                                Optional.of(new Reading(Jdbc.instant(rows, 5), rows.getBigDecimal(6))),
                                Optional.of(new Reading(Jdbc.instant(rows, 7), rows.getBigDecimal(8))),
                                Jdbc.seconds(rows.getBigDecimal(9)))));
                        total = rows.getLong(10);
                    }
                }
                return new LoggerFiguresPage(loggers, total);
            }
        });
    }

    /** The figures of all the shipment's readings together. */
    public ReadingFigures overall(String shipmentId, Instant monitoredFrom, TemperatureRange range) {
        return Jdbc.run(entityManager, connection -> {
            long readings;
            BigDecimal min;
            BigDecimal max;
            BigDecimal secondsOut;
            try (PreparedStatement statement = connection.prepareStatement(OVERALL)) {
                bindTimed(statement, shipmentId, monitoredFrom, range);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    readings = rows.getLong(1);
                    min = rows.getBigDecimal(2);
                    max = rows.getBigDecimal(3);
                    secondsOut = rows.getBigDecimal(4);
                }
            }
            if (readings == 0) {
                return ReadingFigures.none();
            }
            List<Reading> ends = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(FIRST_AND_LAST)) {
                statement.setString(1, shipmentId);
                statement.setString(2, shipmentId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ends.add(new Reading(Jdbc.instant(rows, 1), rows.getBigDecimal(2)));
                    }
                }
            }
            return new ReadingFigures(readings, Optional.of(min), Optional.of(max), Optional.of(ends.get(0)),
                    Optional.of(ends.get(1)), Jdbc.seconds(secondsOut));
        });
    }

    private static int bindTimed(PreparedStatement statement, String shipmentId, Instant monitoredFrom,
            TemperatureRange range) throws SQLException {
        statement.setString(1, shipmentId);
        Jdbc.setInstant(statement, 2, monitoredFrom);
        Jdbc.setRange(statement, 3, range);
        return 5;
    }

    /** Some loggers' figures, and how many loggers the shipment has in all. */
    public record LoggerFiguresPage(List<LoggerFigures> loggers, long totalLoggers) {
    }
}

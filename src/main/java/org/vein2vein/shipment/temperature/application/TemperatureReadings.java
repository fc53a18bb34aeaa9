package org.vein2vein.shipment.temperature.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

import org.vein2vein.shipment.application.ShipmentNotFoundException;
import org.vein2vein.batch.application.ClockSkewConfig;
import org.vein2vein.platform.persistence.ConsistentReads;
import org.vein2vein.platform.security.Caller;
import org.vein2vein.shipment.temperature.domain.ExcursionDetection;
import org.vein2vein.shipment.temperature.domain.LoggedReading;
import org.vein2vein.shipment.temperature.domain.MonitoredShipment;
import org.vein2vein.shipment.temperature.domain.Reading;
import org.vein2vein.shipment.temperature.domain.ReadingBucket;
import org.vein2vein.shipment.temperature.domain.ReadingFigures;
import org.vein2vein.shipment.temperature.domain.SamplingInterval;
import org.vein2vein.shipment.temperature.domain.SeriesPosition;
import org.vein2vein.shipment.temperature.domain.TransitWindow;
import org.vein2vein.shipment.temperature.persistence.ExcursionStore;
import org.vein2vein.shipment.temperature.persistence.MonitoredShipments;
import org.vein2vein.shipment.temperature.persistence.StoredCounts;
import org.vein2vein.shipment.temperature.persistence.TemperatureReadingStore;
import org.vein2vein.shipment.temperature.persistence.TemperatureReadingStore.LoggerFiguresPage;

/**
 * The temperature readings of shipments: sensor data, stored in bulk and idempotently, searched for
 * excursions as they arrive, and read back raw, in buckets or summed up.
 */
@ApplicationScoped
public class TemperatureReadings {

    /** The most loggers and excursions a summary lists; it counts them all. */
    public static final int SUMMARY_LIST_LIMIT = 100;
    /** Before any reading and any bucket: readings are dated from 2000 on. */
    private static final SeriesPosition BEFORE_ALL = new SeriesPosition(Instant.EPOCH, "");

    private final MonitoredShipments shipments;
    private final TemperatureReadingStore readings;
    private final ExcursionStore excursions;
    private final ExcursionBook book;
    private final ConsistentReads reads;
    private final TemperatureConfig config;
    private final ClockSkewConfig skew;
    private final Clock clock;

    public TemperatureReadings(MonitoredShipments shipments, TemperatureReadingStore readings,
            ExcursionStore excursions, ExcursionBook book, ConsistentReads reads, TemperatureConfig config,
            ClockSkewConfig skew, Clock clock) {
        this.shipments = shipments;
        this.readings = readings;
        this.excursions = excursions;
        this.book = book;
        this.reads = reads;
        this.config = config;
        this.skew = skew;
        this.clock = clock;
    }

    /**
     * Stores the logger's readings dated within the shipment's transit, each unless the logger has a reading
     * at its time already, and records the excursions they reveal. Runs in the caller's transaction.
     *
     * @param sent one logger's readings, in strictly increasing time order, valid by {@code ReadingRules}
     * @throws ShipmentNotFoundException when no shipment has the id, or the caller may not upload to it
     */
    public IngestOutcome ingest(String shipmentId, String loggerId, List<Reading> sent, Caller caller) {
        MonitoredShipment shipment = visible(shipmentId, caller, TemperatureAccess::mayUpload);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        TransitWindow transit = shipment.transitWindow(now, skew.maxClockSkew());
        List<Reading> inTransit = sent.stream().filter(reading -> transit.contains(reading.at())).toList();
        long outside = sent.size() - inTransit.size();
        if (inTransit.isEmpty()) {
            return new IngestOutcome(sent.size(), 0, 0, 0, outside, 0);
        }
        shipments.lockLogger(loggerId);
        StoredCounts counts = readings.store(shipmentId, loggerId, inTransit);
        // Only readings stored now can reveal an excursion: the others were searched when they were stored.
        int found = counts.stored() == 0 ? 0 : book.update(shipmentId, loggerId,
                detection(shipment).orElseThrow(), inTransit, now);
        if (counts.conflicting() > 0) {
            Log.warnf("Shipment %s, logger %s: %d readings sent conflict with those stored at their times (another "
                    + "value, or another shipment); the stored ones are kept", shipmentId, loggerId,
                    counts.conflicting());
        }
        Log.debugf("Shipment %s, logger %s: %d readings received, %d stored", shipmentId, loggerId, sent.size(),
                counts.stored());
        return new IngestOutcome(sent.size(), counts.stored(), counts.duplicates(), counts.conflicting(), outside,
                found);
    }

    /**
     * Up to {@code limit} readings dated from {@code from} (included) to {@code to} (excluded), in time order
     * and at one time in logger order, after {@code after}.
     */
    public SeriesPage<LoggedReading> page(String shipmentId, Caller caller, Instant from, Instant to,
            Optional<SeriesPosition> after, int limit) {
        return reads.snapshot(() -> {
            visible(shipmentId, caller, TemperatureAccess::mayRead);
            SeriesPosition start = after.orElse(new SeriesPosition(from, ""));
            return pageOf(readings.page(shipmentId, from, to, start.at(), start.loggerId(), limit + 1), limit,
                    reading -> new SeriesPosition(reading.reading().at(), reading.loggerId()));
        });
    }

    /** As {@link #page}, each logger's readings summed up per sampling interval. */
    public SeriesPage<ReadingBucket> buckets(String shipmentId, Caller caller, SamplingInterval every, Instant from,
            Instant to, Optional<SeriesPosition> after, int limit) {
        return reads.snapshot(() -> {
            visible(shipmentId, caller, TemperatureAccess::mayRead);
            SeriesPosition start = after.orElse(BEFORE_ALL);
            return pageOf(readings.buckets(shipmentId, every, from, to, start.at(), start.loggerId(), limit + 1),
                    limit, bucket -> new SeriesPosition(bucket.from(), bucket.loggerId()));
        });
    }

    /** The shipment's readings summed up, overall and per logger, with its excursions, as of one moment. */
    public TemperatureSummary summary(String shipmentId, Caller caller) {
        return reads.snapshot(() -> {
            MonitoredShipment shipment = visible(shipmentId, caller, TemperatureAccess::mayRead);
            Optional<ExcursionDetection> detection = detection(shipment);
            if (detection.isEmpty()) {
                // Not packed: it keeps no readings yet.
                return new TemperatureSummary(shipment, Optional.empty(), ReadingFigures.none(), List.of(), 0,
                        List.of(), 0);
            }
            Instant monitoredFrom = detection.get().monitoredFrom();
            LoggerFiguresPage loggers = readings.perLogger(shipmentId, monitoredFrom, detection.get().range(),
                    SUMMARY_LIST_LIMIT);
            return new TemperatureSummary(shipment, Optional.of(monitoredFrom),
                    readings.overall(shipmentId, monitoredFrom, detection.get().range()), loggers.loggers(),
                    loggers.totalLoggers(), excursions.list(shipmentId, SUMMARY_LIST_LIMIT),
                    excursions.count(shipmentId));
        });
    }

    private MonitoredShipment visible(String shipmentId, Caller caller,
            BiPredicate<Caller, MonitoredShipment> allowed) {
        return shipments.find(shipmentId).filter(shipment -> allowed.test(caller, shipment))
                .orElseThrow(() -> new ShipmentNotFoundException(shipmentId));
    }

    private Optional<ExcursionDetection> detection(MonitoredShipment shipment) {
        return shipment.excursionDetection(config.stabilisation());
    }

    /** One row more than the page is read: when it is there, the next page comes after the page's last item. */
    private static <T> SeriesPage<T> pageOf(List<T> rows, int limit, Function<T, SeriesPosition> positionOf) {
        if (rows.size() <= limit) {
            return new SeriesPage<>(rows, Optional.empty());
        }
        List<T> items = rows.subList(0, limit);
        return new SeriesPage<>(items, Optional.of(positionOf.apply(items.get(limit - 1))));
    }
}

package org.vein2vein.shipment.temperature.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.vein2vein.product.domain.TemperatureClass;

/**
 * Finds the excursions in one logger's readings: the maximal runs of consecutive readings outside the
 * shipment's temperature class, among the readings dated at or after packing plus the stabilisation
 * period. A shipper takes a while to reach its temperature once packed; readings before then never count,
 * neither to start a run nor to end one.
 */
public final class ExcursionDetection {

    private final TemperatureClass temperatureClass;
    private final TemperatureRange range;
    private final Instant monitoredFrom;

    public ExcursionDetection(TemperatureClass temperatureClass, Instant packedAt, Duration stabilisation) {
        if (stabilisation.isNegative()) {
            throw new IllegalArgumentException("a stabilisation period is not negative");
        }
        this.temperatureClass = temperatureClass;
        this.range = TemperatureRange.of(temperatureClass);
        this.monitoredFrom = packedAt.plus(stabilisation);
    }

    public TemperatureClass temperatureClass() {
        return temperatureClass;
    }

    public TemperatureRange range() {
        return range;
    }

    /** The first moment a reading counts: packing plus the stabilisation period. */
    public Instant monitoredFrom() {
        return monitoredFrom;
    }

    /** Whether the reading counts and is outside the class. */
    public boolean isOutOfRange(Reading reading) {
        return !reading.at().isBefore(monitoredFrom) && !range.contains(reading.celsius());
    }

    /**
     * The excursions among {@code readings}, oldest first.
     *
     * @param readings one logger's readings, in strictly increasing time order
     */
    public List<Excursion> find(List<Reading> readings) {
        List<Excursion> excursions = new ArrayList<>();
        Reading first = null;
        Reading last = null;
        Reading extreme = null;
        Instant previous = null;
        for (Reading reading : readings) {
            if (previous != null && !reading.at().isAfter(previous)) {
                throw new IllegalArgumentException("readings must be in strictly increasing time order");
            }
            previous = reading.at();
            if (reading.at().isBefore(monitoredFrom)) {
                continue;
            }
            if (!range.contains(reading.celsius())) {
                first = first == null ? reading : first;
                extreme = extreme == null || further(reading.celsius(), extreme.celsius()) ? reading : extreme;
                last = reading;
            } else if (first != null) {
                excursions.add(new Excursion(first.at(), last.at(), extreme.celsius()));
                first = null;
                extreme = null;
            }
        }
        if (first != null) {
            excursions.add(new Excursion(first.at(), last.at(), extreme.celsius()));
        }
        return excursions;
    }

    private boolean further(BigDecimal celsius, BigDecimal than) {
        return range.distanceOutside(celsius).compareTo(range.distanceOutside(Objects.requireNonNull(than))) > 0;
    }
}

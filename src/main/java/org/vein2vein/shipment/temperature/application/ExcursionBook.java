package org.vein2vein.shipment.temperature.application;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

import org.vein2vein.shipment.application.ExcursionRecorder;
import org.vein2vein.shipment.temperature.domain.Excursion;
import org.vein2vein.shipment.temperature.domain.ExcursionDetection;
import org.vein2vein.shipment.temperature.domain.Reading;
import org.vein2vein.shipment.temperature.domain.RecordedExcursion;
import org.vein2vein.shipment.temperature.persistence.ExcursionStore;
import org.vein2vein.shipment.temperature.persistence.TemperatureReadingStore;

/**
 * Keeps a shipment's excursions in step with its readings, in the transaction that stores them. An
 * excursion is recorded once, when first found, and its consequences follow then ({@link ExcursionRecorder});
 * readings that arrive later and continue it (the next upload, or a gap filled) extend the recorded one. A
 * recorded excursion is a fact: readings never shorten, split or remove it.
 */
@ApplicationScoped
public class ExcursionBook {

    private final TemperatureReadingStore readings;
    private final ExcursionStore excursions;
    private final ExcursionRecorder recorder;

    public ExcursionBook(TemperatureReadingStore readings, ExcursionStore excursions, ExcursionRecorder recorder) {
        this.readings = readings;
        this.excursions = excursions;
        this.recorder = recorder;
    }

    /**
     * Finds the excursions the logger's readings just stored start or continue, and records the new ones.
     *
     * @param sent the readings of the upload that lie in the shipment's transit, in time order
     * @return how many excursions were found for the first time
     */
    public int update(String shipmentId, String loggerId, ExcursionDetection detection, List<Reading> sent,
            Instant now) {
        List<Reading> outOfRange = sent.stream().filter(detection::isOutOfRange).toList();
        if (outOfRange.isEmpty()) {
            // Readings within the range start no excursion and continue none.
            return 0;
        }
        // The stored values decide: a reading sent again with another value changed nothing.
        List<Excursion> runs = detection.find(readings.around(shipmentId, loggerId, outOfRange.get(0).at(),
                outOfRange.get(outOfRange.size() - 1).at(), detection.monitoredFrom(), detection.range()));
        if (runs.isEmpty()) {
            return 0;
        }
        List<RecordedExcursion> recorded = excursions.overlapping(shipmentId, loggerId, runs.get(0).from(),
                runs.get(runs.size() - 1).to());
        int found = 0;
        for (Excursion run : runs) {
            // Of the recorded excursions a run continues, the earliest takes it in; a run that joins two
            // leaves the later one as it was recorded.
            RecordedExcursion continued = recorded.stream().filter(known -> known.excursion().overlaps(run))
                    .findFirst().orElse(null);
            if (continued == null) {
                excursions.record(shipmentId, loggerId, run, now);
                recorder.excursionDetected(shipmentId, loggerId, run.from(), run.to(), run.extremeCelsius());
                Log.infof("Temperature excursion of shipment %s found: logger %s read outside %s from %s to %s, "
                        + "extreme %s °C", shipmentId, loggerId, detection.temperatureClass(), run.from(), run.to(),
                        run.extremeCelsius());
                found++;
            } else {
                Excursion extended = continued.excursion().coveringAlso(run, detection.range());
                if (!extended.equals(continued.excursion())) {
                    excursions.extend(continued.id(), extended);
                }
            }
        }
        return found;
    }
}

package org.vein2vein.bench.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.vein2vein.kernel.Mod37_2;

/** Plausible, varied data for each stage, within the release specifications of the demo products. */
final class StageDataFactory {

    static final List<String> COURIERS = List.of("CRYO-COURIER-EU", "CRYO-COURIER-1", "BIOLOGISTIK-DE",
            "MEDAIR-CELL-FR", "POLAR-TRANSIT-NL");
    /** The shippers the simulator registers (docs/reference-data.md: the demo data has DS-0192 and CB-0042 too). */
    static final List<String> DRY_SHIPPERS = List.of("DS-0192", "DS-SIM-0101", "DS-SIM-0102", "DS-SIM-0103");
    static final List<String> COLD_BOXES = List.of("CB-0042", "CB-SIM-0201", "CB-SIM-0202");
    /** Places are codes (of a hub, a depot), never free text. */
    private static final List<String> TRANSFER_PLACES = List.of("FRA-CARGO-HUB", "CDG-CROSS-DOCK",
            "BRU-CUSTOMS-DEPOT", "MXP-CARGO-CITY", "AMS-COOL-CENTRE");

    private final RandomGenerator random;

    StageDataFactory(RandomGenerator random) {
        this.random = random;
    }

    /** A fresh ISBT 128 donation id with its check character. */
    String donationId() {
        String din = (char) ('A' + random.nextInt(14)) + "%04d26%06d".formatted(random.nextInt(10_000),
                random.nextInt(1_000_000));
        return din + Mod37_2.checkCharacter(din);
    }

    Map<String, Object> collection(Instant at) {
        long minutes = 90 + random.nextInt(120);
        long cd3 = 4_000_000_000L + random.nextLong(4_000_000_000L);
        return map("donationId", donationId(), "startedAt", at.minus(minutes + 5, ChronoUnit.MINUTES).toString(),
                "endedAt", at.minus(5, ChronoUnit.MINUTES).toString(), "volumeMl", 150 + random.nextInt(150),
                "totalNucleatedCells", cd3 * 2, "cd3PositiveCells", cd3, "anticoagulant", "ACD_A");
    }

    /** An allocation of a dose to a recipient treated at {@code treatmentSite}, where the dose will be shipped. */
    Map<String, Object> allocation(String dose, String recipient, String treatmentSite) {
        return map("unitId", dose, "recipientReference", recipient, "treatmentSite", treatmentSite);
    }

    /** A registered shipper fit for the class: one of the simulator's fleet, or the demo one. */
    String shipper(String temperatureClass) {
        List<String> fleet = temperatureClass.equals(ShipmentCalls.FRESH) ? COLD_BOXES : DRY_SHIPPERS;
        return fleet.get(random.nextInt(fleet.size()));
    }

    /** When a shipment is planned to arrive: within the shipper's hold time less the service's margin (12 h). */
    Instant plannedArrival(Instant now, String temperatureClass) {
        int hours = temperatureClass.equals(ShipmentCalls.FRESH) ? 3 + random.nextInt(8) : 6 + random.nextInt(40);
        return now.plus(hours, ChronoUnit.HOURS);
    }

    /** A tracking number as couriers print them; an attribute only, never a key. */
    String trackingNumber() {
        return "1Z%03dAA1%010d".formatted(random.nextInt(1000), random.nextLong(10_000_000_000L));
    }

    /** Where a courier hands a shipment to another along the way. */
    String transferPlace() {
        return TRANSFER_PLACES.get(random.nextInt(TRANSFER_PLACES.size()));
    }

    /** The temperature read on arrival, within the shipment's class. */
    double arrivalTemperature(String temperatureClass) {
        return temperatureClass.equals(ShipmentCalls.FRESH) ? (25 + random.nextInt(50)) / 10.0
                : -(1600 + random.nextInt(300)) / 10.0;
    }

    Map<String, Object> geneModification(boolean edited) {
        Map<String, Object> data = map("construct", edited ? "B7H3-41BBz-v2" : "GD2-CD28z-v3",
                "transduction", map("method", "LENTIVIRAL", "vectorLot", "LV-%02d-%03d".formatted(24 + random.nextInt(3),
                        random.nextInt(1000))));
        if (edited) {
            data.put("editing", map("method", "CRISPR_CAS9", "reagentLot", "GRNA-TRAC-B2M-25-002",
                    "targets", List.of("TRAC", "B2M")));
        }
        return data;
    }

    Map<String, Object> expansion(int cultureDay) {
        return map("bioreactor", "BR-%02d".formatted(1 + random.nextInt(8)), "cultureDay", cultureDay,
                "viableCells", 400_000_000L * cultureDay + random.nextLong(200_000_000L),
                "viabilityPercent", (880 + random.nextInt(80)) / 10.0);
    }

    Map<String, Object> labelledUnit(String unitId, int volumeMl, long cells) {
        return map("unitId", unitId, "volumeMl", volumeMl, "carPositiveViableCells", cells);
    }

    Map<String, Object> storage(List<String> units) {
        return map("location", map("freezer", "LN2-%02d".formatted(1 + random.nextInt(9)), "rack",
                "R" + (1 + random.nextInt(6)), "box", "B%02d".formatted(1 + random.nextInt(30)), "position",
                (char) ('A' + random.nextInt(8)) + Integer.toString(1 + random.nextInt(9))), "unitIds", units);
    }

    /** QC results; out of specification means a viability far below any demo product's minimum. */
    List<Map<String, Object>> qcResults(boolean inSpecification) {
        double viability = (inSpecification ? 850 + random.nextInt(100) : 400 + random.nextInt(100)) / 10.0;
        return List.of(
                map("test", "VIABILITY", "value", viability, "unit", "%", "method", "FLOW-7AAD"),
                map("test", "CAR_POSITIVE_VIABLE_CELLS", "value", 300_000_000L, "unit", "cells", "method", "FLOW-CAR"),
                map("test", "STERILITY", "outcome", "NEGATIVE", "method", "BACT-ALERT"),
                map("test", "MYCOPLASMA", "outcome", "NEGATIVE", "method", "PCR-MYCO"),
                map("test", "ENDOTOXIN", "value", (5 + random.nextInt(10)) / 10.0, "unit", "EU/mL",
                        "method", "LAL-KINETIC"),
                map("test", "VECTOR_COPY_NUMBER", "value", (12 + random.nextInt(10)) / 10.0, "unit", "copies/cell",
                        "method", "DDPCR-VCN"));
    }

    Map<String, Object> unitCheck(String coi, String unit, String witness) {
        return map("scannedCoi", coi, "scannedUnitId", unit, "witness", witness);
    }

    String courier() {
        return COURIERS.get(random.nextInt(COURIERS.size()));
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<String> list(String... items) {
        return new ArrayList<>(List.of(items));
    }
}

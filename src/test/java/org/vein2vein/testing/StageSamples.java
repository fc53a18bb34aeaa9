package org.vein2vein.testing;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.vein2vein.kernel.Mod37_2;

/**
 * Valid data for every stage of an autologous batch with one bag ({@link #bag(String)}), within the
 * release specification of both seeded products, so that tests about something else can walk a
 * batch through its journey. Identity checks scan the right COI and unit, and name a witness.
 */
public final class StageSamples {

    /** A second verifier who is never the tests' technician. */
    public static final String WITNESS = "op-witness-2";
    private static final RandomGenerator RANDOM = new SecureRandom();

    private StageSamples() {
    }

    /** The one bag an autologous sample batch is formulated into. */
    public static String bag(String coi) {
        return bag(coi, 1);
    }

    /**
     * The batch's bag number {@code n}, labelled with the COI: {@code V2V7K3Q9P2XRTB-01} (the COI's
     * check character may be '*', which unit ids allow).
     */
    public static String bag(String coi, int n) {
        return coi + "-%02d".formatted(n);
    }

    /** A fresh, valid ISBT 128 donation id: 13 characters and the check character. */
    public static String donationId() {
        String din = (char) ('A' + RANDOM.nextInt(14)) + String.format("%04d", RANDOM.nextInt(10_000)) + "26"
                + String.format("%06d", RANDOM.nextInt(1_000_000));
        return din + Mod37_2.checkCharacter(din);
    }

    /**
     * Valid data for a step of the batch at {@code stage} happening at {@code at}.
     *
     * @param subjectReference the patient's reference, scanned at the bedside on infusion
     */
    public static Map<String, Object> of(String coi, String stage, Instant at, String subjectReference) {
        String bag = bag(coi);
        return switch (stage) {
            case "COLLECTED" -> map("donationId", donationId(), "startedAt", at.minusSeconds(7200).toString(),
                    "endedAt", at.minusSeconds(60).toString(), "volumeMl", 210, "totalNucleatedCells", 12_000_000_000L,
                    "cd3PositiveCells", 6_500_000_000L, "anticoagulant", "ACD_A");
            case "CRYOPRESERVED_AT_COLLECTION" -> map("freezerRun", "CRF-COL-1", "location", location());
            case "SHIPPED_TO_MANUFACTURING" -> map("destinationSite", "MFG-GENT-01", "courier", "CRYO-COURIER-EU",
                    "containerId", "DS-0192", "temperatureClass", "FRESH_2_TO_8_C");
            case "RECEIVED_AT_MANUFACTURING" -> map("identityCheck", check(coi, null), "condition", "INTACT",
                    "temperatureOnArrivalC", 4.2);
            case "ACCEPTED" -> map("condition", "INTACT");
            case "REJECTED", "MANUFACTURING_FAILED", "QUARANTINED", "DESTROYED", "CANCELLED" ->
                    map("reason", "PROCESS_DEVIATION", "qualityRecord", "DEV-2026-0001");
            case "GENE_MODIFIED" -> map("construct", "GD2-CD28z-v3",
                    "transduction", map("method", "LENTIVIRAL", "vectorLot", "LV-GD2-24-007"));
            case "EXPANDED" -> map("bioreactor", "BR-02", "cultureDay", 7, "viableCells", 2_400_000_000L,
                    "viabilityPercent", 93.5);
            case "FORMULATED" -> map("identityCheck", check(coi, null),
                    "units", List.of(map("unitId", bag, "volumeMl", 70, "carPositiveViableCells", 300_000_000L)));
            case "CRYOPRESERVED" -> map("freezerRun", "CRF-2026-0533", "unitIds", List.of(bag));
            case "QC_TESTED" -> map("results", inSpecification());
            case "RELEASED", "OUT_OF_SPEC" -> map();
            case "STORED" -> map("location", location(), "unitIds", List.of(bag));
            case "SHIPPED_TO_SITE" -> map("destinationSite", "SITE-LYON-01", "courier", "CRYO-COURIER-EU",
                    "containerId", "DS-0193", "temperatureClass", "CRYO_AT_OR_BELOW_MINUS_150_C",
                    "unitIds", List.of(bag), "outOfStorageSince", at.minusSeconds(600).toString());
            case "RECEIVED_AT_SITE" -> map("identityCheck", check(coi, null), "condition", "INTACT",
                    "unitIds", List.of(bag));
            case "THAWED" -> map("unitId", bag, "identityCheck", check(coi, bag), "thawTemperatureC", 37);
            case "INFUSED" -> {
                Map<String, Object> check = check(coi, bag);
                check.put("patientReference", subjectReference);
                yield map("unitId", bag, "identityCheck", check);
            }
            default -> throw new IllegalArgumentException("no sample data for " + stage);
        };
    }

    /** QC results within the release specifications of both seeded products. */
    public static List<Map<String, Object>> inSpecification() {
        return List.of(
                map("test", "VIABILITY", "value", 91.2, "unit", "%", "method", "FLOW-7AAD"),
                map("test", "CAR_POSITIVE_VIABLE_CELLS", "value", 300_000_000L, "unit", "cells", "method", "FLOW-CAR"),
                map("test", "STERILITY", "outcome", "NEGATIVE", "method", "BACT-ALERT"),
                map("test", "MYCOPLASMA", "outcome", "NEGATIVE", "method", "PCR-MYCO"),
                map("test", "ENDOTOXIN", "value", 1.2, "unit", "EU/mL", "method", "LAL-KINETIC"),
                map("test", "VECTOR_COPY_NUMBER", "value", 1.8, "unit", "copies/cell", "method", "DDPCR-VCN"));
    }

    /** An identity check that scans the right COI (and unit), witnessed by a second person. */
    public static Map<String, Object> check(String coi, String unit) {
        Map<String, Object> check = map("scannedCoi", coi, "witness", WITNESS);
        if (unit != null) {
            check.put("scannedUnitId", unit);
        }
        return check;
    }

    private static Map<String, Object> location() {
        return map("freezer", "LN2-03", "rack", "R2", "box", "B14", "position", "A3");
    }

    /** A mutable map of alternating keys and values, in order. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

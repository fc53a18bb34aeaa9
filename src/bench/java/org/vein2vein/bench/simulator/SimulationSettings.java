package org.vein2vein.bench.simulator;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulator's settings, from {@code --name=value} arguments or {@code -Dsimulate.name=value}
 * system properties (the Maven command passes those), with the defaults below.
 *
 * @param allogeneic share of journeys that are allogeneic lots (the rest are autologous)
 * @param identityMismatch share of journeys where the wrong COI is scanned on receipt at manufacturing
 * @param qcOutOfSpec share of journeys whose QC results fail the release specification
 * @param missedWindow share of journeys whose units are packed too long out of storage
 * @param wrongPatient share of journeys where the wrong patient (recipient) is scanned at the bedside
 * @param unsafeMoves share of journeys attempting each unsafe move the service must refuse (Scenario.UnsafeMove)
 */
public record SimulationSettings(String url, Path keys, int journeys, int concurrency, double allogeneic,
        double identityMismatch, double qcOutOfSpec, double missedWindow, double wrongPatient, double unsafeMoves,
        long seed) {

    public static SimulationSettings from(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, not " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Setting setting = (name, fallback) -> given.getOrDefault(name,
                System.getProperty("simulate." + name, fallback));
        return new SimulationSettings(setting.get("url", "http://localhost:8080"),
                Path.of(setting.get("keys", "data/keys")),
                Integer.parseInt(setting.get("journeys", "20")),
                Integer.parseInt(setting.get("concurrency", "4")),
                Double.parseDouble(setting.get("allogeneic", "0.3")),
                Double.parseDouble(setting.get("identity-mismatch", "0.05")),
                Double.parseDouble(setting.get("qc-out-of-spec", "0.05")),
                Double.parseDouble(setting.get("missed-window", "0.05")),
                Double.parseDouble(setting.get("wrong-patient", "0.05")),
                Double.parseDouble(setting.get("unsafe-moves", "0.2")),
                Long.parseLong(setting.get("seed", Long.toString(System.nanoTime()))));
    }

    private interface Setting {
        String get(String name, String fallback);
    }
}

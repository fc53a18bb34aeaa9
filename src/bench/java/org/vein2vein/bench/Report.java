package org.vein2vein.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The figures of a run: printed as a table, each beside its target, and written as JSON, CSV and a chart. */
final class Report {

    /** A figure; {@code target} and {@code met} are null where the issue sets none (the figure is context). */
    record Figure(String section, String name, double value, String unit, String target, Boolean met) {
    }

    /** A point of the latency-against-load chart. */
    record LoadPoint(double offeredPerSecond, double achievedPerSecond, double p50Millis, double p99Millis,
            double maxMillis) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final List<LoadPoint> curve = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();

    void add(String section, String name, double value, String unit) {
        figures.add(new Figure(section, name, value, unit, null, null));
    }

    void atLeast(String section, String name, double value, String unit, double target) {
        figures.add(new Figure(section, name, value, unit, "≥ " + format(target), value >= target));
    }

    void atMost(String section, String name, double value, String unit, double target) {
        figures.add(new Figure(section, name, value, unit, "≤ " + format(target), value <= target));
    }

    void point(LoadPoint point) {
        curve.add(point);
    }

    void context(String key, Object value) {
        context.put(key, value);
    }

    void print() {
        System.out.printf("%n%-14s %-58s %12s %-8s %10s  %s%n", "", "figure", "measured", "unit", "target", "met");
        String section = "";
        for (Figure figure : figures) {
            System.out.printf("%-14s %-58s %12s %-8s %10s  %s%n", figure.section().equals(section) ? ""
                    : figure.section(), figure.name(), format(figure.value()), figure.unit(),
                    figure.target() == null ? "" : figure.target(),
                    figure.met() == null ? "" : figure.met() ? "yes" : "NO");
            section = figure.section();
        }
        System.out.println();
    }

    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("date", ZonedDateTime.now().toString());
        document.put("context", context);
        document.put("figures", figures);
        document.put("latencyAgainstLoad", curve);
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(folder.resolve("results.json").toFile(), document);
        StringBuilder csv = new StringBuilder("section,figure,value,unit,target,met\n");
        for (Figure figure : figures) {
            csv.append(String.join(",", quoted(figure.section()), quoted(figure.name()), format(figure.value()),
                    quoted(figure.unit()), quoted(figure.target() == null ? "" : figure.target()),
                    figure.met() == null ? "" : figure.met().toString())).append('\n');
        }
        Files.writeString(folder.resolve("results.csv"), csv);
        if (!curve.isEmpty()) {
            chart(folder.resolve("latency-against-load.png"));
        }
    }

    private void chart(Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title("Step logging: latency against load (open model, " + context.getOrDefault("service", "") + ")")
                .xAxisTitle("offered load (steps/s)").yAxisTitle("latency (ms, log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(7);
        curve.sort(java.util.Comparator.comparingDouble(LoadPoint::offeredPerSecond));
        double[] rates = curve.stream().mapToDouble(LoadPoint::offeredPerSecond).toArray();
        chart.addSeries("p50", rates, curve.stream().mapToDouble(p -> Math.max(0.01, p.p50Millis())).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("p99", rates, curve.stream().mapToDouble(p -> Math.max(0.01, p.p99Millis())).toArray())
                .setMarker(SeriesMarkers.DIAMOND);
        chart.addSeries("max", rates, curve.stream().mapToDouble(p -> Math.max(0.01, p.maxMillis())).toArray())
                .setMarker(SeriesMarkers.SQUARE);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 10 ? "%.1f" : "%.2f",
                value);
    }
}

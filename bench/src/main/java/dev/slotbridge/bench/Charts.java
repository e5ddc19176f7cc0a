package dev.slotbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * PNG charts for the report, drawn by gnuplot (Debian's {@code gnuplot-nox}, installed by {@code bench/run}) from the
 * raw numbers. Without gnuplot the report says so instead of embedding them.
 */
final class Charts {
    private static String stamp = "bench";

    private Charts() {
    }

    /** The report's name: charts are named after it, next to it. */
    static void stamp(String reportStamp) {
        stamp = reportStamp;
    }

    /** The CDF of per-request added latency of each series (microseconds), log-scaled. */
    static Optional<String> addedLatencyCdf(Path work, Path results, Map<String, List<Long>> series) throws Exception {
        List<String> plots = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<Long>> entry : new TreeMap<>(series).entrySet()) {
            List<Long> sorted = entry.getValue().stream().sorted().toList();
            StringBuilder data = new StringBuilder();
            for (int i = 0; i < sorted.size(); i++) {
                data.append(String.format(Locale.ROOT, "%.3f %.5f%n", Math.max(1, sorted.get(i)) / 1000.0, (i + 1.0) / sorted.size()));
            }
            Path file = Files.writeString(work.resolve("cdf-" + index++ + ".dat"), data);
            plots.add("'" + file + "' using 1:2 with lines linewidth 2 title '" + entry.getKey() + "'");
        }
        return draw(work, results, "added-latency", """
                set title 'Added latency per request, measured inside (CDF)'
                set logscale x
                set xlabel 'added latency (ms, log scale)'
                set ylabel 'fraction of requests'
                set key bottom right
                set grid
                plot %s
                """.formatted(String.join(", ", plots)));
    }

    /** Bars of CPU per request (median, with min–max error bars) for each labelled figure. */
    static Optional<String> cpuPerRequest(Path work, Path results, Map<String, List<Double>> figures) throws Exception {
        StringBuilder data = new StringBuilder();
        int x = 0;
        for (Map.Entry<String, List<Double>> entry : figures.entrySet()) {
            List<Double> values = entry.getValue();
            data.append(String.format(Locale.ROOT, "%d \"%s\" %.2f %.2f %.2f%n", x++, entry.getKey(), CpuCost.median(values),
                    values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    values.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        }
        Path file = Files.writeString(work.resolve("cpu.dat"), data);
        return draw(work, results, "cpu-per-request", """
                set title 'Server CPU per request, 64 connections (median of 3, min-max bars)'
                set ylabel 'µs of CPU per request'
                set style fill solid 0.5
                set boxwidth 0.6
                set xtics rotate by -30
                set yrange [0:*]
                set grid ytics
                plot '%s' using 1:3:4:5:xtic(2) with boxerrorbars notitle
                """.formatted(file));
    }

    private static Optional<String> draw(Path work, Path results, String name, String script) throws IOException, InterruptedException {
        String fileName = stamp + "-" + name + ".png";
        Path png = results.resolve(fileName);
        Path gnuplot = Files.writeString(work.resolve(name + ".gp"), "set terminal pngcairo size 900,520 font ',10'\n"
                + "set output '" + png + "'\n" + script);
        try {
            Process process = new ProcessBuilder("gnuplot", gnuplot.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0 || !Files.exists(png)) {
                System.err.println("gnuplot failed for " + name + ":\n" + output);
                return Optional.empty();
            }
            return Optional.of(fileName);
        } catch (IOException noGnuplot) {
            System.err.println("gnuplot is not installed: the report has no " + name + " chart");
            return Optional.empty();
        }
    }
}

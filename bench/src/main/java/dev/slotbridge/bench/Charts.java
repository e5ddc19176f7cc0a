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
                set title 'Server CPU per request, at 16 and 64 connections (median of 3, min-max bars)'
                set ylabel 'µs of CPU per request'
                set style fill solid 0.5
                set boxwidth 0.6
                set xtics rotate by -30
                set yrange [0:*]
                set grid ytics
                plot '%s' using 1:3:4:5:xtic(2) with boxerrorbars notitle
                """.formatted(file));
    }

    /** The soak's samples, one panel per figure, with the mark (the start of the compared span) as a vertical line. */
    static Optional<String> soak(Path work, Path results, List<Soak.Sample> samples, long markSecond) throws Exception {
        StringBuilder data = new StringBuilder();
        for (Soak.Sample s : samples) {
            data.append(String.format(Locale.ROOT, "%.2f %.2f %.2f %d %.3f %.3f %.2f%n", s.second() / 60.0, s.rssKilobytes() / 1024.0,
                    s.liveHeapKilobytes() / 1024.0, s.openFds(), s.redisUsedBytes() / 1048576.0, s.redisTransientBytes() / 1048576.0,
                    s.p99Millis()));
        }
        Path file = Files.writeString(work.resolve("soak.dat"), data);
        String panel = "set arrow 1 from %1$.2f, graph 0 to %1$.2f, graph 1 nohead dashtype 2%n".formatted(markSecond / 60.0);
        String[][] panels = {{"2", "resident memory (MB)"}, {"3", "live heap after a full GC (MB)"}, {"4", "open file descriptors"},
                {"5", "Redis used memory (MB)"}, {"6", "Redis records not kept by design (MB)"}, {"7", "p99 latency (ms)"}};
        StringBuilder script = new StringBuilder("set multiplot layout 3,2 title 'Soak: per-interval samples (dashed: the mark)'\n"
                + "set grid\nset xlabel 'minutes'\nset yrange [0:*]\n");
        for (String[] p : panels) {
            script.append(panel).append("set title '").append(p[1]).append("'\nplot '").append(file).append("' using 1:")
                    .append(p[0]).append(" with linespoints notitle\n");
        }
        script.append("unset multiplot\n");
        return draw(work, results, "soak", script.toString(), "900,900");
    }

    private static Optional<String> draw(Path work, Path results, String name, String script) throws IOException, InterruptedException {
        return draw(work, results, name, script, "900,520");
    }

    private static Optional<String> draw(Path work, Path results, String name, String script, String size)
            throws IOException, InterruptedException {
        String fileName = stamp + "-" + name + ".png";
        Path png = results.resolve(fileName);
        Path gnuplot = Files.writeString(work.resolve(name + ".gp"), "set terminal pngcairo size " + size + " font ',10'\n"
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

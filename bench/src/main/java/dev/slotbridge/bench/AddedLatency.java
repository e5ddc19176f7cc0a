package dev.slotbridge.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Added latency as the server measures it per request: its request lines' {@code outside_us} (handling time minus
 * the time inside scheduler exchanges), read from the server's log for the lines a run added; and the percentiles of
 * such per-request figures (never a difference of percentiles of two runs).
 */
final class AddedLatency {
    /** {@code path=… [council=… operation=…] status=… … outside_us=…}: fields between path and status are skipped. */
    private static final Pattern OUTSIDE = Pattern.compile("path=(\\S+) (?:\\S+ )*?status=(\\d+) .*outside_us=(\\d+)");

    private AddedLatency() {
    }

    /** The log's length now: read only what is written after it. */
    static long mark(Path log) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            return file.length();
        }
    }

    /** The outside_us of every 2xx request to {@code path} logged after {@code mark}. */
    static List<Long> outsideMicros(Path log, long mark, String path) throws IOException {
        List<Long> values = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(mark);
            byte[] rest = new byte[(int) (file.length() - mark)];
            file.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                Matcher matcher = OUTSIDE.matcher(line);
                if (matcher.find() && matcher.group(1).equals(path) && matcher.group(2).startsWith("2")) {
                    values.add(Long.parseLong(matcher.group(3)));
                }
            }
        }
        return values;
    }

    /** The value at the percentile (0–100) of the values, nearest rank; NaN for none. */
    static double percentile(List<Long> values, double percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** {@code p50 / p99 / max} in milliseconds. */
    static String summary(List<Long> micros) {
        return String.format(Locale.ROOT, "%s / %s / %s", Report.format(percentile(micros, 50) / 1000),
                Report.format(percentile(micros, 99) / 1000), Report.format(percentile(micros, 100) / 1000));
    }
}

package dev.slotbridge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code wrk} (its own process) for a bounded time and reads its numbers. */
final class Wrk {
    /**
     * One run's figures; latencies in milliseconds. {@code non2xx}: answers other than 2xx (and 3xx); {@code errors}:
     * those and the socket errors (connect, read, write, timeout) together.
     */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long non2xx, long errors) {
        /** The share of answers that were not 2xx, in per cent. */
        double non2xxPercent() {
            return requests == 0 ? 0 : 100.0 * non2xx / requests;
        }

        /** {@code non-2xx of requests (share %)}, for a report's table. */
        String non2xxShare() {
            return non2xx + " of " + requests + " (" + Report.format(non2xxPercent()) + " %)";
        }
    }

    private final Path scripts;

    Wrk(Path scripts) {
        this.scripts = scripts;
    }

    Result run(String name, String url, String method, String body, Map<String, String> headers, int connections,
               Duration duration) throws IOException, InterruptedException {
        StringBuilder lua = new StringBuilder("wrk.method = \"" + method + "\"\n");
        if (body != null) {
            lua.append("wrk.body = [==[").append(body).append("]==]\n");
        }
        headers.forEach((key, value) -> lua.append("wrk.headers[\"").append(key).append("\"] = \"").append(value).append("\"\n"));
        return run(name, url, lua.toString(), connections, duration);
    }

    /**
     * POSTs a body in which {@code UNIQUE} is replaced by a value no other request of the run has (each wrk thread
     * numbers its own requests), e.g. a booking's order number.
     */
    Result runUnique(String name, String url, String body, Map<String, String> headers, int connections,
                     Duration duration) throws IOException, InterruptedException {
        StringBuilder lua = new StringBuilder("""
                local threads = 0
                function setup(thread)
                  threads = threads + 1
                  thread:set("tid", threads)
                end
                local counter = 0
                """);
        // wrk seeds every run's random numbers alike: without the run's own prefix a repeated run sends the same
        // order numbers again, and the scheduler refuses them as duplicates
        lua.append("local run = \"R").append(Long.toString(System.nanoTime(), 36)).append("\"\n");
        lua.append("local template = [==[").append(body).append("]==]\nlocal headers = {}\n");
        headers.forEach((key, value) -> lua.append("headers[\"").append(key).append("\"] = \"").append(value).append("\"\n"));
        lua.append("""
                request = function()
                  counter = counter + 1
                  local unique = run .. "-" .. tostring(tid) .. "-" .. tostring(counter) .. "-" .. tostring(math.random(1000000000))
                  return wrk.format("POST", nil, headers, (string.gsub(template, "UNIQUE", unique)))
                end
                """);
        return run(name, url, lua.toString(), connections, duration);
    }

    private Result run(String name, String url, String lua, int connections, Duration duration)
            throws IOException, InterruptedException {
        Path script = scripts.resolve(name + ".lua");
        Files.writeString(script, lua);
        int threads = Math.min(connections, 2);
        Process wrk = new ProcessBuilder(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "-s", script.toString(), url)).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return parse(output);
    }

    static Result parse(String output) {
        double rps = number(output, "Requests/sec:\\s+([\\d.]+)");
        long requests = (long) number(output, "(\\d+) requests in");
        long non2xx = (long) optional(output, "Non-2xx or 3xx responses: (\\d+)");
        long errors = non2xx + (long) optional(output, "Socket errors: connect (\\d+)")
                + (long) optional(output, "read (\\d+), write") + (long) optional(output, "timeout (\\d+)");
        return new Result(rps, latency(output, "50%"), latency(output, "99%"), requests, non2xx, errors);
    }

    private static double latency(String output, String percentile) {
        Matcher matcher = Pattern.compile(percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk printed no " + percentile + " latency:\n" + output);
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static double optional(String output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}

package dev.slotbridge.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The main throughput figure: the server process's CPU time (user + system, /proc/pid/stat) per request served, for
 * a 14-day search (the same property, and a property of its own per request: identical searches in flight share one
 * scheduler call), GET booking and book on the sandbox, each measured right next to the precomputed baseline endpoint
 * answering the same number of bytes, in the same server and run: at 16 and at 64 connections (wrk, closed loop) and
 * at a fixed offered load (this process, open loop). Three repetitions, so the ratios' spread shows what the
 * machine's noise does to them. In a closed loop a repetition alternates endpoint and baseline in one-second slices
 * and sums each one's CPU and requests over its slices: a machine whose speed drifts over seconds (neighbours on the
 * host) then slows both alike, instead of whichever ran in the slow five seconds.
 */
final class CpuCost {
    static final int REPETITIONS = 3;
    static final int FIXED_RATE = 400;
    private static final Duration SLICE = Duration.ofSeconds(1);
    private static final int MIN_WARM_UP_SLICES = 3;
    private static final int MAX_WARM_UP_SLICES = 40;
    private static final int[] CONNECTIONS = {16, 64};
    /** Issue 36's targets for search and GET booking, at 16 and at 64 connections alike. */
    private static final Map<String, Double> TARGET_RATIO = Map.of("search (14 days)", 1.6, "search (14 days), a property each", 1.6,
            "GET booking", 1.25, "book", 3.0);

    private final Path work;
    private final Path serverJar;
    private final Wrk wrk;
    private final Duration runTime;
    private final Report report;
    private final Path results;
    private long measuredCpuNanos;
    private long measuredCompilerNanos;

    CpuCost(Path work, Path serverJar, Wrk wrk, Duration runTime, Report report, Path results) {
        this.results = results;
        this.work = work;
        this.serverJar = serverJar;
        this.wrk = wrk;
        this.runTime = runTime;
        this.report = report;
    }

    /** One endpoint's load, and how to offer it. */
    private record Endpoint(String name, String url, String method, String body, boolean unique, int baselineBytes) {
    }

    /**
     * One measured run: CPU per request in microseconds, wrk's figures (null at a fixed rate), and the requests sent
     * and those not answered 2xx.
     */
    private record Run(double cpuMicrosPerRequest, Double requestsPerSecond, Double p99Millis, long requests, long non2xx) {
    }

    void measure() throws Exception {
        Path config = Files.writeString(work.resolve("cpu.yml"), BenchMain.sandboxConfig());
        try (ServerProcess server = ServerProcess.start(serverJar, config, BenchMain.freePort(), BenchMain.JVM_OPTIONS, Map.of(),
                work.resolve("cpu.log"))) {
            Api api = new Api(server.base);
            LocalDate monday = Api.nextMonday();
            String search = Api.searchBody(null, monday, monday.plusDays(13));
            String answer = api.post("/v1/councils/sandbox/appointment-search", search);
            String slotId = api.read(answer).path("slots").path(0).path("slotId").asText();
            String booked = api.post("/v1/councils/sandbox/bookings", Api.bookBody(slotId, "BENCH-CPU"));
            String ref = api.read(booked).path("bookingRef").asText();
            int viewBytes = api.get("/v1/councils/sandbox/bookings/" + ref).getBytes(StandardCharsets.UTF_8).length;
            List<Endpoint> endpoints = List.of(
                    new Endpoint("search (14 days)", server.base + "/v1/councils/sandbox/appointment-search", "POST", search, false,
                            answer.getBytes(StandardCharsets.UTF_8).length),
                    new Endpoint("search (14 days), a property each", server.base + "/v1/councils/sandbox/appointment-search", "POST",
                            search.replace("\"propertyRef\":\"3670010\"", "\"propertyRef\":\"BENCH-UNIQUE\""), true,
                            answer.getBytes(StandardCharsets.UTF_8).length),
                    new Endpoint("GET booking", server.base + "/v1/councils/sandbox/bookings/" + ref, "GET", null, false, viewBytes),
                    new Endpoint("book", server.base + "/v1/councils/sandbox/bookings", "POST",
                            Api.bookBody(slotId, "BENCH-UNIQUE"), true, booked.getBytes(StandardCharsets.UTF_8).length));
            Map<String, Object> raw = new LinkedHashMap<>();
            Map<String, List<Double>> bars = new LinkedHashMap<>();
            StringBuilder table = new StringBuilder("## CPU per request\n\nThe server process's CPU time (user + system) per "
                    + "request served, next to the precomputed baseline endpoint answering as many bytes, measured "
                    + "alternately in the same server and run (at 16 and 64 connections in one-second slices, endpoint and "
                    + "baseline in turn); " + REPETITIONS + " repetitions of " + runTime.toSeconds()
                    + " s each: median (min–max); non-2xx: answers other than 2xx (at a fixed rate, also those not "
                    + "answered), over every repetition.\n\n| endpoint | load | µs CPU / request | baseline µs CPU / request "
                    + "| ratio | requests/s | p99 ms | non-2xx (share) |\n|---|---|---|---|---|---|---|---|\n");
            StringBuilder handOver = new StringBuilder("\nThe API's controllers answer on a virtual thread (they block on "
                    + "schedulers and stores), the baseline on the event loop. The same baseline answered on a virtual "
                    + "thread, in the same slices, shows what that hand-over costs and what is the endpoint's own work "
                    + "(median (min–max)):\n\n| endpoint | connections | baseline µs | baseline on a virtual thread µs "
                    + "| hand-over µs | endpoint / baseline on a virtual thread |\n|---|---|---|---|---|---|\n");
            for (Endpoint endpoint : endpoints) {
                // right before its own measurement: the book warm-up makes enough bookings to push the viewed one out
                for (Endpoint warmed : List.of(endpoint, baseline(server, endpoint), onVirtualThread(baseline(server, endpoint)))) {
                    WarmUp.untilCompilersQuiet(server, MIN_WARM_UP_SLICES, MAX_WARM_UP_SLICES, () -> closedLoop(warmed, SLICE, 64));
                }
                List<String> loads = new ArrayList<>();
                for (int connections : CONNECTIONS) {
                    loads.add(connections + " connections");
                }
                loads.add(FIXED_RATE + " requests/s");
                for (String load : loads) {
                    int connections = load.endsWith(" connections") ? Integer.parseInt(load.substring(0, load.indexOf(' '))) : 0;
                    List<Run> runs = new ArrayList<>();
                    List<Run> baselines = new ArrayList<>();
                    List<Run> onVirtualThread = new ArrayList<>();
                    for (int i = 0; i < REPETITIONS; i++) {
                        Endpoint baseline = baseline(server, endpoint);
                        if (connections > 0) {
                            List<Run> slices = interleaved(server, List.of(endpoint, baseline, onVirtualThread(baseline)), connections);
                            runs.add(slices.get(0));
                            baselines.add(slices.get(1));
                            onVirtualThread.add(slices.get(2));
                        } else {
                            runs.add(fixedRate(server, endpoint));
                            baselines.add(fixedRate(server, baseline));
                        }
                    }
                    List<Double> cpu = runs.stream().map(Run::cpuMicrosPerRequest).toList();
                    List<Double> base = baselines.stream().map(Run::cpuMicrosPerRequest).toList();
                    List<Double> ratios = new ArrayList<>();
                    for (int i = 0; i < REPETITIONS; i++) {
                        ratios.add(cpu.get(i) / base.get(i));
                    }
                    Run last = runs.getLast();
                    long requests = runs.stream().mapToLong(Run::requests).sum();
                    long non2xx = runs.stream().mapToLong(Run::non2xx).sum();
                    double non2xxPercent = requests == 0 ? 0 : 100.0 * non2xx / requests;
                    table.append("| ").append(endpoint.name()).append(" | ").append(load).append(" | ").append(spread(cpu))
                            .append(" | ").append(spread(base)).append(" | ").append(spread(ratios)).append("× | ")
                            .append(last.requestsPerSecond() == null ? "—" : Report.format(last.requestsPerSecond())).append(" | ")
                            .append(last.p99Millis() == null ? "—" : Report.format(last.p99Millis())).append(" | ")
                            .append(non2xx).append(" of ").append(requests).append(" (").append(Report.format(non2xxPercent))
                            .append(" %) |\n");
                    raw.put(endpoint.name() + " @ " + load, Map.of("cpuMicrosPerRequest", cpu, "baselineCpuMicrosPerRequest", base,
                            "ratios", ratios, "requests", requests, "non2xx", non2xx));
                    report.target("non-2xx share, " + endpoint.name() + ", " + load, non2xxPercent, "%", "<=", 0);
                    if (connections > 0) {
                        List<Double> virtual = onVirtualThread.stream().map(Run::cpuMicrosPerRequest).toList();
                        List<Double> hops = new ArrayList<>();
                        List<Double> toVirtual = new ArrayList<>();
                        for (int i = 0; i < REPETITIONS; i++) {
                            hops.add(virtual.get(i) - base.get(i));
                            toVirtual.add(cpu.get(i) / virtual.get(i));
                        }
                        handOver.append("| ").append(endpoint.name()).append(" | ").append(connections).append(" | ").append(spread(base)).append(" | ")
                                .append(spread(virtual)).append(" | ").append(spread(hops)).append(" | ")
                                .append(spread(toVirtual)).append("× |\n");
                        raw.put(endpoint.name() + " @ " + load + " on a virtual thread",
                                Map.of("baselineCpuMicrosPerRequest", virtual, "ratios", toVirtual));
                        bars.put(endpoint.name() + ", " + connections, cpu);
                        bars.put("baseline, " + connections, base);
                        report.target("CPU per request / baseline, " + endpoint.name() + ", " + connections + " connections (median of "
                                + REPETITIONS + ")", median(ratios), "×", "<=", TARGET_RATIO.get(endpoint.name()));
                    }
                }
            }
            double compilerShare = 100.0 * measuredCompilerNanos / Math.max(1, measuredCpuNanos);
            raw.put("jitCompilerPercentOfMeasuredCpu", compilerShare);
            report.raw("cpuPerRequest", raw);
            table.append("\nEach endpoint was loaded first until the JIT compilers were quiet (under ")
                    .append(Report.format(100 * WarmUp.QUIET_COMPILERS)).append(" % of the server's CPU in three one-second slices running); "
                            + "in the 16- and 64-connection slices they used ").append(Report.format(compilerShare))
                    .append(" % of it.\n");
            table.append(handOver);
            Charts.cpuPerRequest(work, results, bars).ifPresent(chart -> table.append("\n![CPU per request](").append(chart).append(")\n"));
            report.section(table.toString());
        }
    }

    private static Endpoint baseline(ServerProcess server, Endpoint endpoint) {
        return new Endpoint("baseline", server.base + "/bench/baseline?bytes=" + endpoint.baselineBytes(), "GET", null, false,
                endpoint.baselineBytes());
    }

    private static Endpoint onVirtualThread(Endpoint baseline) {
        return new Endpoint("baseline on a virtual thread",
                baseline.url().replace("/bench/baseline?", "/bench/baseline/virtual-thread?"), "GET", null, false,
                baseline.baselineBytes());
    }

    /**
     * The endpoints in turn, one {@link #SLICE} each, for {@code runTime}; per endpoint its CPU and requests summed
     * over its slices, its requests/s over its own time and the median of its slices' p99.
     */
    private List<Run> interleaved(ServerProcess server, List<Endpoint> endpoints, int connections) throws Exception {
        long slices = Math.max(1, runTime.dividedBy(SLICE));
        long[] cpuNanos = new long[endpoints.size()];
        long[] served = new long[endpoints.size()];
        long[] sent = new long[endpoints.size()];
        long[] non2xx = new long[endpoints.size()];
        List<List<Double>> p99s = endpoints.stream().<List<Double>>map(endpoint -> new ArrayList<>()).toList();
        for (long slice = 0; slice < slices; slice++) {
            for (int i = 0; i < endpoints.size(); i++) {
                long before = server.cpuNanos();
                long compilers = server.compilerNanos();
                Wrk.Result result = closedLoop(endpoints.get(i), SLICE, connections);
                if (result.errors() > result.requests() / 100) {
                    throw new IllegalStateException(endpoints.get(i).name() + " failed " + result.errors() + " of "
                            + result.requests() + " requests: CPU per request of failures is no figure");
                }
                cpuNanos[i] += server.cpuNanos() - before;
                measuredCpuNanos += server.cpuNanos() - before;
                measuredCompilerNanos += server.compilerNanos() - compilers;
                served[i] += result.requests() - result.errors();
                sent[i] += result.requests();
                non2xx[i] += result.non2xx();
                p99s.get(i).add(result.p99Millis());
            }
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            runs.add(new Run(cpuNanos[i] / 1000.0 / Math.max(1, served[i]),
                    served[i] / (double) (slices * SLICE.toSeconds()), median(p99s.get(i)), sent[i], non2xx[i]));
        }
        return runs;
    }

    private Wrk.Result closedLoop(Endpoint endpoint, Duration duration, int connections) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!endpoint.url().contains("/bench/")) {
            headers.put("Authorization", "Bearer " + Api.KEY);
        }
        if (endpoint.body() != null) {
            headers.put("Content-Type", "application/json");
        }
        return endpoint.unique()
                ? wrk.runUnique("cpu", endpoint.url(), endpoint.body().replace("BENCH-UNIQUE", "UNIQUE"), headers, connections, duration)
                : wrk.run("cpu", endpoint.url(), endpoint.method(), endpoint.body(), headers, connections, duration);
    }

    private Run fixedRate(ServerProcess server, Endpoint endpoint) throws Exception {
        long[] counter = {0};
        long before = server.cpuNanos();
        FixedRateLoad.Result result = FixedRateLoad.run(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(Duration.ofSeconds(10));
            if (!endpoint.url().contains("/bench/")) {
                request.header("Authorization", "Bearer " + Api.KEY);
            }
            if (endpoint.body() == null) {
                return request.GET().build();
            }
            String body = endpoint.unique() ? endpoint.body().replace("BENCH-UNIQUE", "FIXED-" + System.nanoTime() + "-" + counter[0]++)
                    : endpoint.body();
            return request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }, FIXED_RATE, runTime);
        long used = server.cpuNanos() - before;
        return new Run(used / 1000.0 / Math.max(1, result.answered()), null, null, result.answered() + result.failed(),
                result.failed());
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** {@code median (min–max)}. */
    static String spread(List<Double> values) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "%s (%s–%s)", Report.format(median(values)), Report.format(min), Report.format(max));
    }
}

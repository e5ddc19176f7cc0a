package dev.slotbridge.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.connect.FakeConnect;
import dev.slotbridge.provider.drs.FakeDrs;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;


/**
 * Runs every Slotbridge benchmark on this machine, everything on loopback, and writes
 * {@code bench/results/<timestamp>.md} and {@code .json}:
 * <ol>
 *   <li>footprint: start to first successful readiness, resident memory idle and under load;</li>
 *   <li>throughput against the framework's limit: search (14 days) and GET booking on the sandbox at 1, 16 and 64
 *       connections, next to a baseline endpoint of the same size in the same server and run;</li>
 *   <li>bursts ({@link BurstCost}): 64 connections with default settings against the sandbox and a DRS backend, whose
 *       share of non-2xx answers must be 0;</li>
 *   <li>overhead in front of real-protocol backends: Connect- and DRS-shaped backends answering after 50 ms, called
 *       directly and through Slotbridge at 32 connections; backend round trips per operation, on the stateful fakes;</li>
 *   <li>abuse ({@link AbuseCost}): 10,000 searches with 5,000 job codes each, and a valid key after 1,000 wrong
 *       ones from its address; the part fails, after the report is written, when an answer is not what issue 31
 *       promises;</li>
 *   <li>JMH micro-benchmarks of the hot paths.</li>
 * </ol>
 * Arguments: the repository root, optionally the seconds each load run lasts (default 8), then optionally the parts to
 * run ({@code cpu}, {@code throughput}, {@code burst}, {@code overhead}, {@code scale}, {@code store}, {@code abuse}, {@code jmh};
 * default all). {@code soak 30m} (or any length from 1 minute, e.g. {@code 3m}) runs the soak ({@link Soak}) alone.
 */
public final class BenchMain {
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");
    private static final int[] CONNECTIONS = {1, 16, 64};
    private static final int BACKEND_DELAY_MILLIS = 50;
    private static final int OVERHEAD_CONNECTIONS = 32;
    /** Measured runs per gateway in the overhead part: CPU per request is their median (min–max). */
    private static final int OVERHEAD_REPETITIONS = 3;
    private static final int MIN_WARM_UP_SECONDS = 10;
    private static final int MAX_WARM_UP_SECONDS = 90;
    private static final Set<String> PARTS = Set.of("cpu", "throughput", "burst", "overhead", "scale", "store", "abuse",
            "jmh");

    private final Path root;
    private final Path work;
    private final Duration runTime;
    private final Wrk wrk;
    private final Report report = new Report();

    private BenchMain(Path root, Duration runTime) throws Exception {
        this.root = root;
        this.runTime = runTime;
        this.work = Files.createTempDirectory("slotbridge-bench");
        this.wrk = new Wrk(work);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        if (args.length > 1 && args[1].equals("soak")) {
            Duration duration = soakDuration(args.length > 2 ? args[2] : "30m");
            BenchMain bench = new BenchMain(root, Duration.ofSeconds(8));
            bench.tidyingUp(() -> bench.soak(duration));
            return;
        }
        Duration runTime = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 8);
        Set<String> parts = args.length > 2 ? Set.of(Arrays.copyOfRange(args, 2, args.length)) : PARTS;
        if (!PARTS.containsAll(parts)) {
            throw new IllegalArgumentException("parts are " + PARTS + ", got " + parts);
        }
        BenchMain bench = new BenchMain(root, runTime);
        bench.tidyingUp(() -> bench.run(parts));
    }

    private interface Measurement {
        void run() throws Exception;
    }

    /**
     * Runs the measurement, then deletes the work folder (the servers' logs of a full run are gigabytes: every request
     * has a line); a failed run keeps it, and says where, for a look at what went wrong.
     */
    private void tidyingUp(Measurement measurement) throws Exception {
        boolean measured = false;
        try {
            measurement.run();
            measured = true;
        } finally {
            if (measured) {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            } else {
                System.err.println("The work folder (servers' logs and configurations) is kept: " + work);
            }
        }
    }

    private void run(Set<String> parts) throws Exception {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm"))
                + (parts.equals(PARTS) ? "" : "-" + String.join("-", new TreeSet<>(parts)));
        Charts.stamp(stamp);
        machine();
        if (parts.contains("cpu")) {
            new CpuCost(work, serverJar(), wrk, runTime, report, Files.createDirectories(root.resolve("bench/results"))).measure();
        }
        if (parts.contains("throughput")) {
            throughputAndFootprint();
        }
        if (parts.contains("burst")) {
            new BurstCost(work, serverJar(), wrk, runTime, report).measure();
        }
        if (parts.contains("overhead")) {
            overhead();
        }
        if (parts.contains("scale")) {
            new ScaleCost(work, serverJar(), wrk, runTime, report).measure();
        }
        if (parts.contains("store")) {
            new StoreCost(work, serverJar(), report).measure();
        }
        List<String> failures = parts.contains("abuse") ? new AbuseCost(work, serverJar(), report).measure() : List.of();
        if (parts.contains("jmh")) {
            microBenchmarks();
        }
        Path results = Files.createDirectories(root.resolve("bench/results"));
        report.write(results.resolve(stamp + ".md"), results.resolve(stamp + ".json"), "Slotbridge benchmarks, " + stamp);
        System.out.println("Report: " + results.resolve(stamp + ".md"));
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the abuse part failed (the report says what was measured):\n  "
                    + String.join("\n  ", failures));
        }
    }

    /** {@code 30m}, {@code 3m} or {@code 90s}: at least 1 minute, so there are samples after the mark. */
    static Duration soakDuration(String text) {
        if (!text.matches("\\d+[ms]")) {
            throw new IllegalArgumentException("a soak lasts e.g. 30m or 90s, got " + text);
        }
        long value = Long.parseLong(text.substring(0, text.length() - 1));
        Duration duration = text.endsWith("m") ? Duration.ofMinutes(value) : Duration.ofSeconds(value);
        if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("a soak lasts at least 1 minute, got " + text);
        }
        return duration;
    }

    /** The soak alone ({@link Soak}): its report is {@code bench/results/<timestamp>-soak.md}, with its chart. */
    private void soak(Duration duration) throws Exception {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm")) + "-soak";
        Charts.stamp(stamp);
        machine();
        Path results = Files.createDirectories(root.resolve("bench/results"));
        new Soak(work, serverJar(), results, duration, report).measure();
        report.write(results.resolve(stamp + ".md"), results.resolve(stamp + ".json"), "Slotbridge soak, " + stamp);
        System.out.println("Report: " + results.resolve(stamp + ".md"));
    }

    private void machine() throws Exception {
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("\\s+", " ");
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.replaceFirst(".*:\\s*", "")).orElse("unknown");
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", cpu);
        machine.put("memory", memory);
        machine.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version());
        machine.put("serverJvmOptions", String.join(" ", JVM_OPTIONS));
        machine.put("loadGenerator", "wrk, its own process, 2 threads at most");
        machine.put("secondsPerLoadRun", runTime.toSeconds());
        report.raw("machine", machine);
        report.section("## Machine and settings\n\n" + machine.entrySet().stream()
                .map(entry -> "- " + entry.getKey() + ": " + entry.getValue()).reduce((a, b) -> a + "\n" + b).orElse("")
                + "\n- the load generator and the server share this machine's cores; backends are on loopback");
    }

    private void throughputAndFootprint() throws Exception {
        Path config = Files.writeString(work.resolve("throughput.yml"), sandboxConfig());
        try (ServerProcess server = ServerProcess.start(serverJar(), config, freePort(), JVM_OPTIONS, Map.of(), work.resolve("throughput.log"))) {
            report.raw("readyMillis", server.readyMillis());
            report.target("start to first successful /health/readiness", server.readyMillis(), "ms", "<=", 3000);
            Api api = new Api(server.base);
            LocalDate monday = Api.nextMonday();
            String search = Api.searchBody(null, monday, monday.plusDays(13));
            String answer = api.post("/v1/councils/sandbox/appointment-search", search);
            int searchBytes = answer.getBytes(StandardCharsets.UTF_8).length;
            String slotId = api.read(answer).path("slots").path(0).path("slotId").asText();
            String ref = api.read(api.post("/v1/councils/sandbox/bookings", Api.bookBody(slotId, "BENCH-VIEW"))).path("bookingRef").asText();
            int bookingBytes = api.get("/v1/councils/sandbox/bookings/" + ref).getBytes(StandardCharsets.UTF_8).length;
            long idle = server.rssMegabytes();
            report.raw("rssIdleMegabytes", idle);

            Map<String, String> json = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + Api.KEY);
            Map<String, Object> raw = new LinkedHashMap<>();
            StringBuilder table = new StringBuilder("## Throughput on the sandbox council\n\n"
                    + "Search: 14 days, " + searchBytes + " bytes. View: GET booking, " + bookingBytes + " bytes. Each next to "
                    + "`/bench/baseline` (a precomputed answer of the same size, same server, same run).\n\n"
                    + "| endpoint | connections | requests/s | baseline requests/s | ratio | p50 ms | p99 ms | baseline p99 ms | non-2xx (share) |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
            AtomicLong peakRss = new AtomicLong(idle);
            for (int connections : CONNECTIONS) {
                Thread sampler = connections == 64 ? Thread.ofVirtual().start(() -> sample(server, peakRss)) : null;
                Wrk.Result searchBase = load("baseline-search-" + connections, server.base + "/bench/baseline?bytes=" + searchBytes, "GET", null, Map.of(), connections);
                Wrk.Result searched = load("search-" + connections, server.base + "/v1/councils/sandbox/appointment-search", "POST", search, json, connections);
                Wrk.Result viewBase = load("baseline-view-" + connections, server.base + "/bench/baseline?bytes=" + bookingBytes, "GET", null, Map.of(), connections);
                Wrk.Result viewed = load("view-" + connections, server.base + "/v1/councils/sandbox/bookings/" + ref, "GET", null, json, connections);
                if (sampler != null) {
                    sampler.interrupt();
                }
                row(table, "search (14 days)", connections, searched, searchBase);
                row(table, "GET booking", connections, viewed, viewBase);
                raw.put("search-" + connections, Map.of("result", searched, "baseline", searchBase));
                raw.put("view-" + connections, Map.of("result", viewed, "baseline", viewBase));
                report.target("non-2xx share, search on the sandbox, " + connections + " connections", searched.non2xxPercent(), "%", "<=", 0);
                report.target("non-2xx share, GET booking on the sandbox, " + connections + " connections", viewed.non2xxPercent(), "%", "<=", 0);
                if (connections == 64) {
                    report.target("search throughput / baseline, 64 connections", 100 * searched.requestsPerSecond() / searchBase.requestsPerSecond(), "%", ">=", 60);
                    report.target("search p99, 64 connections", searched.p99Millis(), "ms", "<=", 25);
                    report.target("GET booking p99, 64 connections", viewed.p99Millis(), "ms", "<=", 25);
                }
            }
            report.raw("throughput", raw);
            report.raw("rssUnderLoadMegabytes", peakRss.get());
            report.target("resident memory under 64-connection load", peakRss.get(), "MB", "<=", 350);
            report.section(table.toString());
            report.section("## Footprint\n\n| figure | value |\n|---|---|\n| start to first successful readiness | "
                    + server.readyMillis() + " ms |\n| resident memory idle (after warm-up) | " + idle + " MB |\n"
                    + "| resident memory, peak under 64-connection load | " + peakRss.get() + " MB |\n"
                    + "| JVM options | `" + String.join(" ", JVM_OPTIONS) + "` |");
        }
    }

    /**
     * One sandbox council with room for every booking a run makes (remembering the newest 50,000, so memory stays
     * bounded however long the run), and a client no rate limit holds back.
     */
    static String sandboxConfig() throws Exception {
        return """
                slotbridge:
                  signing-key: a-benchmark-signing-key-of-32-characters
                  clients:
                    bench:
                      key-sha256: %s
                      councils: [sandbox]
                      permissions: all
                      rate-limit: {requests: 100000000, period: 1s}
                  councils:
                    sandbox:
                      provider: sandbox
                      settings:
                        capacity-per-slot: "1000000"
                        max-bookings: "50000"
                """.formatted(sha256(Api.KEY));
    }

    private void overhead() throws Exception {
        LocalDate monday = Api.nextMonday();
        WireMockServer connect = CannedBackends.connect(monday, BACKEND_DELAY_MILLIS);
        WireMockServer drs = CannedBackends.drs(monday, BACKEND_DELAY_MILLIS);
        WireMockServer connectOps = FakeConnect.server(new FakeConnect());
        WireMockServer drsOps = FakeDrs.server(new FakeDrs());
        connectOps.start();
        drsOps.start();
        try {
            String connectOpsSettings = """
                    {base-url: "%s", username: "%s", password: "%s", contract-external-id: %s,
                     organisation-external-id: %s, default-priority: P20}""".formatted(connectOps.baseUrl() + FakeConnect.BASE,
                    FakeConnect.USER, FakeConnect.PASSWORD, FakeConnect.CONTRACT, FakeConnect.ORGANISATION).replace("\n", "");
            String drsOpsSettings = "{endpoint: \"%s\", username: %s, password: \"%s\", contract: \"0\", default-priority: P20}"
                    .formatted(drsOps.baseUrl() + FakeDrs.PATH, FakeDrs.LOGIN, FakeDrs.PASSWORD.replace("\"", "\\\""));
            Path config = Files.writeString(work.resolve("overhead.yml"), """
                    slotbridge:
                      signing-key: a-benchmark-signing-key-of-32-characters
                      clients:
                        bench:
                          key-sha256: %1$s
                          councils: [connect, drs, connect-ops, drs-ops, connect-ops-cached, drs-ops-cached]
                          permissions: all
                          rate-limit: {requests: 100000000, period: 1s}
                      resilience:
                        # above the load's connections: no call waits for a permit, so the added latency is
                        # Slotbridge's own work (the burst part measures waiting at the default of 25)
                        bulkhead: {max-concurrent-calls: 64}
                      councils:
                        connect:
                          provider: connect
                          settings: {base-url: "%2$s", username: bench, password: bench, contract-external-id: CONTRACT-1,
                                     organisation-external-id: ORG-1, default-priority: P20, number-of-weeks: "1"}
                        drs:
                          provider: drs
                          settings: {endpoint: "%3$s", username: bench, password: bench, contract: "0"}
                        connect-ops: {provider: connect, settings: %4$s}
                        drs-ops: {provider: drs, settings: %5$s}
                        connect-ops-cached: {provider: connect, settings: %4$s, cache: {ttl: 5m}}
                        drs-ops-cached: {provider: drs, settings: %5$s, cache: {ttl: 5m}}
                    """.formatted(sha256(Api.KEY), connect.baseUrl() + CannedBackends.CONNECT_BASE, drs.baseUrl() + CannedBackends.DRS_PATH,
                    connectOpsSettings, drsOpsSettings));
            try (ServerProcess server = ServerProcess.start(serverJar(), config, freePort(), JVM_OPTIONS, Map.of(), work.resolve("overhead.log"))) {
                Api api = new Api(server.base);
                Map<String, String> json = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + Api.KEY);
                Path log = work.resolve("overhead.log");
                StringBuilder table = new StringBuilder("## Overhead in front of real-protocol backends\n\n"
                        + "Backends on loopback give fixed, vendor-shaped answers after " + BACKEND_DELAY_MILLIS + " ms. \"Direct\" is one "
                        + "backend call made by wrk straight to the backend; \"through\" is the uniform search (one week) through "
                        + "Slotbridge, or the same backend call through nginx (a reverse proxy doing nothing else), all at "
                        + OVERHEAD_CONNECTIONS + " connections, the councils' bulkhead sized above them (64 calls) so that no "
                        + "call waits for a permit. **Added** is measured inside, per request: for Slotbridge its "
                        + "handling time minus the time inside scheduler exchanges (its request line's `outside_us`), for nginx "
                        + "`$request_time − $upstream_response_time`; p50 / p99 / max over every request of the runs. Each gateway "
                        + "is measured in " + OVERHEAD_REPETITIONS + " runs one after the other; CPU is the process's (nginx: master "
                        + "and workers) per request served, the median run's (min–max; and the part the JVM's JIT compiler threads "
                        + "used, a fresh server still compiling code it meets for the first time); wrk's through figures are that "
                        + "run's.\n\n"
                        + "| gateway → backend | round trips | direct p50 / p99 ms (wrk) | through p50 / p99 ms (wrk) | added p50 / p99 / max ms (inside) | CPU µs / request, median (min–max; JIT compilers) | non-2xx through (share) |\n"
                        + "|---|---|---|---|---|---|---|\n");
                Map<String, Object> raw = new LinkedHashMap<>();

                String connectSearch = Api.searchBody("BENCH-CX", monday, monday.plusDays(6));
                String drsSearch = Api.searchBody("BENCH-DRS", monday, monday.plusDays(6));
                api.post("/v1/councils/connect/appointment-search", connectSearch);
                api.post("/v1/councils/drs/appointment-search", drsSearch);
                Wrk.Result connectDirect = load("connect-direct", connect.baseUrl() + CannedBackends.CONNECT_BASE
                        + "/api/availability?PrimaryOrderNumber=BENCH-CX&Date=" + monday + "&NumberOfWeeks=1", "GET", null,
                        Map.of("Accept", "application/json;version=3", "Authorization", "Bearer bench-token"), OVERHEAD_CONNECTIONS);
                int connectTrips = countCalls(connect, () -> api.post("/v1/councils/connect/appointment-search", connectSearch));
                Inside connectInside = inside(server, log, "/v1/councils/connect/appointment-search", "connect-through",
                        distinct(connectSearch), json);
                overheadRow(table, raw, "Slotbridge → Connect", connectTrips, connectDirect, connectInside);
                report.target("non-2xx share, Slotbridge → Connect search, " + OVERHEAD_CONNECTIONS + " connections",
                        connectInside.through().non2xxPercent(), "%", "<=", 0);
                report.target("Connect search for an existing order: backend round trips (warm)", connectTrips, "", "<=", 2);

                String checkAvailability = drsCheckAvailability(monday, monday.plusDays(6));
                Wrk.Result drsDirect = load("drs-direct", drs.baseUrl() + CannedBackends.DRS_PATH, "POST", checkAvailability,
                        Map.of("Content-Type", "text/xml; charset=utf-8", "SOAPAction", "\\\"\\\""), OVERHEAD_CONNECTIONS);
                int drsTrips = countCalls(drs, () -> api.post("/v1/councils/drs/appointment-search", drsSearch));
                settle(drs);
                Inside drsInside = inside(server, log, "/v1/councils/drs/appointment-search", "drs-through", distinct(drsSearch),
                        json);
                int opensDuringLoad = countOpenSessions(drs);
                overheadRow(table, raw, "Slotbridge → DRS", drsTrips, drsDirect, drsInside);
                report.target("non-2xx share, Slotbridge → DRS search, " + OVERHEAD_CONNECTIONS + " connections",
                        drsInside.through().non2xxPercent(), "%", "<=", 0);
                Inside nginx = throughNginx(drs, checkAvailability);
                overheadRow(table, raw, "nginx → DRS", 1, drsDirect, nginx);
                floor(table, raw, Map.of("Connect", connectInside, "DRS", drsInside), Map.of("Connect", connectTrips, "DRS", drsTrips), nginx);
                Charts.addedLatencyCdf(work, root.resolve("bench/results"), Map.of("Slotbridge → Connect", connectInside.added(),
                        "Slotbridge → DRS", drsInside.added(), "nginx → DRS", nginx.added())).ifPresent(chart ->
                        table.append("\n![Added latency, CDF](").append(chart).append(")\n"));
                report.target("DRS: openSession calls during the load, once warm", opensDuringLoad, "", "<=", 0);

                double oneCall = median(20, () -> postRaw(drs.baseUrl() + CannedBackends.DRS_PATH, checkAvailability));
                String month = Api.searchBody("BENCH-DRS", monday, monday.plusDays(27));
                double monthSearch = median(20, () -> api.post("/v1/councils/drs/appointment-search", month));
                report.raw("drs28DaySearch", Map.of("oneCheckAvailabilityMillis", oneCall, "searchMillis", monthSearch));
                report.target("DRS 28-day search / one checkAvailability round trip (one at a time)", monthSearch / oneCall, "×", "<=", 1.5);
                table.append("\nDRS 28-day search (four 7-day checkAvailability calls in parallel), one at a time: median ")
                        .append(Report.format(monthSearch)).append(" ms, against ").append(Report.format(oneCall))
                        .append(" ms for one direct checkAvailability.\n");
                roundTrips(table, raw, api, monday, Map.of("connect-ops", connectOps, "drs-ops", drsOps));
                report.raw("overhead", raw);
                report.section(table.toString());
            }
        } finally {
            connect.stop();
            drs.stop();
            connectOps.stop();
            drsOps.stop();
        }
    }

    /**
     * Backend calls per step of a tenant's journey, counted on the stateful fakes, without and with the availability
     * cache (warm: token, windows, session cached by an earlier search of other dates). The journey: search, the same
     * search again (the portal going back to its list of slots), book, view, cancel, and the search once more (a
     * booking and a cancel drop the property's cached slots, so this one asks the scheduler again).
     */
    private static void roundTrips(StringBuilder table, Map<String, Object> raw, Api api, LocalDate monday,
                                   Map<String, WireMockServer> backends) throws Exception {
        table.append("\n### Backend round trips per tenant journey (warm)\n\n")
                .append("| provider | availability cache | search | same search again | book | view | cancel | search after cancel | journey |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (String council : List.of("connect-ops", "connect-ops-cached", "drs-ops", "drs-ops-cached")) {
            WireMockServer backend = backends.get(council.replace("-cached", ""));
            String externalRef = "BENCH-TRIPS-" + council;
            String search = "/v1/councils/" + council + "/appointment-search";
            String body = Api.searchBody(externalRef, monday.plusDays(14), monday.plusDays(18));
            String[] slot = new String[1];
            String[] ref = new String[1];
            api.post(search, Api.searchBody(externalRef, monday.plusDays(21), monday.plusDays(25)));
            List<Integer> steps = List.of(
                    countCalls(backend, () -> slot[0] = api.read(api.post(search, body)).path("slots").path(0).path("slotId").asText()),
                    countCalls(backend, () -> api.post(search, body)),
                    countCalls(backend, () -> ref[0] = api.read(api.post("/v1/councils/" + council + "/bookings",
                            Api.bookBody(slot[0], externalRef))).path("bookingRef").asText()),
                    countCalls(backend, () -> api.get("/v1/councils/" + council + "/bookings/" + ref[0])),
                    countCalls(backend, () -> api.post("/v1/councils/" + council + "/bookings/" + ref[0] + "/cancel",
                            "{\"reason\":\"Benchmark\"}")),
                    countCalls(backend, () -> api.post(search, body)));
            String provider = council.replace("-ops", "").replace("-cached", "");
            String cache = council.endsWith("-cached") ? "on (ttl 5 min)" : "off";
            table.append("| ").append(provider).append(" | ").append(cache);
            steps.forEach(calls -> table.append(" | ").append(calls));
            table.append(" | **").append(steps.stream().mapToInt(Integer::intValue).sum()).append("** |\n");
            raw.put(council + "-journeyRoundTrips", steps);
        }
    }

    private void microBenchmarks() throws Exception {
        var results = new Runner(new OptionsBuilder().include("dev\\.slotbridge\\..*Benchmark")
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1)).build()).run();
        StringBuilder table = new StringBuilder("## Hot paths (JMH, 1 fork, 3×1 s warm-up, 5×1 s measured)\n\n| benchmark | score | error | unit |\n|---|---|---|---|\n");
        Map<String, Object> raw = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceFirst("^dev\\.slotbridge\\.", "");
            var primary = result.getPrimaryResult();
            table.append("| ").append(name).append(" | ").append(Report.format(primary.getScore())).append(" | ± ")
                    .append(Report.format(primary.getScoreError())).append(" | ").append(primary.getScoreUnit()).append(" |\n");
            raw.put(name, Map.of("score", primary.getScore(), "error", primary.getScoreError(), "unit", primary.getScoreUnit()));
        }
        report.raw("jmh", raw);
        report.section(table.toString());
    }

    private Wrk.Result load(String name, String url, String method, String body, Map<String, String> headers, int connections) throws Exception {
        wrk.run(name + "-warmup", url, method, body, headers, connections, Duration.ofSeconds(2));
        return wrk.run(name, url, method, body, headers, connections, runTime);
    }

    /**
     * The search at a property of its own per request: identical searches in flight share one scheduler call, so a
     * load of one search repeated would measure coalescing, not the overhead of a search.
     */
    private static String distinct(String search) {
        return search.replace("\"propertyRef\":\"3670010\"", "\"propertyRef\":\"UNIQUE\"");
    }

    private static void row(StringBuilder table, String endpoint, int connections, Wrk.Result result, Wrk.Result baseline) {
        table.append("| ").append(endpoint).append(" | ").append(connections).append(" | ").append(Report.format(result.requestsPerSecond()))
                .append(" | ").append(Report.format(baseline.requestsPerSecond())).append(" | ")
                .append(Report.format(100 * result.requestsPerSecond() / baseline.requestsPerSecond())).append(" % | ")
                .append(Report.format(result.p50Millis())).append(" | ").append(Report.format(result.p99Millis())).append(" | ")
                .append(Report.format(baseline.p99Millis())).append(" | ").append(result.non2xxShare()).append(" |\n");
    }

    /**
     * The measured runs through a gateway: the run of median CPU per request (its wrk figures), every run's added
     * latencies, and CPU per request, median and min–max over the runs, of which the JIT compilers' (median).
     */
    record Inside(Wrk.Result through, List<Long> added, double cpuMicrosPerRequest, double cpuMin, double cpuMax,
                  double jitMicrosPerRequest) {
    }

    /** One measured run: wrk's result and the gateway's CPU per request, of which the JIT compilers'. */
    private record Run(Wrk.Result through, double cpuMicros, double jitMicros) {
    }

    private interface MeasuredRun {
        Run run() throws Exception;
    }

    /** The added latencies of every request since the runs began, read once they are over. */
    private interface AddedLatencies {
        List<Long> read() throws Exception;
    }

    /** {@link #OVERHEAD_REPETITIONS} runs, one after the other, summed up as an {@link Inside}. */
    private static Inside repeated(MeasuredRun measured, AddedLatencies addedSince) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < OVERHEAD_REPETITIONS; i++) {
            runs.add(measured.run());
        }
        List<Long> added = addedSince.read();
        List<Run> byCpu = runs.stream().sorted(Comparator.comparingDouble(Run::cpuMicros)).toList();
        Run median = byCpu.get(byCpu.size() / 2);
        double jit = runs.stream().mapToDouble(Run::jitMicros).sorted().toArray()[runs.size() / 2];
        return new Inside(median.through(), added, median.cpuMicros(), byCpu.getFirst().cpuMicros(),
                byCpu.getLast().cpuMicros(), jit);
    }

    /**
     * Loads Slotbridge with {@code body} ({@code UNIQUE} replaced per request: identical searches in flight share one
     * scheduler call) until the JIT compilers are quiet ({@link WarmUp}) and then for the measured runs, and reads the
     * measured runs' request lines from the server's log; CPU is the measured runs' only.
     */
    private Inside inside(ServerProcess server, Path log, String path, String name, String body, Map<String, String> headers)
            throws Exception {
        String url = server.base + path;
        WarmUp.untilCompilersQuiet(server, MIN_WARM_UP_SECONDS, MAX_WARM_UP_SECONDS,
                () -> wrk.runUnique(name + "-warmup", url, body, headers, OVERHEAD_CONNECTIONS, Duration.ofSeconds(1)));
        long mark = AddedLatency.mark(log);
        return repeated(() -> {
            long cpu = server.cpuNanos();
            long jit = server.compilerNanos();
            Wrk.Result through = wrk.runUnique(name, url, body, headers, OVERHEAD_CONNECTIONS, runTime);
            double requests = Math.max(1, through.requests());
            return new Run(through, (server.cpuNanos() - cpu) / 1000.0 / requests, (server.compilerNanos() - jit) / 1000.0 / requests);
        }, () -> {
            Thread.sleep(1000); // the server's log appender writes on its own thread
            return AddedLatency.outsideMicros(log, mark, path);
        });
    }

    /** The same backend call through nginx, in the same run, under the same load. */
    private Inside throughNginx(WireMockServer drs, String checkAvailability) throws Exception {
        try (Nginx nginx = Nginx.proxy(work, URI.create(drs.baseUrl()), freePort())) {
            Map<String, String> soap = Map.of("Content-Type", "text/xml; charset=utf-8", "SOAPAction", "\\\"\\\"");
            wrk.run("nginx-warmup", nginx.base + CannedBackends.DRS_PATH, "POST", checkAvailability, soap, OVERHEAD_CONNECTIONS,
                    Duration.ofSeconds(2));
            long mark = nginx.loggedLines();
            return repeated(() -> {
                long cpu = nginx.cpuNanos();
                Wrk.Result through = wrk.run("nginx-through", nginx.base + CannedBackends.DRS_PATH, "POST", checkAvailability,
                        soap, OVERHEAD_CONNECTIONS, runTime);
                return new Run(through, (nginx.cpuNanos() - cpu) / 1000.0 / Math.max(1, through.requests()), 0);
            }, () -> nginx.addedMicros(mark));
        }
    }

    private void overheadRow(StringBuilder table, Map<String, Object> raw, String gateway, int trips, Wrk.Result direct, Inside inside) {
        Wrk.Result through = inside.through();
        table.append("| ").append(gateway).append(" | ").append(trips).append(" | ").append(Report.format(direct.p50Millis())).append(" / ")
                .append(Report.format(direct.p99Millis())).append(" | ").append(Report.format(through.p50Millis())).append(" / ")
                .append(Report.format(through.p99Millis())).append(" | ").append(AddedLatency.summary(inside.added())).append(" | ")
                .append(Report.format(inside.cpuMicrosPerRequest())).append(" (").append(Report.format(inside.cpuMin())).append("–")
                .append(Report.format(inside.cpuMax())).append("; ").append(Report.format(inside.jitMicrosPerRequest()))
                .append(") | ").append(through.non2xxShare()).append(" |\n");
        raw.put(gateway, Map.ofEntries(Map.entry("roundTrips", trips), Map.entry("direct", direct), Map.entry("through", through),
                Map.entry("requestsMeasuredInside", inside.added().size()),
                Map.entry("addedP50Micros", AddedLatency.percentile(inside.added(), 50)),
                Map.entry("addedP99Micros", AddedLatency.percentile(inside.added(), 99)),
                Map.entry("addedMaxMicros", AddedLatency.percentile(inside.added(), 100)),
                Map.entry("cpuMicrosPerRequest", inside.cpuMicrosPerRequest()), Map.entry("cpuMicrosPerRequestMin", inside.cpuMin()),
                Map.entry("cpuMicrosPerRequestMax", inside.cpuMax()),
                Map.entry("jitCompilerMicrosPerRequest", inside.jitMicrosPerRequest())));
        if (gateway.startsWith("Slotbridge")) {
            report.target(gateway + ": added p50 (inside) at " + OVERHEAD_CONNECTIONS + " connections",
                    AddedLatency.percentile(inside.added(), 50) / 1000, "ms", "<=", 1);
            report.target(gateway + ": added p99 (inside) at " + OVERHEAD_CONNECTIONS + " connections",
                    AddedLatency.percentile(inside.added(), 99) / 1000, "ms", "<=", 5);
        }
    }

    /**
     * Slotbridge against nginx, the floor, in the same run under the same load: latency seen by wrk through each (a
     * ratio of figures of the same kind, never a difference of runs) and CPU per request. nginx logs its times in whole
     * milliseconds, too coarse for a ratio of added latencies.
     */
    private void floor(StringBuilder table, Map<String, Object> raw, Map<String, Inside> slotbridge, Map<String, Integer> trips,
                       Inside nginx) {
        table.append("\n| against nginx (same run, same load) | through p50 | through p99 | CPU per request | CPU per request / nginx making the same round trips |\n|---|---|---|---|---|\n");
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (Map.Entry<String, Inside> entry : new TreeMap<>(slotbridge).entrySet()) {
            Wrk.Result through = entry.getValue().through();
            double p50 = through.p50Millis() / nginx.through().p50Millis();
            double p99 = through.p99Millis() / nginx.through().p99Millis();
            double cpu = entry.getValue().cpuMicrosPerRequest() / nginx.cpuMicrosPerRequest();
            int roundTrips = trips.get(entry.getKey());
            double perTrips = cpu / roundTrips;
            table.append("| Slotbridge → ").append(entry.getKey()).append(" | ").append(Report.format(p50)).append("× | ")
                    .append(Report.format(p99)).append("× | ").append(Report.format(cpu)).append("× | ")
                    .append(Report.format(perTrips)).append("× (").append(roundTrips).append(" × nginx) |\n");
            ratios.put(entry.getKey(), Map.of("throughP50", p50, "throughP99", p99, "cpuPerRequest", cpu,
                    "cpuPerRequestAgainstNginxMakingTheSameRoundTrips", perTrips));
            report.target("CPU per search, Slotbridge → " + entry.getKey() + " / nginx making the same " + roundTrips
                    + " round trip" + (roundTrips == 1 ? "" : "s") + " (medians of " + OVERHEAD_REPETITIONS + ")", perTrips, "×", "<=", 3);
        }
        raw.put("againstNginx", ratios);
    }

    private static void sample(ServerProcess server, AtomicLong peak) {
        while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(server.rssMegabytes(), Math::max);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private interface Call {
        Object run() throws Exception;
    }

    /** Backend calls made by {@code call}, once requests still in flight from a load run have landed. */
    private static int countCalls(WireMockServer backend, Call call) throws Exception {
        settle(backend);
        call.run();
        return backend.getAllServeEvents().size();
    }

    private static void settle(WireMockServer backend) throws InterruptedException {
        Thread.sleep(BACKEND_DELAY_MILLIS * 4L);
        backend.resetRequests();
    }

    private static int countOpenSessions(WireMockServer drs) {
        return (int) drs.getAllServeEvents().stream().filter(event -> event.getRequest().getBodyAsString().contains("openSession>")).count();
    }

    private static double median(int times, Call call) throws Exception {
        call.run();
        double[] millis = new double[times];
        for (int i = 0; i < times; i++) {
            long started = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis[times / 2];
    }

    private static String drsCheckAvailability(LocalDate first, LocalDate last) {
        String session = "8a4b805d7ca651e4017ca7abffb800bd";
        return envelope("checkAvailability", "<id>0</id><periodBegin>" + first + "T00:00:00Z</periodBegin><periodEnd>" + last
                + "T23:59:00Z</periodEnd><sessionId>" + session + "</sessionId><theOrder><contract>0</contract><locationID>3670010"
                + "</locationID><primaryOrderNumber>BENCH-DRS</primaryOrderNumber><priority>Priority 20 Days</priority><theBookingCodes>"
                + "<bookingCodeSORCode>N373049</bookingCodeSORCode><itemNumberWithinBooking>1</itemNumberWithinBooking>"
                + "<primaryOrderNumber>BENCH-DRS</primaryOrderNumber><quantity>1</quantity></theBookingCodes><userId>bench</userId></theOrder>");
    }

    private static String envelope(String operation, String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:aut=\"http://autogenerated.OTWebServiceApi.xmbrace.com/\"><soapenv:Header/><soapenv:Body><aut:" + operation + "><"
                + operation + ">" + content + "</" + operation + "></aut:" + operation + "></soapenv:Body></soapenv:Envelope>";
    }

    private static String postRaw(String url, String envelope) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"").POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private Path serverJar() {
        return root.resolve("server/target/slotbridge-server.jar");
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

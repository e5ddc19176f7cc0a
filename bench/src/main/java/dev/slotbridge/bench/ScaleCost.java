package dev.slotbridge.bench;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One process serving many councils: 200 of them (100 sandbox, 50 DRS, 50 Connect, the latter on canned backends),
 * each searched once so every council has its metrics: time to ready, resident memory idle and under load, and the
 * size and time of a {@code /prometheus} scrape; and starts through the default launcher, {@code bin/slotbridge}: its
 * first start (no ahead-of-time cache: it records one) and its second (with the cache the first wrote as it stopped).
 */
final class ScaleCost {
    static final int SANDBOX = 100;
    static final int DRS = 50;
    static final int CONNECT = 50;

    /** Issue 36: the default launcher's second start to ready, over its first, same run. */
    static final double LAUNCHER_SECOND_START_RATIO = 0.6;

    private final Path work;
    private final Path serverJar;
    private final Wrk wrk;
    private final Duration runTime;
    private final Report report;

    ScaleCost(Path work, Path serverJar, Wrk wrk, Duration runTime, Report report) {
        this.work = work;
        this.serverJar = serverJar;
        this.wrk = wrk;
        this.runTime = runTime;
        this.report = report;
    }

    void measure() throws Exception {
        LocalDate monday = Api.nextMonday();
        WireMockServer connect = CannedBackends.connect(monday, 0);
        WireMockServer drs = CannedBackends.drs(monday, 0);
        try {
            List<String> councils = new ArrayList<>();
            StringBuilder yaml = new StringBuilder("""
                    slotbridge:
                      signing-key: a-benchmark-signing-key-of-32-characters
                      councils:
                    """);
            for (int i = 1; i <= SANDBOX + DRS + CONNECT; i++) {
                String id = String.format("council-%03d", i);
                councils.add(id);
                yaml.append("    ").append(id).append(":\n");
                if (i <= SANDBOX) {
                    yaml.append("      provider: sandbox\n      settings: {capacity-per-slot: \"1000000\"}\n");
                } else if (i <= SANDBOX + DRS) {
                    yaml.append("      provider: drs\n      settings: {endpoint: \"").append(drs.baseUrl()).append(CannedBackends.DRS_PATH)
                            .append("\", username: bench, password: bench, contract: \"0\"}\n");
                } else {
                    yaml.append("      provider: connect\n      settings: {base-url: \"").append(connect.baseUrl())
                            .append(CannedBackends.CONNECT_BASE).append("\", username: bench, password: bench, contract-external-id: CONTRACT-1, ")
                            .append("organisation-external-id: ORG-1, default-priority: P20, number-of-weeks: \"1\"}\n");
                }
            }
            yaml.append("  clients:\n    bench:\n      key-sha256: ").append(BenchMain.sha256(Api.KEY))
                    .append("\n      councils: [").append(String.join(", ", councils)).append("]\n")
                    .append("      permissions: all\n")
                    .append("      rate-limit: {requests: 100000000, period: 1s}\n");
            Path config = Files.writeString(work.resolve("scale.yml"), yaml);
            long[] launcher = launcherStarts(config);
            double launcherRatio = launcher[1] / (double) launcher[0];
            OptionalLong readyWithCache = readyWithAotCache(config);
            String withCache = readyWithCache.isPresent() ? readyWithCache.getAsLong() + " ms" : "— (needs JDK 25)";
            try (ServerProcess server = ServerProcess.start(serverJar, config, BenchMain.freePort(), BenchMain.JVM_OPTIONS, Map.of(),
                    work.resolve("scale.log"))) {
                Api api = new Api(server.base);
                for (String council : councils) {
                    String externalRef = council.compareTo(String.format("council-%03d", SANDBOX + DRS)) > 0 ? "BENCH-CX" : "BENCH-SCALE";
                    api.post("/v1/councils/" + council + "/appointment-search", Api.searchBody(externalRef, monday, monday.plusDays(6)));
                }
                long idle = server.rssMegabytes();
                AtomicLong peak = new AtomicLong(idle);
                Thread sampler = Thread.ofVirtual().start(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(server.rssMegabytes(), Math::max);
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                Wrk.Result load = wrk.run("scale-search", server.base + "/v1/councils/council-001/appointment-search", "POST",
                        Api.searchBody(null, monday, monday.plusDays(13)),
                        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + Api.KEY), 64, runTime);
                sampler.interrupt();
                HttpClient http = HttpClient.newHttpClient();
                List<Double> scrapeMillis = new ArrayList<>();
                int bytes = 0;
                for (int i = 0; i < 21; i++) {
                    long started = System.nanoTime();
                    HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create(server.base + "/prometheus")).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    scrapeMillis.add((System.nanoTime() - started) / 1e6);
                    bytes = scrape.body().length();
                }
                double scrape = CpuCost.median(scrapeMillis.subList(1, scrapeMillis.size()));
                Map<String, Object> raw = new LinkedHashMap<>();
                raw.put("councils", councils.size());
                raw.put("readyMillis", server.readyMillis());
                readyWithCache.ifPresent(millis -> raw.put("readyMillisWithAotCache", millis));
                raw.put("launcherFirstStartReadyMillis", launcher[0]);
                raw.put("launcherSecondStartReadyMillis", launcher[1]);
                raw.put("launcherSecondOverFirst", launcherRatio);
                raw.put("rssIdleMegabytes", idle);
                raw.put("rssUnderLoadMegabytes", peak.get());
                raw.put("prometheusBytes", bytes);
                raw.put("scrapeMillisMedian", scrape);
                raw.put("load", load);
                report.raw("scale", raw);
                report.target("200 councils: start to ready", server.readyMillis(), "ms", "<=", 3000);
                if (readyWithCache.isPresent()) {
                    report.target("200 councils: start to ready with the AOT cache (bin/slotbridge-aot-cache)",
                            readyWithCache.getAsLong(), "ms", "<=", 3000);
                }
                report.target("200 councils, default launcher (bin/slotbridge): second start / first start to ready, same run",
                        launcherRatio, "×", "<=", LAUNCHER_SECOND_START_RATIO);
                report.target("200 councils: resident memory under 64-connection load", peak.get(), "MB", "<=", 350);
                report.target("200 councils: /prometheus scrape (median of 20)", scrape, "ms", "<=", 100);
                report.section("## Scale of one process\n\n" + councils.size() + " councils (" + SANDBOX + " sandbox, " + DRS
                        + " DRS, " + CONNECT + " Connect on canned backends), each searched once.\n\n| figure | value |\n|---|---|\n"
                        + "| start to first successful readiness | " + server.readyMillis() + " ms |\n"
                        + "| the same with an ahead-of-time cache of a training start (JDK 25, as `bin/slotbridge-aot-cache` "
                        + "writes it) | " + withCache + " |\n"
                        + "| `bin/slotbridge`, the default launcher: first start (no cache; it records one) / second start "
                        + "(the cache the first wrote as it stopped) | " + launcher[0] + " ms / " + launcher[1] + " ms ("
                        + Report.format(launcherRatio) + "×) |\n"
                        + "| resident memory idle / peak under 64-connection search load | " + idle + " MB / " + peak.get() + " MB |\n"
                        + "| `/prometheus` | " + bytes / 1024 + " KiB, " + Report.format(scrape) + " ms per scrape (median of 20) |\n"
                        + "| search on one council under that load | " + Report.format(load.requestsPerSecond()) + " requests/s, p99 "
                        + Report.format(load.p99Millis()) + " ms, non-2xx " + load.non2xxShare() + " |");
                report.target("200 councils: non-2xx share of the 64-connection search load", load.non2xxPercent(), "%", "<=", 0);
            }
        } finally {
            connect.stop();
            drs.stop();
        }
    }

    /**
     * Start to ready with an ahead-of-time cache, as {@code bin/slotbridge-aot-cache} writes one for a deployment: a
     * training start with the same configuration and options, stopped once ready (the JVM writes the cache as it
     * exits), then a start that uses it. Empty on a JDK older than 25, which writes no such cache.
     */
    private OptionalLong readyWithAotCache(Path config) throws Exception {
        if (Runtime.version().feature() < 25) {
            return OptionalLong.empty();
        }
        Path cache = work.resolve("scale.aot");
        Path trainingLog = work.resolve("scale-training.log");
        ServerProcess training = ServerProcess.start(serverJar, config, BenchMain.freePort(),
                with(BenchMain.JVM_OPTIONS, "-XX:AOTCacheOutput=" + cache), Map.of(), trainingLog);
        training.stop(Duration.ofMinutes(2));
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("the JVM wrote no AOT cache:\n" + Files.readString(trainingLog));
        }
        try (ServerProcess cached = ServerProcess.start(serverJar, config, BenchMain.freePort(),
                with(BenchMain.JVM_OPTIONS, "-XX:AOTCache=" + cache), Map.of(), work.resolve("scale-cached.log"))) {
            return OptionalLong.of(cached.readyMillis());
        }
    }

    /**
     * Start to ready through {@code bin/slotbridge} with the bench's JVM options ({@code JAVA_OPTS}) and a cache path of
     * this run's own ({@code SLOTBRIDGE_AOT_CACHE}, absent at first): the first start, stopped once ready as an
     * operator stops it (SIGTERM; the JVM writes the cache as it exits), then the second; both in ms. Without
     * the JDK's AOT cache (older than 25) the launcher records none and the two are alike.
     */
    private long[] launcherStarts(Path config) throws Exception {
        Path root = serverJar.getParent().getParent().getParent();
        Path cache = work.resolve("launcher.aot");
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", String.join(" ",
                BenchMain.JVM_OPTIONS), "SLOTBRIDGE_JAR", serverJar.toString(), "SLOTBRIDGE_AOT_CACHE", cache.toString());
        List<String> command = List.of(root.resolve("bin/slotbridge").toString());
        long[] ready = new long[2];
        for (int start = 0; start < 2; start++) {
            ServerProcess server = ServerProcess.launch(command, config, BenchMain.freePort(), env,
                    work.resolve("scale-launcher-" + (start + 1) + ".log"));
            ready[start] = server.readyMillis();
            server.stop(Duration.ofMinutes(2));
        }
        if (Runtime.version().feature() >= 25 && !Files.isRegularFile(cache)) {
            throw new IllegalStateException("bin/slotbridge wrote no AOT cache at " + cache + ":\n"
                    + Files.readString(work.resolve("scale-launcher-1.log")));
        }
        return ready;
    }

    private static List<String> with(List<String> options, String option) {
        List<String> all = new ArrayList<>(options);
        all.add(option);
        return all;
    }
}

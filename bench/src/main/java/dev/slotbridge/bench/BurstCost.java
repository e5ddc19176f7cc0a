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

/**
 * Bursts, with every resilience setting at its default (bulkhead of 25 calls a council, a call beyond waiting up to
 * 2 s): 64 connections sending searches, each for a property of its own (identical searches in flight share one
 * scheduler call), or viewing one booking, against the sandbox (in process: no bulkhead) and against DRS on a canned
 * backend answering after 50 ms (remote: 64 callers for 25 permits). A tenant portal on a Monday morning or a contact
 * centre's agents send such bursts; a refused answer there is a tenant told the scheduler is unavailable while nothing
 * is wrong, so the share of answers that are not 2xx must be 0. {@value #REPETITIONS} runs of each load.
 */
final class BurstCost {
    static final int CONNECTIONS = 64;
    static final int REPETITIONS = 3;
    private static final int BACKEND_DELAY_MILLIS = 50;

    private final Path work;
    private final Path serverJar;
    private final Wrk wrk;
    private final Duration runTime;
    private final Report report;

    BurstCost(Path work, Path serverJar, Wrk wrk, Duration runTime, Report report) {
        this.work = work;
        this.serverJar = serverJar;
        this.wrk = wrk;
        this.runTime = runTime;
        this.report = report;
    }

    /** One load: what wrk sends, and whether each request gets a property of its own ({@code UNIQUE}). */
    private record Load(String name, String council, String url, String method, String body, boolean unique) {
    }

    void measure() throws Exception {
        LocalDate monday = Api.nextMonday();
        WireMockServer drs = CannedBackends.drs(monday, BACKEND_DELAY_MILLIS);
        try {
            Path config = Files.writeString(work.resolve("burst.yml"), """
                    slotbridge:
                      signing-key: a-benchmark-signing-key-of-32-characters
                      clients:
                        bench:
                          key-sha256: %s
                          councils: [sandbox, drs]
                          permissions: all
                          rate-limit: {requests: 100000000, period: 1s}
                      councils:
                        sandbox:
                          provider: sandbox
                          settings: {capacity-per-slot: "1000000", max-bookings: "50000"}
                        drs:
                          provider: drs
                          settings: {endpoint: "%s", username: bench, password: bench, contract: "0"}
                    """.formatted(BenchMain.sha256(Api.KEY), drs.baseUrl() + CannedBackends.DRS_PATH));
            try (ServerProcess server = ServerProcess.start(serverJar, config, BenchMain.freePort(), BenchMain.JVM_OPTIONS,
                    Map.of(), work.resolve("burst.log"))) {
                measure(server, monday);
            }
        } finally {
            drs.stop();
        }
    }

    private void measure(ServerProcess server, LocalDate monday) throws Exception {
        Api api = new Api(server.base);
        String sandboxSearch = Api.searchBody(null, monday, monday.plusDays(13));
        String slotId = api.read(api.post("/v1/councils/sandbox/appointment-search", sandboxSearch)).path("slots").path(0)
                .path("slotId").asText();
        String ref = api.read(api.post("/v1/councils/sandbox/bookings", Api.bookBody(slotId, "BENCH-BURST")))
                .path("bookingRef").asText();
        String drsSearch = Api.searchBody("BENCH-DRS", monday, monday.plusDays(6));
        api.post("/v1/councils/drs/appointment-search", drsSearch);
        List<Load> loads = List.of(
                new Load("search (14 days), a property each", "sandbox", server.base + "/v1/councils/sandbox/appointment-search",
                        "POST", distinct(sandboxSearch), true),
                new Load("GET booking", "sandbox", server.base + "/v1/councils/sandbox/bookings/" + ref, "GET", null, false),
                new Load("search (7 days), a property each", "drs", server.base + "/v1/councils/drs/appointment-search",
                        "POST", distinct(drsSearch), true));

        StringBuilder table = new StringBuilder("## Bursts at " + CONNECTIONS + " connections, default settings\n\n"
                + "Every resilience setting at its default: a remote scheduler's council has a bulkhead of 25 calls and a "
                + "call beyond it waits its turn up to 2 s (then 503 `council-busy`); the sandbox, in process, has none. "
                + "DRS is a canned backend answering after " + BACKEND_DELAY_MILLIS + " ms. " + REPETITIONS + " runs of "
                + runTime.toSeconds() + " s per load, after a 2 s warm-up; non-2xx over every run, requests/s and p99 the "
                + "median of the runs. Waits: calls that found the council's bulkhead full (`slotbridge_bulkhead_wait_seconds`), "
                + "by how the wait ended.\n\n| council | load | requests | non-2xx (share) | requests/s | p99 ms | waited / refused |\n"
                + "|---|---|---|---|---|---|---|\n");
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Load load : loads) {
            run(load, Duration.ofSeconds(2));
            double[] waitsBefore = waits(server, load.council());
            List<Wrk.Result> runs = new ArrayList<>();
            for (int i = 0; i < REPETITIONS; i++) {
                runs.add(run(load, runTime));
            }
            double[] waitsAfter = waits(server, load.council());
            long requests = runs.stream().mapToLong(Wrk.Result::requests).sum();
            long non2xx = runs.stream().mapToLong(Wrk.Result::non2xx).sum();
            double share = requests == 0 ? 0 : 100.0 * non2xx / requests;
            long waited = Math.round(waitsAfter[0] - waitsBefore[0]);
            long refused = Math.round(waitsAfter[1] - waitsBefore[1]);
            double perSecond = CpuCost.median(runs.stream().map(Wrk.Result::requestsPerSecond).toList());
            double p99 = CpuCost.median(runs.stream().map(Wrk.Result::p99Millis).toList());
            table.append("| ").append(load.council()).append(" | ").append(load.name()).append(" | ").append(requests)
                    .append(" | ").append(non2xx).append(" (").append(Report.format(share)).append(" %) | ")
                    .append(Report.format(perSecond)).append(" | ").append(Report.format(p99)).append(" | ")
                    .append(waited).append(" / ").append(refused).append(" |\n");
            raw.put(load.council() + ": " + load.name(), Map.of("runs", runs, "requests", requests, "non2xx", non2xx,
                    "bulkheadWaitsAcquired", waited, "bulkheadWaitsRefused", refused));
            report.target("non-2xx share at " + CONNECTIONS + " connections, default settings, " + load.council() + " "
                    + load.name(), share, "%", "<=", 0);
        }
        report.raw("bursts", raw);
        report.section(table.toString());
    }

    private Wrk.Result run(Load load, Duration duration) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + Api.KEY);
        if (load.body() != null) {
            headers.put("Content-Type", "application/json");
        }
        return load.unique()
                ? wrk.runUnique("burst", load.url(), load.body(), headers, CONNECTIONS, duration)
                : wrk.run("burst", load.url(), load.method(), load.body(), headers, CONNECTIONS, duration);
    }

    /** The search at a property of its own per request. */
    private static String distinct(String search) {
        return search.replace("\"propertyRef\":\"3670010\"", "\"propertyRef\":\"UNIQUE\"");
    }

    /** The council's bulkhead waits so far: those that got a permit, and those refused. */
    private static double[] waits(ServerProcess server, String council) throws Exception {
        String metrics;
        try (HttpClient http = HttpClient.newHttpClient()) {
            metrics = http.send(HttpRequest.newBuilder(URI.create(server.base + "/prometheus")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        return new double[]{count(metrics, council, "acquired"), count(metrics, council, "refused")};
    }

    private static double count(String metrics, String council, String outcome) {
        String prefix = "slotbridge_bulkhead_wait_seconds_count{council=\"" + council + "\",outcome=\"" + outcome + "\"} ";
        return metrics.lines().filter(line -> line.startsWith(prefix)).mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
                .findFirst().orElse(0); // the timer exists from the council's first wait
    }
}

package dev.slotbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the Redis store costs: the same server jar twice, one on the memory store and one on a local Redis (AOF
 * {@code everysec}, as {@code docs/deployment.md} recommends), loaded at the same time with requests interleaved
 * between them, so both see the same machine noise, from 1 and from 8 client threads. Latency is measured per
 * request by the client; the report gives
 * each store's p50/p99 for bookings (each with its own {@code Idempotency-Key}: claim, job lease, maker, answer kept)
 * and for {@code GET /v1/councils} (authentication and the rate limiter only).
 */
final class StoreCost {
    /** One client thread shows the store's own cost; eight show it on a busy machine (2 cores here). */
    private static final int[] WORKER_COUNTS = {1, 8};
    private static final int BOOKINGS_PER_STORE = 800;
    private static final int READS_PER_STORE = 4000;

    private final Path work;
    private final Path serverJar;
    private final Report report;
    private final HttpClient http = HttpClient.newHttpClient();

    StoreCost(Path work, Path serverJar, Report report) {
        this.work = work;
        this.serverJar = serverJar;
        this.report = report;
    }

    void measure() throws Exception {
        int redisPort = BenchMain.freePort();
        Path redisFolder = Files.createDirectories(work.resolve("redis"));
        Process redis = new ProcessBuilder("redis-server", "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--dir", redisFolder.toString(), "--save", "", "--appendonly", "yes", "--appendfsync", "everysec")
                .redirectErrorStream(true).redirectOutput(redisFolder.resolve("redis.log").toFile()).start();
        try (ServerProcess memory = start("memory", "type: memory");
             ServerProcess shared = start("redis", "type: redis\n    redis: {uri: \"redis://127.0.0.1:" + redisPort + "/0\"}")) {
            List<URI> servers = List.of(memory.base, shared.base);
            List<String> slots = slotIds(new Api(memory.base));
            Map<String, Object> raw = new LinkedHashMap<>();
            StringBuilder table = new StringBuilder("## What the Redis store costs\n\nThe same jar on the memory store and on "
                    + "a local Redis (AOF everysec), loaded together with requests interleaved between them; latency per "
                    + "request, measured by the client.\n\n"
                    + "| request | client threads | memory p50 / p99 ms | Redis p50 / p99 ms | added p50 / p99 ms (same run) |\n"
                    + "|---|---|---|---|---|\n");
            AtomicInteger sequence = new AtomicInteger();
            for (int workers : WORKER_COUNTS) {
                Map<String, List<Long>> bookings = interleaved(servers, workers, BOOKINGS_PER_STORE, (server, i) -> {
                    int n = sequence.incrementAndGet();
                    return HttpRequest.newBuilder(server.resolve("/v1/councils/sandbox/bookings"))
                            .header("Content-Type", "application/json").header("Idempotency-Key", "bench-" + n)
                            .POST(HttpRequest.BodyPublishers.ofString(Api.bookBody(slots.get(n % slots.size()), "BENCH-STORE-" + n)));
                });
                Map<String, List<Long>> reads = interleaved(servers, workers, READS_PER_STORE, (server, i) ->
                        HttpRequest.newBuilder(server.resolve("/v1/councils")).GET());
                row(table, raw, "book (own Idempotency-Key)", workers, bookings);
                row(table, raw, "GET /v1/councils (rate limiter)", workers, reads);
            }
            report.raw("storeCost", raw);
            report.section(table.toString());
        } finally {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private ServerProcess start(String name, String store) throws Exception {
        Path config = Files.writeString(work.resolve("store-" + name + ".yml"), """
                slotbridge:
                  signing-key: a-benchmark-signing-key-of-32-characters
                  store:
                    %s
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
                        capacity-per-slot: "1000"
                """.formatted(store, BenchMain.sha256(Api.KEY)));
        return ServerProcess.start(serverJar, config, BenchMain.freePort(), BenchMain.JVM_OPTIONS, Map.of(),
                work.resolve("store-" + name + ".log"));
    }

    private static List<String> slotIds(Api api) throws IOException, InterruptedException {
        LocalDate monday = Api.nextMonday();
        List<String> ids = new ArrayList<>();
        api.read(api.post("/v1/councils/sandbox/appointment-search", Api.searchBody(null, monday, monday.plusDays(13))))
                .path("slots").forEach(slot -> ids.add(slot.path("slotId").asText()));
        return ids;
    }

    @FunctionalInterface
    private interface RequestFor {
        HttpRequest.Builder build(URI server, int sequence);
    }

    /** {@code perServer} requests to each server, alternating, from {@code workers} threads; latencies in µs by store. */
    private Map<String, List<Long>> interleaved(List<URI> servers, int workers, int perServer, RequestFor requests)
            throws Exception {
        Map<String, List<Long>> latencies = Map.of("memory", Collections.synchronizedList(new ArrayList<>()),
                "redis", Collections.synchronizedList(new ArrayList<>()));
        AtomicInteger next = new AtomicInteger();
        int total = perServer * servers.size();
        try (ExecutorService threads = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        int store = i % servers.size();
                        HttpRequest request = requests.build(servers.get(store), i)
                                .header("Authorization", "Bearer " + Api.KEY).build();
                        long started = System.nanoTime();
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        long micros = (System.nanoTime() - started) / 1000;
                        if (response.statusCode() / 100 != 2) {
                            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
                        }
                        latencies.get(store == 0 ? "memory" : "redis").add(micros);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        }
        return latencies;
    }

    private static void row(StringBuilder table, Map<String, Object> raw, String request, int workers,
                            Map<String, List<Long>> latencies) {
        double[] memory = percentiles(latencies.get("memory"));
        double[] redis = percentiles(latencies.get("redis"));
        table.append("| ").append(request).append(" | ").append(workers).append(" | ").append(Report.format(memory[0])).append(" / ")
                .append(Report.format(memory[1])).append(" | ").append(Report.format(redis[0])).append(" / ")
                .append(Report.format(redis[1])).append(" | ").append(Report.format(redis[0] - memory[0])).append(" / ")
                .append(Report.format(redis[1] - memory[1])).append(" |\n");
        raw.put(request + ", " + workers + " threads", Map.of("memoryP50Ms", memory[0], "memoryP99Ms", memory[1], "redisP50Ms", redis[0],
                "redisP99Ms", redis[1], "requestsPerStore", latencies.get("memory").size()));
    }

    /** p50 and p99 in milliseconds. */
    private static double[] percentiles(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return new double[]{sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) (sorted.size() * 0.99)) / 1000.0};
    }
}

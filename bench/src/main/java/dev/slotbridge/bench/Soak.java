package dev.slotbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import dev.slotbridge.provider.drs.FakeDrs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The soak ({@code bench/run soak 30m}): the server jar on the Redis store in front of the stateful DRS fake, under a
 * fixed offered load of mixed traffic for the whole run — tenant journeys (search, hold, book with the hold, search
 * again, reschedule, cancel; one in four lets its hold go instead) and searches of a property each — with its client
 * subscribed to every booking event at a webhook receiver in this process. Each interval it samples resident memory,
 * the live heap after a full GC ({@code jcmd GC.class_histogram}), the server's open file descriptors, Redis's
 * {@code used_memory} and keys, and the interval's p99 latency; the targets compare the sample at the mark (minute 5,
 * or the first fifth of a shorter run: what comes before is warm-up) with the last.
 */
final class Soak {
    /** Journeys started per second, and searches of a property each per second, whatever the answers' speed. */
    static final int JOURNEYS_PER_SECOND = 2;
    static final int SEARCHES_PER_SECOND = 6;
    /** Live heap after a full GC may grow this much (percent) from the mark to the end. */
    static final double HEAP_GROWTH_PERCENT = 5;
    /** Resident memory may grow this much (percent): pages the heap touches for the first time late are not a leak. */
    static final double RSS_GROWTH_PERCENT = 10;
    /**
     * Open descriptors may grow by this many: connections to the scheduler, Redis and the webhook receiver, and the
     * clients' own, open and close with the load's jitter; a leak grows with the requests (thousands per minute).
     */
    static final int FD_GROWTH = 16;
    /**
     * Redis's records that are not kept by design ({@link #records}) may grow this much (percent, or 64 KiB, the
     * larger): the sampling's error and the load's jitter (records in flight).
     */
    static final double REDIS_GROWTH_PERCENT = 5;
    static final long REDIS_GROWTH_FLOOR_BYTES = 64 * 1024;
    /** A kind of Redis key whose records expire this long after they are written at the soonest is kept by design. */
    static final Duration KEPT_BY_DESIGN = Duration.ofHours(1);
    /** Idempotency answers are kept this long here (the least allowed), so that they reach their steady state early. */
    static final Duration IDEMPOTENCY_TTL = Duration.ofMinutes(1);
    /** How long an idempotency record stays in Redis: its TTL, and the minute the store keeps it after for collection. */
    static final Duration IDEMPOTENCY_RECORD_LIFE = IDEMPOTENCY_TTL.plusMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work;
    private final Path serverJar;
    private final Path results;
    private final Duration duration;
    private final Report report;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong journeyCount = new AtomicLong();
    private final AtomicLong webhooksReceived = new AtomicLong();
    private final Map<Integer, List<Long>> latencies = new TreeMap<>();
    private final Map<String, AtomicLong> failures = Collections.synchronizedMap(new TreeMap<>());
    private final Map<String, AtomicLong> done = Collections.synchronizedMap(new TreeMap<>());
    private long started;
    private long interval;

    Soak(Path work, Path serverJar, Path results, Duration duration, Report report) {
        this.work = work;
        this.serverJar = serverJar;
        this.results = results;
        this.duration = duration;
        this.report = report;
    }

    /** One sample: seconds since the load started, and each figure (-1 when it could not be read). */
    record Sample(long second, long rssKilobytes, long liveHeapKilobytes, int openFds, long redisUsedBytes,
                  long redisKeys, long redisKeptByDesignBytes, long redisTransientBytes, double p99Millis, long requests,
                  long failed) {
    }

    /** Redis's records by kind of lifetime: kept by design (an expiry at least {@link #KEPT_BY_DESIGN} away), the rest. */
    private record RedisRecords(long keptByDesignBytes, long transientBytes) {
    }

    void measure() throws Exception {
        int redisPort = BenchMain.freePort();
        Path redisFolder = Files.createDirectories(work.resolve("soak-redis"));
        Process redis = new ProcessBuilder("redis-server", "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--dir", redisFolder.toString(), "--save", "", "--appendonly", "yes", "--appendfsync", "everysec")
                .redirectErrorStream(true).redirectOutput(redisFolder.resolve("redis.log").toFile()).start();
        FakeDrs fake = new FakeDrs();
        fake.capacity(1_000_000);
        WireMockServer drs = FakeDrs.server(fake);
        drs.start();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            webhooksReceived.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
        try {
            waitForRedis(redisPort);
            Path config = Files.writeString(work.resolve("soak.yml"), config(redisPort, drs,
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events"));
            try (ServerProcess server = ServerProcess.start(serverJar, config, BenchMain.freePort(), BenchMain.JVM_OPTIONS,
                    Map.of(), work.resolve("soak.log"))) {
                run(server, redisPort);
            }
        } finally {
            receiver.stop(0);
            drs.stop();
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String config(int redisPort, WireMockServer drs, String receiver) throws Exception {
        return """
                slotbridge:
                  signing-key: a-benchmark-signing-key-of-32-characters
                  store:
                    type: redis
                    redis: {uri: "redis://127.0.0.1:%1$d/0"}
                  idempotency:
                    ttl: %7$dm
                  clients:
                    bench:
                      key-sha256: %2$s
                      councils: [drs]
                      permissions: all
                      rate-limit: {requests: 100000000, period: 1s}
                      webhooks:
                        - url: "%3$s"
                          secret: a-soak-webhook-secret
                          events: [booking.created, booking.rescheduled, booking.cancelled, booking.changed]
                  councils:
                    drs:
                      provider: drs
                      holds: {max-share: 100}
                      settings: {endpoint: "%4$s", username: %5$s, password: "%6$s", contract: "0", default-priority: P20}
                """.formatted(redisPort, BenchMain.sha256(Api.KEY), receiver, drs.baseUrl() + FakeDrs.PATH, FakeDrs.LOGIN,
                FakeDrs.PASSWORD.replace("\"", "\\\""), IDEMPOTENCY_TTL.toMinutes());
    }

    private void run(ServerProcess server, int redisPort) throws Exception {
        LocalDate monday = Api.nextMonday();
        interval = duration.compareTo(Duration.ofMinutes(10)) >= 0 ? 60 : Math.max(10, duration.toSeconds() / 10);
        long intervals = duration.toSeconds() / interval;
        List<Sample> samples = new ArrayList<>();
        started = System.nanoTime();
        try (ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread journeys = Thread.ofPlatform().start(() -> fixedRate(JOURNEYS_PER_SECOND, tasks, () -> journey(server.base, monday)));
            Thread searches = Thread.ofPlatform().start(() -> fixedRate(SEARCHES_PER_SECOND, tasks, () -> search(server.base, monday,
                    "7" + sequence.incrementAndGet(), null)));
            for (int i = 1; i <= intervals; i++) {
                long due = started + TimeUnit.SECONDS.toNanos(i * interval);
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                samples.add(sample(server, redisPort, i - 1));
                System.out.println("soak: " + samples.getLast());
            }
            journeys.interrupt();
            searches.interrupt();
            journeys.join();
            searches.join();
            tasks.shutdown();
            tasks.awaitTermination(1, TimeUnit.MINUTES);
        }
        write(samples, new Api(server.base));
    }

    private interface Task {
        void run() throws Exception;
    }

    /** Starts {@code task} {@code perSecond} times a second on its own virtual thread until interrupted. */
    private void fixedRate(int perSecond, ExecutorService tasks, Task task) {
        long every = 1_000_000_000L / perSecond;
        long first = System.nanoTime();
        for (long i = 0; !Thread.currentThread().isInterrupted(); i++) {
            long wait = first + i * every - System.nanoTime();
            try {
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                tasks.submit(() -> {
                    try {
                        task.run();
                    } catch (Exception e) {
                        failures.computeIfAbsent(String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()).replaceAll("[0-9a-f]{8,}|\\d{3,}(?! )", "…"),
                                k -> new AtomicLong()).incrementAndGet();
                    }
                    return null;
                });
            } catch (InterruptedException | java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    /** A tenant's visit: search, hold the first slot, book it (or let the hold go), search again, reschedule, cancel. */
    private void journey(URI base, LocalDate monday) throws Exception {
        long n = sequence.incrementAndGet();
        boolean releases = journeyCount.incrementAndGet() % 4 == 0;
        String property = "8" + n;
        String job = "SOAK-" + n;
        String council = "/v1/councils/drs";
        JsonNode slots = search(base, monday, property, job).path("slots");
        String jobJson = JSON.readTree(Api.bookBody("x", job).replace("3670010", property)).path("job").toString();
        JsonNode hold = call(base, "hold", "POST", council + "/holds", "{\"slotId\":\"" + slots.path(0).path("slotId").asText()
                + "\",\"job\":" + jobJson + "}", "hold-" + n);
        String holdId = hold.path("holdId").asText();
        if (releases) {
            call(base, "release hold", "DELETE", council + "/holds/" + holdId, null, null);
            return;
        }
        String booked = Api.bookBody("x", job).replace("3670010", property).replace("\"slotId\":\"x\"", "\"holdId\":\"" + holdId + "\"");
        String ref = call(base, "book", "POST", council + "/bookings", booked, "book-" + n).path("bookingRef").asText();
        JsonNode again = search(base, monday, property, job).path("slots");
        String other = again.path(again.size() - 1).path("slotId").asText();
        call(base, "reschedule", "POST", council + "/bookings/" + ref + "/reschedule", "{\"slotId\":\"" + other + "\"}", "move-" + n);
        call(base, "view", "GET", council + "/bookings/" + ref, null, null);
        call(base, "cancel", "POST", council + "/bookings/" + ref + "/cancel", "{\"reason\":\"Tenant request\"}", "cancel-" + n);
    }

    private JsonNode search(URI base, LocalDate monday, String property, String job) throws Exception {
        String body = Api.searchBody(job, monday, monday.plusDays(4)).replace("3670010", property);
        return call(base, "search", "POST", "/v1/councils/drs/appointment-search", body, null);
    }

    /** One request: its latency goes to the interval it started in; a non-2xx answer throws, naming the step. */
    private JsonNode call(URI base, String step, String method, String path, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Api.KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1000;
        int bucket = (int) ((start - started) / TimeUnit.SECONDS.toNanos(interval));
        synchronized (latencies) {
            latencies.computeIfAbsent(bucket, k -> new ArrayList<>()).add(micros);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(step + " answered " + response.statusCode() + " "
                    + JSON.readTree(response.body()).path("type").asText(""));
        }
        done.computeIfAbsent(step, k -> new AtomicLong()).incrementAndGet();
        return response.statusCode() == 204 ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private Sample sample(ServerProcess server, int redisPort, int bucket) throws Exception {
        long rss = server.rssKilobytes();
        long live = AbuseCost.liveKilobytes(server);
        String[] fds = Path.of("/proc", Long.toString(server.pid()), "fd").toFile().list();
        Map<String, String> info = redisInfo(redisPort);
        long keys = Long.parseLong(redisCli(redisPort, "DBSIZE").strip());
        List<Long> micros;
        synchronized (latencies) {
            micros = new ArrayList<>(latencies.getOrDefault(bucket, List.of()));
        }
        Collections.sort(micros);
        double p99 = micros.isEmpty() ? -1 : micros.get((int) Math.min(micros.size() - 1, micros.size() * 0.99)) / 1000.0;
        long failed = failures.values().stream().mapToLong(AtomicLong::get).sum();
        RedisRecords records = records(redisPort);
        return new Sample((bucket + 1) * interval, rss, live, fds == null ? -1 : fds.length,
                Long.parseLong(info.getOrDefault("used_memory", "-1")), keys, records.keptByDesignBytes(),
                records.transientBytes(), p99, micros.size(), failed);
    }

    /**
     * Redis's records by kind of key ({@code slotbridge:<kind>:…}), each kind's bytes its number of keys times the mean
     * {@code MEMORY USAGE} of up to 20 of them: kept by design when every sampled key's expiry is at least
     * {@link #KEPT_BY_DESIGN} away (a booking's maker for {@code owner-ttl}, delivered webhooks and told bookings for
     * their retention, provider memory, ended holds); the rest — keys without an expiry (indexes) and short-lived ones
     * (idempotency answers, leases, rate counts) — must stay flat.
     */
    private static RedisRecords records(int redisPort) throws Exception {
        Map<String, List<String>> byKind = new TreeMap<>();
        redisCli(redisPort, "--scan").lines().filter(key -> key.chars().filter(c -> c == ':').count() >= 2)
                .forEach(key -> byKind.computeIfAbsent(key.split(":")[1], k -> new ArrayList<>()).add(key));
        long kept = 0;
        long other = 0;
        for (List<String> keys : byKind.values()) {
            int count = Math.min(20, keys.size());
            StringBuilder commands = new StringBuilder();
            for (int i = 0; i < count; i++) {
                String key = keys.get(i * keys.size() / count);
                commands.append("TTL ").append(key).append("\nMEMORY USAGE ").append(key).append("\n");
            }
            // two replies per key, TTL then MEMORY USAGE; a key gone since the scan answers -2 and nil (an empty line)
            List<String> replies = redisCommands(redisPort, commands.toString()).lines().map(String::strip).toList();
            long shortest = Long.MAX_VALUE;
            long sampled = 0;
            int present = 0;
            for (int i = 0; i + 1 < replies.size(); i += 2) {
                if (replies.get(i).equals("-2") || !replies.get(i + 1).matches("\\d+")) {
                    continue;
                }
                shortest = Math.min(shortest, Long.parseLong(replies.get(i)));
                sampled += Long.parseLong(replies.get(i + 1));
                present++;
            }
            long bytes = sampled * keys.size() / Math.max(1, present);
            if (present > 0 && shortest >= KEPT_BY_DESIGN.toSeconds()) {
                kept += bytes;
            } else {
                other += bytes;
            }
        }
        return new RedisRecords(kept, other);
    }

    private static Map<String, String> redisInfo(int port) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        redisCli(port, "INFO", "memory").lines().filter(line -> line.contains(":"))
                .forEach(line -> values.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).strip()));
        return values;
    }

    private static String redisCli(int port, String... command) throws IOException, InterruptedException {
        List<String> line = Stream.concat(Stream.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)), Stream.of(command)).toList();
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("redis-cli " + String.join(" ", command) + ": " + output);
        }
        return output;
    }

    /** Many commands in one redis-cli, one a line on its standard input; its replies, one a line. */
    private static String redisCommands(int port, String commands) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).start();
        try (var input = process.getOutputStream()) {
            input.write(commands.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("redis-cli: " + output);
        }
        return output;
    }

    private static void waitForRedis(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                if (redisCli(port, "PING").contains("PONG")) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("redis-server did not answer on port " + port);
    }

    private void write(List<Sample> samples, Api api) throws Exception {
        // minute 5, or the first fifth of a shorter run, but not before the first idempotency records are collected
        double markSecond = Math.max(Math.min(300, duration.toSeconds() / 5.0), IDEMPOTENCY_RECORD_LIFE.toSeconds() + interval);
        int markIndex = (int) Math.max(0, Math.min(samples.size() - 2, Math.ceil(markSecond / interval) - 1));
        Sample mark = samples.get(markIndex);
        Sample end = samples.getLast();
        double heapGrowth = growth(mark.liveHeapKilobytes(), end.liveHeapKilobytes());
        double rssGrowth = growth(mark.rssKilobytes(), end.rssKilobytes());
        long residualGrowth = end.redisTransientBytes() - mark.redisTransientBytes();
        long residualLimit = Math.max(REDIS_GROWTH_FLOOR_BYTES, (long) (mark.redisTransientBytes() * REDIS_GROWTH_PERCENT / 100));
        String span = "from " + mark.second() + " s to " + end.second() + " s";
        report.target("soak: live heap after a full GC, growth " + span, heapGrowth, "%", "<=", HEAP_GROWTH_PERCENT);
        report.target("soak: resident memory, growth " + span, rssGrowth, "%", "<=", RSS_GROWTH_PERCENT);
        report.target("soak: open file descriptors, growth " + span, end.openFds() - mark.openFds(), "", "<=", FD_GROWTH);
        report.target("soak: Redis records not kept by design, growth " + span,
                String.format(Locale.ROOT, "%+.1f KiB", residualGrowth / 1024.0),
                "<= " + residualLimit / 1024 + " KiB (" + Report.format(REDIS_GROWTH_PERCENT) + " %, at least "
                        + REDIS_GROWTH_FLOOR_BYTES / 1024 + " KiB)",
                residualGrowth <= residualLimit);
        long failed = end.failed();
        long requests = samples.stream().mapToLong(Sample::requests).sum();
        report.target("soak: requests not answered 2xx", failed, "", "<=", 0);

        StringBuilder table = new StringBuilder("## Soak: " + duration.toMinutes() + " min of mixed traffic on the Redis store, DRS fake\n\n"
                + "Offered load, fixed whatever the answers' speed: " + JOURNEYS_PER_SECOND + " tenant journeys a second (search, hold, "
                + "book with the hold, search again, reschedule, view, cancel; one in four lets its hold go after holding; the "
                + "council lets the one client hold any share of a day, as many tenants' portals would), and "
                + SEARCHES_PER_SECOND + " searches a second, each for a property of its own; every booking event is delivered "
                + "to a webhook receiver in the bench process. Sampled every " + interval + " s: resident memory (VmRSS), "
                + "the live heap after the full GC `jcmd GC.class_histogram` makes (less its fillers), the server's open "
                + "file descriptors (/proc/<pid>/fd), Redis `used_memory` and keys, and the p99 latency of the requests "
                + "started in the interval (client-side, all kinds together; the forced GC falls in it). The mark is the "
                + "sample at minute 5, or at the first fifth of a shorter run (but not before the first idempotency "
                + "records are collected, " + IDEMPOTENCY_RECORD_LIFE.toSeconds() + " s: their TTL and a minute's grace); what comes before it is warm-up. Redis keeps records by design for a day or more (a "
                + "booking's maker for `owner-ttl`, delivered webhooks and told bookings for their retention, provider "
                + "memory, ended holds), so its memory grows with the bookings: the target is on the others — "
                + "kinds of key whose expiry is less than " + KEPT_BY_DESIGN.toHours() + " h away or which have none "
                + "(indexes, idempotency answers, rate counts, leases), each kind counted and sized by `MEMORY USAGE` of "
                + "20 of its keys. Idempotency answers are kept 1 min here (`idempotency.ttl`, the least allowed) "
                + "so that they reach their steady state inside the run.\n\n"
                + "| s | RSS MB | live heap after GC MB | open fds | Redis used MB | Redis keys | Redis kept by design MB | Redis other records MB | p99 ms | requests | failed so far |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Sample s : samples) {
            table.append(String.format(Locale.ROOT, "| %d%s | %.1f | %.1f | %d | %.2f | %d | %.2f | %.3f | %s | %d | %d |%n", s.second(),
                    s == mark ? " (mark)" : "", s.rssKilobytes() / 1024.0, s.liveHeapKilobytes() / 1024.0, s.openFds(),
                    s.redisUsedBytes() / 1048576.0, s.redisKeys(), s.redisKeptByDesignBytes() / 1048576.0,
                    s.redisTransientBytes() / 1048576.0,
                    Report.format(s.p99Millis()), s.requests(), s.failed()));
        }
        String failedDeliveries = api.get("/v1/webhook-deliveries?status=failed&limit=100");
        int failedCount = api.read(failedDeliveries).path("deliveries").size();
        table.append("\nRequests answered, by step: ").append(done).append(". Not 2xx, by cause: ")
                .append(failures.isEmpty() ? "none" : failures).append(". Webhook deliveries received: ").append(webhooksReceived.get())
                .append("; failed deliveries listed at the end: ").append(failedCount).append(".\n");
        report.target("soak: webhook deliveries failed", failedCount, "", "<=", 0);
        Charts.soak(work, results, samples, mark.second()).ifPresent(png -> table.append("\n![soak](").append(png).append(")\n"));
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("durationSeconds", duration.toSeconds());
        raw.put("intervalSeconds", interval);
        raw.put("markSecond", mark.second());
        raw.put("samples", samples);
        raw.put("requests", requests);
        raw.put("answeredByStep", done);
        raw.put("failuresByCause", failures);
        raw.put("webhooksReceived", webhooksReceived.get());
        report.raw("soak", raw);
        report.section(table.toString());
    }

    private static double growth(long from, long to) {
        return from <= 0 ? Double.NaN : 100.0 * (to - from) / from;
    }
}

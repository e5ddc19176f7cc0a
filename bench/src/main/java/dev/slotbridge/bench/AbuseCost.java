package dev.slotbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What issue 31 ("Fair share under abuse") promises, measured on the real server jar from this process with figures
 * that survive a noisy machine — counts of answers, CPU time per request, resident memory and the live objects a
 * full collection leaves, rather than throughput:
 * <ol>
 *   <li>oversized lists: 10,000 searches, each with 5,000 job codes (as many as fit under the 64 KiB body limit),
 *       from a few threads on kept-alive connections. Every one must be 400 naming {@code jobCodes} (the part fails
 *       otherwise); their latency (client and server), the server's CPU per request, its RSS before, after the
 *       first 1,000 and after all 10,000 (inside the Java heap and outside it, with the JIT's code cache), the live
 *       objects after a full GC before and after; then, once the JIT compilers are quiet, the CPU of a refused list
 *       next to a 14-day search's in alternating blocks of the same run, and RSS over 10,000 more;</li>
 *   <li>a valid key after 1,000 wrong ones from its address: the wrong ones are 401 up to
 *       {@code slotbridge.authentication.max-failures} (20) and 429 after; the valid one, sent next, must be 200
 *       (the part fails otherwise).</li>
 * </ol>
 * The server runs with the options {@code bin/slotbridge} gives it by default, {@code -XX:+ExitOnOutOfMemoryError}
 * included: an OutOfMemoryError would end it, and the part fails when the server is not alive at its end.
 */
final class AbuseCost {
    static final int LIST_REQUESTS = 10_000;
    static final int FIRST_REQUESTS = 1_000;
    static final int BLOCKS = 3;
    static final int THREADS = 4;
    static final int JOB_CODES = 5_000;
    static final int BODY_LIMIT = 65_536;
    static final int REFERENCE_BLOCK = 1_000;
    private static final int WARM_UP_SLICE = 250;
    private static final int MIN_WARM_UP_SLICES = 3;
    private static final int MAX_WARM_UP_SLICES = 30;
    static final int WRONG_KEYS = 1_000;
    static final int MAX_FAILURES = 20;
    static final int VALID_BEFORE = 200;
    static final int ALTERNATIONS = 100;
    static final long RSS_GROWTH_LIMIT_KB = 16 * 1024;
    static final long HEAP_GROWTH_LIMIT_KB = 4 * 1024;
    static final List<String> LAUNCHER_JVM_OPTIONS = Stream.concat(Stream.of("-XX:+ExitOnOutOfMemoryError"),
            BenchMain.JVM_OPTIONS.stream()).toList();
    private static final String SEARCH = "/v1/councils/sandbox/appointment-search";
    private static final Pattern REQUEST_LINE = Pattern.compile("path=(\\S+) status=(\\d+) .*outside_us=(\\d+)");
    /** A generation in {@code GC.heap_info} of the serial collector: {@code DefNew}/{@code Tenured} (JDK 25), or as JDK 21 names them. */
    private static final Pattern GENERATION = Pattern.compile("^\\s*(?:DefNew|Tenured|def new generation|tenured generation)\\s+"
            + "total (\\d+)K, used (\\d+)K \\[0x([0-9a-f]+), 0x[0-9a-f]+, 0x([0-9a-f]+)\\)");
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
    private static final Pattern HISTOGRAM_FILLER = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+\\S*jdk\\.internal\\.vm\\.Filler");
    private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) ");
    private static final Pattern CODE_CACHE = Pattern.compile("CodeCache: size=\\d+Kb,? used=(\\d+)Kb");

    private final Path work;
    private final Path serverJar;
    private final Report report;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> failures = new ArrayList<>();

    AbuseCost(Path work, Path serverJar, Report report) {
        this.work = work;
        this.serverJar = serverJar;
        this.report = report;
    }

    /** A run of requests: each one's latency, the server's CPU over the run, and the answers not as expected. */
    private record Run(List<Long> micros, long cpuNanos, long compilerNanos, int unexpected, String example) {
        double cpuMicrosPerRequest() {
            return cpuNanos / 1000.0 / micros.size();
        }

        double compilerMicrosPerRequest() {
            return compilerNanos / 1000.0 / micros.size();
        }
    }

    /** The heap as {@code jcmd GC.heap_info} tells it: used and committed (kB), and the addresses it is reserved at. */
    private record Heap(long usedKilobytes, long committedKilobytes, long start, long end) {
    }

    /**
     * Resident memory (VmRSS), the part of it in the Java heap's addresses, and the JIT's code cache in use, kB (-1
     * when not known).
     */
    private record Memory(long rssKilobytes, long inHeapKilobytes, long codeCacheKilobytes) {
        long outsideHeapKilobytes() {
            return inHeapKilobytes < 0 ? -1 : rssKilobytes - inHeapKilobytes;
        }
    }

    /** Measures both, writes them to the report, and returns why the part failed (empty when it did not). */
    List<String> measure() throws Exception {
        Path config = Files.writeString(work.resolve("abuse.yml"), config());
        Path log = work.resolve("abuse.log");
        try (ServerProcess server = ServerProcess.start(serverJar, config, BenchMain.freePort(), LAUNCHER_JVM_OPTIONS, Map.of(), log)) {
            oversizedLists(server, log);
            validKeyAfterWrongOnes(server);
            if (!server.alive()) {
                failures.add("the server ended during the part (an OutOfMemoryError ends it): see " + log);
            }
        }
        return failures;
    }

    /**
     * A valid configuration as docs/configuration.md asks: a signing key, one sandbox council, a client with its key's
     * digest, the permissions of a tenant portal and a rate limit (the largest allowed) that never holds the load
     * back; authentication failures at their default limit.
     */
    private static String config() throws Exception {
        return """
                slotbridge:
                  signing-key: a-benchmark-signing-key-of-32-characters
                  clients:
                    bench:
                      key-sha256: %s
                      councils: [sandbox]
                      permissions: [search, book, manage-own]
                      rate-limit: {requests: 1000000, period: 1s}
                  councils:
                    sandbox:
                      provider: sandbox
                """.formatted(BenchMain.sha256(Api.KEY));
    }

    /** A search with {@code count} job codes {@code {"code":"a"}} (quantity left to its default). */
    static String oversizedSearch(LocalDate day, int count) {
        return "{\"propertyRef\":\"3670010\",\"jobCodes\":[" + String.join(",", Collections.nCopies(count, "{\"code\":\"a\"}"))
                + "],\"priority\":\"Priority 20 Days\",\"from\":\"" + day + "\",\"to\":\"" + day + "\"}";
    }

    private void oversizedLists(ServerProcess server, Path log) throws Exception {
        LocalDate monday = Api.nextMonday();
        String body = oversizedSearch(monday, JOB_CODES);
        int bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bodyBytes >= BODY_LIMIT) {
            throw new IllegalStateException("the oversized search is " + bodyBytes + " bytes, not under the body limit");
        }
        byte[] oversized = KeptAliveConnection.request(server.base, "POST", SEARCH, headers("Bearer " + Api.KEY), body);
        byte[] search = KeptAliveConnection.request(server.base, "POST", SEARCH, headers("Bearer " + Api.KEY),
                Api.searchBody(null, monday, monday.plusDays(13)));
        new Api(server.base).post(SEARCH, Api.searchBody(null, monday, monday.plusDays(13)));
        Predicate<KeptAliveConnection.Answer> found = answer -> answer.status() == 200;

        List<KeptAliveConnection> connections = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            connections.add(new KeptAliveConnection(server.base));
        }
        try {
            // what issue 31 asks about: a fresh server, 1,000 oversized lists, then 9,000 more
            long liveBefore = liveKilobytes(server);
            Heap heapBefore = heap(server);
            Memory before = memory(server, heapBefore);
            long mark = AddedLatency.mark(log);
            Run first = run(server, connections, oversized, FIRST_REQUESTS, this::namesTheList);
            Memory afterFirst = memory(server, heapBefore);
            List<Run> blocks = new ArrayList<>();
            for (int i = 0; i < BLOCKS; i++) {
                blocks.add(run(server, connections, oversized, (LIST_REQUESTS - FIRST_REQUESTS) / BLOCKS, this::namesTheList));
            }
            Memory afterAll = memory(server, heapBefore);
            Heap heapLoaded = heap(server);
            long liveAfter = liveKilobytes(server);
            Thread.sleep(1000); // the server's log appender writes on its own thread
            List<Long> inside = insideMicros(log, mark, SEARCH, 400);
            List<Run> all = new ArrayList<>(blocks);
            all.addFirst(first);
            List<Long> micros = all.stream().flatMap(run -> run.micros().stream()).toList();

            // the same refused list next to a 14-day search in alternating blocks of one run, once the compilers are quiet
            List<Run> extra = Collections.synchronizedList(new ArrayList<>());
            long warmUpStarted = System.nanoTime();
            WarmUp.untilCompilersQuiet(server, MIN_WARM_UP_SLICES, MAX_WARM_UP_SLICES, () -> {
                extra.add(run(server, connections, search, WARM_UP_SLICE, found));
                extra.add(run(server, connections, oversized, WARM_UP_SLICE, this::namesTheList));
            });
            double warmUpSeconds = (System.nanoTime() - warmUpStarted) / 1e9;
            List<Double> refusedCpu = new ArrayList<>();
            List<Double> searchCpu = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < BLOCKS; i++) {
                Run refused = run(server, connections, oversized, REFERENCE_BLOCK, this::namesTheList);
                Run searched = run(server, connections, search, REFERENCE_BLOCK, found);
                extra.addAll(List.of(refused, searched));
                refusedCpu.add(refused.cpuMicrosPerRequest());
                searchCpu.add(searched.cpuMicrosPerRequest());
                ratios.add(refused.cpuMicrosPerRequest() / searched.cpuMicrosPerRequest());
            }

            // and 10,000 more oversized lists on the warm server: does resident memory still grow once nothing is compiled?
            Memory warm = memory(server, heapBefore);
            Run warmRun = run(server, connections, oversized, LIST_REQUESTS, this::namesTheList);
            extra.add(warmRun);
            Memory warmAfter = memory(server, heapBefore);
            long liveEnd = liveKilobytes(server);
            int opened = connections.stream().mapToInt(KeptAliveConnection::opened).sum();

            int requests = micros.size();
            int unexpected = all.stream().mapToInt(Run::unexpected).sum();
            int extraUnexpected = extra.stream().mapToInt(Run::unexpected).sum();
            int extraRequests = extra.stream().mapToInt(run -> run.micros().size()).sum();
            String example = Stream.concat(all.stream(), extra.stream()).map(Run::example).filter(e -> e != null).findFirst().orElse(null);
            List<Double> blockCpu = blocks.stream().map(Run::cpuMicrosPerRequest).toList();
            List<Double> blockJit = blocks.stream().map(Run::compilerMicrosPerRequest).toList();
            long rssGrowth = afterAll.rssKilobytes() - afterFirst.rssKilobytes();
            long warmGrowth = warmAfter.rssKilobytes() - warm.rssKilobytes();

            report.target("oversized lists (" + JOB_CODES + " job codes, " + bodyBytes + " bytes): 400 naming jobCodes",
                    (requests - unexpected) + " / " + requests, LIST_REQUESTS + " / " + LIST_REQUESTS,
                    unexpected == 0 && requests == LIST_REQUESTS);
            if (unexpected != 0 || requests != LIST_REQUESTS) {
                failures.add((requests - unexpected) + " of " + LIST_REQUESTS + " oversized searches were 400 naming jobCodes; "
                        + "e.g. " + example);
            }
            if (extraUnexpected != 0) {
                failures.add(extraUnexpected + " of the " + extraRequests + " later requests (CPU comparison, warm run) were not "
                        + "answered as expected; e.g. " + example);
            }
            report.target("oversized lists: RSS after all " + LIST_REQUESTS + " less after the first " + FIRST_REQUESTS,
                    rssGrowth / 1024.0, "MB", "<=", RSS_GROWTH_LIMIT_KB / 1024.0);
            report.target("oversized lists: RSS over " + LIST_REQUESTS + " more once the JIT compilers are quiet",
                    warmGrowth / 1024.0, "MB", "<=", RSS_GROWTH_LIMIT_KB / 1024.0);
            if (liveBefore >= 0 && liveAfter >= 0) {
                report.target("oversized lists: live heap after a full GC, after the " + LIST_REQUESTS + " less before",
                        (liveAfter - liveBefore) / 1024.0, "MB", "<=", HEAP_GROWTH_LIMIT_KB / 1024.0);
            }

            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("bodyBytes", bodyBytes);
            raw.put("jobCodes", JOB_CODES);
            raw.put("entry", "{\"code\":\"a\"}");
            raw.put("threads", THREADS);
            raw.put("requests", requests);
            raw.put("answered400NamingJobCodes", requests - unexpected);
            raw.put("laterRequests", extraRequests);
            raw.put("laterUnexpected", extraUnexpected);
            raw.put("connectionsOpened", opened);
            raw.put("clientP50Millis", AddedLatency.percentile(micros, 50) / 1000);
            raw.put("clientP99Millis", AddedLatency.percentile(micros, 99) / 1000);
            raw.put("clientMaxMillis", AddedLatency.percentile(micros, 100) / 1000);
            raw.put("serverLines", inside.size());
            raw.put("serverP50Millis", AddedLatency.percentile(inside, 50) / 1000);
            raw.put("serverP99Millis", AddedLatency.percentile(inside, 99) / 1000);
            raw.put("serverMaxMillis", AddedLatency.percentile(inside, 100) / 1000);
            raw.put("cpuMicrosPerRequestFirst", first.cpuMicrosPerRequest());
            raw.put("jitMicrosPerRequestFirst", first.compilerMicrosPerRequest());
            raw.put("cpuMicrosPerRequestBlocks", blockCpu);
            raw.put("jitMicrosPerRequestBlocks", blockJit);
            raw.put("againstSearch14Days", Map.of("refusedCpuMicros", refusedCpu, "searchCpuMicros", searchCpu, "ratios", ratios,
                    "warmUpSeconds", warmUpSeconds));
            raw.put("warm", Map.of("requests", warmRun.micros().size(), "clientP50Millis", AddedLatency.percentile(warmRun.micros(), 50) / 1000,
                    "clientP99Millis", AddedLatency.percentile(warmRun.micros(), 99) / 1000, "cpuMicrosPerRequest",
                    warmRun.cpuMicrosPerRequest(), "jitMicrosPerRequest", warmRun.compilerMicrosPerRequest()));
            Map<String, Object> memory = new LinkedHashMap<>();
            memory.put("before", before);
            memory.put("afterFirst", afterFirst);
            memory.put("afterAll", afterAll);
            memory.put("warm", warm);
            memory.put("warmAfter", warmAfter);
            raw.put("memoryKilobytes", memory);
            Map<String, Object> heaps = new LinkedHashMap<>();
            heaps.put("liveAfterFullGcBefore", liveBefore);
            heaps.put("liveAfterFullGcAfterAll", liveAfter);
            heaps.put("liveAfterFullGcAtTheEnd", liveEnd);
            heaps.put("afterAllBeforeGc", heapLoaded);
            raw.put("heapKilobytes", heaps);
            report.raw("oversizedLists", raw);

            StringBuilder section = new StringBuilder("## Abuse: oversized lists\n\n")
                    .append(String.format(Locale.ROOT, "%,d searches of the sandbox council, each with %,d job codes `{\"code\":\"a\"}` "
                                    + "in a body of %,d bytes (with `{\"code\":\"a\",\"quantity\":1}` it would be about 130 KB, over "
                                    + "the 64 KiB body limit: a 413 before the list is looked at), from %d threads on kept-alive "
                                    + "connections (%d opened for all %,d requests of this part). The server: the jar with `%s`, "
                                    + "the options `bin/slotbridge` gives it.\n\n",
                            requests, JOB_CODES, bodyBytes, THREADS, opened, requests + extraRequests,
                            String.join(" ", LAUNCHER_JVM_OPTIONS)))
                    .append("| figure | value |\n|---|---|\n")
                    .append("| answered 400 naming `jobCodes` | ").append(requests - unexpected).append(" of ").append(requests)
                    .append(example == null ? "" : " (e.g. " + example.replace("|", "\\|") + ")").append(" |\n")
                    .append("| latency, client (write to last byte): p50 / p99 / max | ").append(AddedLatency.summary(micros)).append(" ms |\n")
                    .append("| latency, server (its request lines, ").append(inside.size()).append("): p50 / p99 / max | ")
                    .append(AddedLatency.summary(inside)).append(" ms |\n")
                    .append("| server CPU per request, the first ").append(FIRST_REQUESTS).append(" (of which JIT compilers) | ")
                    .append(Report.format(first.cpuMicrosPerRequest())).append(" µs (").append(Report.format(first.compilerMicrosPerRequest()))
                    .append(" µs) |\n")
                    .append(String.format(Locale.ROOT, "| server CPU per request, the next %,d in %d blocks: median (min–max) "
                            + "(of which JIT compilers) | ", LIST_REQUESTS - FIRST_REQUESTS, BLOCKS))
                    .append(spread(blockCpu)).append(" µs (").append(spread(blockJit)).append(" µs) |\n")
                    .append("| then, once the JIT compilers were quiet (").append(Report.format(warmUpSeconds))
                    .append(" s more of both), a refused list / a 14-day search, server CPU per request in alternating blocks of ")
                    .append(String.format(Locale.ROOT, "%,d", REFERENCE_BLOCK)).append(": median (min–max) | ").append(spread(ratios))
                    .append("× (").append(spread(refusedCpu)).append(" / ").append(spread(searchCpu)).append(" µs) |\n")
                    .append(String.format(Locale.ROOT, "| then %,d more on the warm server: latency, client, p50 / p99 / max; CPU per "
                                    + "request (of which JIT compilers) | %s ms; %s µs (%s µs) |\n", warmRun.micros().size(),
                            AddedLatency.summary(warmRun.micros()), Report.format(warmRun.cpuMicrosPerRequest()),
                            Report.format(warmRun.compilerMicrosPerRequest())));
            section.append(String.format(Locale.ROOT, "| live objects after a full GC (`jcmd GC.class_histogram`): before / after the "
                            + "%,d / at the end of the part | %s / %s / %s MB |\n", LIST_REQUESTS, mb(liveBefore), mb(liveAfter), mb(liveEnd)))
                    .append(String.format(Locale.ROOT, "| heap used after the %,d, before that GC (committed) | %s MB (%s MB) |\n",
                            LIST_REQUESTS, heapLoaded == null ? "—" : mb(heapLoaded.usedKilobytes()),
                            heapLoaded == null ? "—" : mb(heapLoaded.committedKilobytes())));
            section.append("\n**Resident memory** (VmRSS of /proc/<pid>/status; the part inside the Java heap's addresses from "
                            + "/proc/<pid>/smaps; the JIT's code cache from `jcmd Compiler.codecache`):\n\n"
                            + "| when | RSS MB | in the heap MB | outside the heap MB | code cache used MB |\n|---|---|---|---|---|\n")
                    .append(memoryRow("before (after a full GC)", before))
                    .append(memoryRow(String.format(Locale.ROOT, "after the first %,d", FIRST_REQUESTS), afterFirst))
                    .append(memoryRow(String.format(Locale.ROOT, "after all %,d", LIST_REQUESTS), afterAll))
                    .append(memoryRow("once the JIT compilers were quiet (after the CPU comparison)", warm))
                    .append(memoryRow(String.format(Locale.ROOT, "after %,d more", LIST_REQUESTS), warmAfter))
                    .append(String.format(Locale.ROOT, "\nRSS after all %,d less after the first %,d: %s MB (outside the heap %s MB, "
                                    + "of which the code cache %s MB; inside it %s MB), while the JIT compilers used %s s of the "
                                    + "server's CPU; over %,d more once the compilers were quiet: %s MB (outside the heap %s MB). The heap is committed whole at start (`-Xmx256m` is also the "
                                    + "initial size on this machine) and becomes resident as it is first written; the live objects "
                                    + "after a full GC are the figure noise cannot move (the heap's \"used\" after one is not: the "
                                    + "serial collector leaves up to 5 %% of the old generation's dead objects in place, under "
                                    + "filler arrays the live figure leaves out).\n",
                            LIST_REQUESTS, FIRST_REQUESTS, Report.format(rssGrowth / 1024.0),
                            difference(afterAll.outsideHeapKilobytes(), afterFirst.outsideHeapKilobytes()),
                            difference(afterAll.codeCacheKilobytes(), afterFirst.codeCacheKilobytes()),
                            difference(afterAll.inHeapKilobytes(), afterFirst.inHeapKilobytes()),
                            Report.format(blocks.stream().mapToLong(Run::compilerNanos).sum() / 1e9), LIST_REQUESTS,
                            Report.format(warmGrowth / 1024.0), difference(warmAfter.outsideHeapKilobytes(), warm.outsideHeapKilobytes())));
            report.section(section.toString());
        } finally {
            connections.forEach(KeptAliveConnection::close);
        }
    }

    private void validKeyAfterWrongOnes(ServerProcess server) throws Exception {
        LocalDate monday = Api.nextMonday();
        String body = Api.searchBody(null, monday, monday.plusDays(13));
        byte[] valid = KeptAliveConnection.request(server.base, "POST", SEARCH, headers("Bearer " + Api.KEY), body);
        try (KeptAliveConnection connection = new KeptAliveConnection(server.base)) {
            List<Long> before = new ArrayList<>();
            for (int i = 0; i < VALID_BEFORE; i++) {
                KeptAliveConnection.Answer answer = connection.send(valid);
                if (answer.status() != 200) {
                    throw new IllegalStateException("a valid search before the wrong keys answered " + answer.status() + ": " + answer.body());
                }
                before.add(answer.micros());
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<Long> wrongMicros = new ArrayList<>();
            int first429 = -1;
            String retryAfter = null;
            boolean inOrder = true;
            for (int i = 0; i < WRONG_KEYS; i++) {
                // a key of its own each time: only the count of the address can hold them back, not the key's
                KeptAliveConnection.Answer answer = connection.send(KeptAliveConnection.request(server.base, "POST", SEARCH,
                        headers("Bearer " + String.format(Locale.ROOT, "wrong-key-%04d", i)), body));
                statuses.merge(answer.status(), 1, Integer::sum);
                wrongMicros.add(answer.micros());
                if (answer.status() == 429 && first429 < 0) {
                    first429 = i + 1;
                    retryAfter = answer.headers().get("retry-after");
                }
                inOrder &= answer.status() == (i < MAX_FAILURES ? 401 : 429);
            }
            KeptAliveConnection.Answer after = connection.send(valid);
            // then, while the address is still refused, valid and wrong keys in turn: one valid answer is one sample
            List<Long> validWhileRefused = new ArrayList<>();
            Map<Integer, Integer> validStatuses = new TreeMap<>();
            Map<Integer, Integer> wrongStatuses = new TreeMap<>();
            for (int i = 0; i < ALTERNATIONS; i++) {
                KeptAliveConnection.Answer wrong = connection.send(KeptAliveConnection.request(server.base, "POST", SEARCH,
                        headers("Bearer " + String.format(Locale.ROOT, "wrong-key-after-%03d", i)), body));
                wrongStatuses.merge(wrong.status(), 1, Integer::sum);
                KeptAliveConnection.Answer answer = connection.send(valid);
                validStatuses.merge(answer.status(), 1, Integer::sum);
                validWhileRefused.add(answer.micros());
            }
            int opened = connection.opened();
            double medianBefore = AddedLatency.percentile(before, 50) / 1000;
            double afterMillis = after.micros() / 1000.0;
            boolean allValid = validStatuses.equals(Map.of(200, ALTERNATIONS));

            report.target("valid key after " + WRONG_KEYS + " wrong ones from its address", after.status() + " in "
                    + Report.format(afterMillis) + " ms", "200 at once", after.status() == 200);
            if (after.status() != 200) {
                failures.add("the valid key after " + WRONG_KEYS + " wrong ones answered " + after.status() + ": " + after.body());
            }
            report.target("valid key in turn with wrong ones while its address is refused", statusCounts(validStatuses),
                    ALTERNATIONS + " × 200", allValid);
            if (!allValid) {
                failures.add("the valid key in turn with wrong ones while its address was refused: " + statusCounts(validStatuses));
            }
            report.target("wrong keys from one address: 401 up to max-failures (" + MAX_FAILURES + "), then 429",
                    statusCounts(statuses), MAX_FAILURES + " × 401, " + (WRONG_KEYS - MAX_FAILURES) + " × 429", inOrder);

            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("wrongKeys", WRONG_KEYS);
            raw.put("statuses", statuses);
            raw.put("first429AtRequest", first429);
            raw.put("retryAfterSeconds", retryAfter);
            raw.put("wrongKeyP50Millis", AddedLatency.percentile(wrongMicros, 50) / 1000);
            raw.put("wrongKeyP99Millis", AddedLatency.percentile(wrongMicros, 99) / 1000);
            raw.put("validStatus", after.status());
            raw.put("validMillis", afterMillis);
            raw.put("validBeforeMedianMillis", medianBefore);
            raw.put("alternations", ALTERNATIONS);
            raw.put("validWhileRefusedStatuses", validStatuses);
            raw.put("validWhileRefusedP50Millis", AddedLatency.percentile(validWhileRefused, 50) / 1000);
            raw.put("validWhileRefusedP99Millis", AddedLatency.percentile(validWhileRefused, 99) / 1000);
            raw.put("wrongWhileRefusedStatuses", wrongStatuses);
            raw.put("connectionsOpened", opened);
            report.raw("validKeyAfterWrongOnes", raw);
            report.section("## Abuse: a valid key after " + String.format(Locale.ROOT, "%,d", WRONG_KEYS) + " wrong ones from its address\n\n"
                    + "From 127.0.0.1 on one kept-alive connection (" + opened + " opened): " + VALID_BEFORE + " valid 14-day searches, then "
                    + String.format(Locale.ROOT, "%,d", WRONG_KEYS) + " with wrong keys (each a different key, so only the address's "
                    + "count can refuse them; `max-failures` at its default, " + MAX_FAILURES + "), then the valid key, then " + ALTERNATIONS
                    + " wrong and valid keys in turn.\n\n| figure | value |\n|---|---|\n"
                    + "| wrong keys: answers by status | " + statusCounts(statuses) + " (first 429 at request " + first429
                    + ", `Retry-After: " + retryAfter + "`) |\n"
                    + "| wrong keys: latency p50 / p99 | " + Report.format(AddedLatency.percentile(wrongMicros, 50) / 1000) + " / "
                    + Report.format(AddedLatency.percentile(wrongMicros, 99) / 1000) + " ms |\n"
                    + "| the valid key next: status, latency | " + after.status() + ", " + Report.format(afterMillis) + " ms |\n"
                    + "| then " + ALTERNATIONS + " in turn: the wrong keys' answers; the valid key's answers, latency p50 / p99 | "
                    + statusCounts(wrongStatuses) + "; " + statusCounts(validStatuses) + ", "
                    + Report.format(AddedLatency.percentile(validWhileRefused, 50) / 1000) + " / "
                    + Report.format(AddedLatency.percentile(validWhileRefused, 99) / 1000) + " ms |\n"
                    + "| the same valid search before the wrong keys: latency p50 / p99 of " + VALID_BEFORE + " | "
                    + Report.format(medianBefore) + " / " + Report.format(AddedLatency.percentile(before, 99) / 1000) + " ms |\n");
        }
    }

    /** 400 {@code validation} whose only error names the list. */
    private boolean namesTheList(KeptAliveConnection.Answer answer) {
        if (answer.status() != 400) {
            return false;
        }
        try {
            JsonNode problem = json.readTree(answer.body());
            JsonNode errors = problem.path("errors");
            return problem.path("type").asText().equals("https://slotbridge.dev/problems/validation") && errors.size() == 1
                    && errors.path(0).path("field").asText().equals("jobCodes");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code count} requests from one thread per kept-alive connection; the server's CPU over the run (ProcessCpu),
     * each request's latency and the answers {@code expected} refused.
     */
    private static Run run(ServerProcess server, List<KeptAliveConnection> connections, byte[] request, int count, Predicate<KeptAliveConnection.Answer> expected)
            throws Exception {
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        String[] example = new String[1];
        long cpu = server.cpuNanos();
        long compilers = server.compilerNanos();
        try (ExecutorService threads = Executors.newFixedThreadPool(connections.size())) {
            List<Future<?>> running = new ArrayList<>();
            for (KeptAliveConnection connection : connections) {
                running.add(threads.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        KeptAliveConnection.Answer answer = connection.send(request);
                        micros.add(answer.micros());
                        if (!expected.test(answer)) {
                            unexpected.incrementAndGet();
                            synchronized (example) {
                                if (example[0] == null) {
                                    example[0] = answer.status() + " " + abbreviate(answer.body());
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get(5, TimeUnit.MINUTES);
            }
        }
        return new Run(List.copyOf(micros), server.cpuNanos() - cpu, server.compilerNanos() - compilers, unexpected.get(),
                example[0]);
    }

    /**
     * What a full collection leaves: the bytes of the objects {@code jcmd <pid> GC.class_histogram} counts after the
     * full GC it starts, less its fillers, in kB; -1 when jcmd does not answer. The serial collector leaves up to 5 %
     * of the old generation's dead objects in place (MarkSweepDeadRatio) and covers them with filler arrays
     * ({@code jdk.internal.vm.FillerElement[]}): they moved the heap's "used" after {@code GC.run}, and the histogram's
     * total, by 9 MB between two collections of the same live objects.
     */
    static long liveKilobytes(ServerProcess server) {
        try {
            String histogram = jcmd(server.pid(), "GC.class_histogram");
            Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
            if (!total.find()) {
                return -1;
            }
            long bytes = Long.parseLong(total.group(1));
            for (Matcher filler = HISTOGRAM_FILLER.matcher(histogram); filler.find(); ) {
                bytes -= Long.parseLong(filler.group(1));
            }
            return bytes / 1024;
        } catch (IOException | InterruptedException | IllegalStateException e) {
            System.err.println("jcmd: " + e.getMessage());
            return -1;
        }
    }

    /** The generations' used and committed sizes from {@code jcmd <pid> GC.heap_info}; null when jcmd does not answer. */
    private static Heap heap(ServerProcess server) {
        try {
            long used = 0;
            long committed = 0;
            long start = Long.MAX_VALUE;
            long end = 0;
            for (String line : jcmd(server.pid(), "GC.heap_info").split("\n")) {
                Matcher matcher = GENERATION.matcher(line);
                if (matcher.find()) {
                    committed += Long.parseLong(matcher.group(1));
                    used += Long.parseLong(matcher.group(2));
                    start = Math.min(start, Long.parseUnsignedLong(matcher.group(3), 16));
                    end = Math.max(end, Long.parseUnsignedLong(matcher.group(4), 16));
                }
            }
            if (committed == 0) {
                System.err.println("jcmd GC.heap_info: no serial generations in its answer");
                return null;
            }
            return new Heap(used, committed, start, end);
        } catch (IOException | InterruptedException | IllegalStateException e) {
            System.err.println("jcmd: " + e.getMessage());
            return null;
        }
    }

    /**
     * VmRSS, the resident part of the mappings inside the heap's addresses ({@code /proc/<pid>/smaps}) and the code
     * cache in use ({@code jcmd Compiler.codecache}).
     */
    private static Memory memory(ServerProcess server, Heap heap) {
        long total = server.rssKilobytes();
        return new Memory(total, inHeap(server, heap), codeCache(server));
    }

    private static long codeCache(ServerProcess server) {
        try {
            Matcher used = CODE_CACHE.matcher(jcmd(server.pid(), "Compiler.codecache"));
            return used.find() ? Long.parseLong(used.group(1)) : -1;
        } catch (IOException | InterruptedException | IllegalStateException e) {
            System.err.println("jcmd: " + e.getMessage());
            return -1;
        }
    }

    private static long inHeap(ServerProcess server, Heap heap) {
        if (heap == null) {
            return -1;
        }
        try {
            long inHeap = 0;
            boolean inside = false;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "smaps"))) {
                Matcher mapping = MAPPING.matcher(line);
                if (mapping.find()) {
                    inside = Long.parseUnsignedLong(mapping.group(1), 16) >= heap.start()
                            && Long.parseUnsignedLong(mapping.group(2), 16) <= heap.end();
                } else if (inside && line.startsWith("Rss:")) {
                    inHeap += Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return inHeap;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String memoryRow(String when, Memory memory) {
        return "| " + when + " | " + mb(memory.rssKilobytes()) + " | " + mb(memory.inHeapKilobytes()) + " | "
                + mb(memory.outsideHeapKilobytes()) + " | " + mb(memory.codeCacheKilobytes()) + " |\n";
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
        return output;
    }

    /** The server's handling time ({@code outside_us}: no scheduler was called) of each request line with the status. */
    private static List<Long> insideMicros(Path log, long mark, String path, int status) throws IOException {
        List<Long> values = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(mark);
            byte[] rest = new byte[(int) (file.length() - mark)];
            file.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                Matcher matcher = REQUEST_LINE.matcher(line);
                if (matcher.find() && matcher.group(1).equals(path) && Integer.parseInt(matcher.group(2)) == status) {
                    values.add(Long.parseLong(matcher.group(3)));
                }
            }
        }
        return values;
    }

    private static Map<String, String> headers(String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static String statusCounts(Map<Integer, Integer> statuses) {
        return String.join(", ", statuses.entrySet().stream().map(entry -> entry.getValue() + " × " + entry.getKey()).toList());
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** {@code later - earlier} in MB, or a dash when either is not known. */
    private static String difference(long later, long earlier) {
        return later < 0 || earlier < 0 ? "—" : Report.format((later - earlier) / 1024.0);
    }

    private static String mb(long kilobytes) {
        return kilobytes < 0 ? "—" : Report.format(kilobytes / 1024.0);
    }

    /** median (min–max) of three or more values. */
    private static String spread(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return Report.format(sorted.get(sorted.size() / 2)) + " (" + Report.format(sorted.getFirst()) + "–"
                + Report.format(sorted.getLast()) + ")";
    }
}

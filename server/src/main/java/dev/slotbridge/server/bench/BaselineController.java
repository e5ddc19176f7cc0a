package dev.slotbridge.server.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmarks' baseline: a precomputed JSON answer of the requested size, served by the same server and
 * framework with no work behind it, so the API's own cost can be read as a ratio to it. Only present when
 * {@code slotbridge.bench.baseline-enabled} is true (never in the shipped configuration).
 */
@Controller("/bench/baseline")
@Requires(property = "slotbridge.bench.baseline-enabled", value = "true")
final class BaselineController {
    private static final int MAX_BYTES = 1 << 20;
    private final Map<Integer, byte[]> answers = new ConcurrentHashMap<>();

    @Get
    HttpResponse<byte[]> baseline(@QueryValue(defaultValue = "1024") int bytes) {
        int size = Math.max(16, Math.min(bytes, MAX_BYTES));
        byte[] answer = answers.computeIfAbsent(size, BaselineController::padded);
        return HttpResponse.ok(answer).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static byte[] padded(int size) {
        String prefix = "{\"padding\":\"";
        String suffix = "\"}";
        return (prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix).getBytes(StandardCharsets.UTF_8);
    }
}

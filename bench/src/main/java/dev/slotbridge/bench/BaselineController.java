package dev.slotbridge.bench;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmarks' baseline: a precomputed JSON answer of the requested size, served by the same server and
 * framework with no work behind it, so the API's own cost can be read as a ratio to it. {@code /virtual-thread}
 * answers the same from a virtual thread, as the API's controllers do (they block on schedulers and stores): the
 * difference is what that hand-over costs. Compiled into the bench jar only: {@link ServerProcess} puts that jar after
 * the server jar on the class path, so the shipped server jar never has it.
 */
@Controller("/bench/baseline")
final class BaselineController {
    private static final int MAX_BYTES = 1 << 20;
    private final Map<Integer, byte[]> answers = new ConcurrentHashMap<>();

    @Get
    HttpResponse<byte[]> baseline(@QueryValue(defaultValue = "1024") int bytes) {
        int size = Math.max(16, Math.min(bytes, MAX_BYTES));
        byte[] answer = answers.computeIfAbsent(size, BaselineController::padded);
        return HttpResponse.ok(answer).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/virtual-thread")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<byte[]> onVirtualThread(@QueryValue(defaultValue = "1024") int bytes) {
        return baseline(bytes);
    }

    private static byte[] padded(int size) {
        String prefix = "{\"padding\":\"";
        String suffix = "\"}";
        return (prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix).getBytes(StandardCharsets.UTF_8);
    }
}

package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Thirty callers race for one slot with capacity 3: exactly three bookings, and 409 for everyone else. */
@MicronautTest
class ConcurrentBookingApiTest extends ApiTestBase {

    @Test
    void oneSlotFromThirtyThreadsBooksExactlyCapacityPerSlot() throws Exception {
        String slotId = (String) api.post(OPS_KEY, "/v1/councils/roomy/appointment-search",
                Requests.search("2026-03-02", "2026-03-06")).list("slots").getFirst().get("slotId");
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> callers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String externalRef = "HMS-RACE-" + i;
            callers.add(() -> {
                start.await();
                Reply reply = api.post(OPS_KEY, "/v1/councils/roomy/bookings", Requests.book(slotId, externalRef));
                return reply.status();
            });
        }

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(30)) {
            List<Future<Integer>> results = callers.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(27);
    }
}

package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.DEMO_KEY;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Exactly-once holds for the whole TTL, whatever other clients do: each client has its own bound. */
@MicronautTest
@Property(name = "slotbridge.idempotency.max-entries", value = "2")
class IdempotencyCapacityApiTest extends ApiTestBase {
    private static final String SANDBOX = "/v1/councils/sandbox";

    @Test
    void aClientAtItsBoundIsRefusedNewKeysWithRetryAfterAndOtherClientsCannotEraseItsRecords() {
        List<Map<String, Object>> slots = api.post(OPS_KEY, SANDBOX + "/appointment-search",
                Requests.search("2026-03-09", "2026-03-13")).list("slots");
        Reply first = book(OPS_KEY, slots.get(0), "HMS-CAP-1", "cap-1");
        book(OPS_KEY, slots.get(1), "HMS-CAP-2", "cap-2");
        for (int i = 0; i < 3; i++) {
            book(DEMO_KEY, slots.get(2 + i), "HMS-OTHER-" + i, "other-" + i);
        }

        Reply refused = book(OPS_KEY, slots.get(5), "HMS-CAP-3", "cap-3");
        Reply repeat = book(OPS_KEY, slots.get(0), "HMS-CAP-1", "cap-1");

        assertProblem(refused, 503, "idempotency-capacity");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(book(OPS_KEY, slots.get(5), "HMS-CAP-3", null).status()).as("a booking without a key is not refused")
                .isEqualTo(201);
    }

    private Reply book(String key, Map<String, Object> slot, String order, String idempotencyKey) {
        return api.post(key, SANDBOX + "/bookings", Requests.book((String) slot.get("slotId"), order),
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }
}

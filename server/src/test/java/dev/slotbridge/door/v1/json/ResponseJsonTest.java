package dev.slotbridge.door.v1.json;

import dev.slotbridge.door.v1.body.BookedSlotBody;
import dev.slotbridge.door.v1.body.BookingBody;
import dev.slotbridge.door.v1.body.BookingListBody;
import dev.slotbridge.door.v1.body.ContactBody;
import dev.slotbridge.door.v1.body.CouncilBody;
import dev.slotbridge.door.v1.body.CouncilListBody;
import dev.slotbridge.door.v1.body.DeliveryBody;
import dev.slotbridge.door.v1.body.DeliveryListBody;
import dev.slotbridge.door.v1.body.HoldBody;
import dev.slotbridge.door.v1.body.JobBody;
import dev.slotbridge.door.v1.body.JobCodeBody;
import dev.slotbridge.door.v1.body.SlotBody;
import dev.slotbridge.engine.error.FieldError;
import dev.slotbridge.http.problem.Problem;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.model.BookingStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false)
class ResponseJsonTest {
    @Inject
    ResponseJson responses;
    @Inject
    JsonMapper json;

    private static BookingBody booking(int n) {
        return new BookingBody("ref-" + n, "sandbox", BookingStatus.BOOKED,
                new BookedSlotBody("2026-12-07T08:00:00Z", "2026-12-07T12:00:00Z", null),
                new JobBody("3670010", List.of(new JobCodeBody("N373049", 1)), "P20", "EXT-\"" + n + "\"", "Tap é ✓"),
                n % 2 == 0 ? null : new ContactBody("Ann", null, "ann@example.org"), null, Map.of("bookingId", "SBX-" + n));
    }

    private static final Problem PROBLEM = new Problem(URI.create("https://slotbridge.dev/problems/invalid-request"), "Bad",
            400, null, "/v1/x", List.of(new FieldError("job.jobCodes[0].code", "must not be blank")));

    /** Every kind of answer body, with nulls, escapes, non-ASCII text, enums, lists, maps and serde-only types. */
    private static List<Object> answerBodies() {
        SlotBody slot = new SlotBody("slot-1", "2026-12-07T08:00:00Z", "2026-12-07T12:00:00Z", null, true);
        return List.of(booking(1), booking(2), new BookingListBody(List.of(booking(3), booking(4))),
                new BookingListBody(List.of()), List.of("a warning"), List.of(), slot,
                new HoldBody("hold-1", slot, "2026-12-07T07:00:00Z"),
                new CouncilListBody(List.of(new CouncilBody("sandbox", "Sandbox", "sandbox", List.of(Capability.values()), "scheduler"),
                        new CouncilBody("searchonly", "Search", "scripted", List.of(Capability.SEARCH), null))),
                new DeliveryListBody(List.of(new DeliveryBody("d-1", "e-1", "booking.created", "sandbox", "ref", "https://x.test/h",
                        "FAILED", 3, null, "2026-12-07T07:00:00Z", null))),
                PROBLEM, Map.of("k", "v"), new LinkedHashMap<>(Map.of("k", 1L)), Collections.singletonMap("nothing", null));
    }

    @Test
    void writesWhatMicronautsJsonMapperWritesNullsIncluded() throws Exception {
        for (Object body : answerBodies()) {
            assertThat(new String(responses.write(body))).isEqualTo(new String(json.writeValueAsBytes(body)));
        }
        assertThat(new String(responses.write(booking(2)))).contains("\"contact\":null", "\"accessNotes\":null");
        assertThat(new String(responses.write(PROBLEM))).doesNotContain("detail");
    }

    @Test
    void answersWrittenAtOnceOnManyThreadsStayWhole() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> written = IntStream.range(0, 500)
                    .mapToObj(n -> threads.submit(() -> new String(responses.write(booking(n))))).toList();
            for (int n = 0; n < written.size(); n++) {
                assertThat(written.get(n).get()).isEqualTo(new String(json.writeValueAsBytes(booking(n))));
            }
        }
    }
}

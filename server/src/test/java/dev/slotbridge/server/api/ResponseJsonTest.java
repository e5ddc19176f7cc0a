package dev.slotbridge.server.api;

import dev.slotbridge.spi.model.BookingStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

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

    @Test
    void writesWhatMicronautsJsonMapperWritesNullsIncluded() throws Exception {
        for (Object body : List.of(booking(1), booking(2), new BookingListBody(List.of(booking(3), booking(4))),
                new BookingListBody(List.of()), List.of("a warning"))) {
            assertThat(new String(responses.write(body))).isEqualTo(new String(json.writeValueAsBytes(body)));
        }
        assertThat(new String(responses.write(booking(2)))).contains("\"contact\":null", "\"accessNotes\":null");
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

package dev.slotbridge.provider.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.provider.connect.wire.AvailabilityResponse;
import dev.slotbridge.provider.connect.wire.PlanningWindow;
import dev.slotbridge.spi.model.Slot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Connect provider's share of a search: a two-week {@code availability} answer, from the bytes Connect sends to
 * the slots. Connect's v1.34 document gives the {@code AvailabilityResponse} object's fields but no example answer, so
 * {@code src/test/resources/connect/availability-answer.json} is written from them: every field of the echoed
 * {@code Availability} request, three {@code PlanningWindows}, and for each an {@code AvailabilityDays} entry per day
 * ({@code Date}, {@code AvailabilityStatus}, {@code TravelTime}). Run with {@code -prof gc} for the bytes allocated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConnectJsonBenchmark {
    private final ObjectMapper json = ConnectProviderFactory.connectJson();
    private final byte[] answer = resource("/connect/availability-answer.json");
    private final Map<Integer, PlanningWindow> windows = windows();

    private static byte[] resource(String name) {
        try (InputStream in = ConnectJsonBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer's own planning windows, as the provider keeps them from {@code GET api/PlanningWindow}. */
    private Map<Integer, PlanningWindow> windows() {
        try {
            List<PlanningWindow> listed = json.readerForListOf(PlanningWindow.class).readValue(json.readTree(answer).path("PlanningWindows"));
            return listed.stream().collect(Collectors.toMap(PlanningWindow::id, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the provider does with the answer's bytes (as the transport hands them over): read, mapped to slots. */
    @Benchmark
    public List<Slot> readAvailabilityAnswer() {
        AvailabilityResponse response = AvailabilityReader.read(json.getFactory(), answer, null);
        return ConnectMapping.slots(response, "HMS-12345659", windows, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 15),
                ZoneId.of("Europe/London"), "Kitchen tap leaking");
    }
}

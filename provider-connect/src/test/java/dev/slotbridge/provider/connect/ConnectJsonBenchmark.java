package dev.slotbridge.provider.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
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

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Reading a two-week Connect availability answer and mapping it to slots. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConnectJsonBenchmark {
    private final ObjectMapper json = ConnectProviderFactory.connectJson();
    private final Map<Integer, PlanningWindow> windows = Map.of(
            1, new PlanningWindow(1, "AM", 8, 0, 12, 59), 2, new PlanningWindow(2, "PM", 13, 0, 16, 59));
    private final String answer = availabilityAnswer();

    private static String availabilityAnswer() {
        StringBuilder windows = new StringBuilder();
        for (int window = 1; window <= 2; window++) {
            windows.append(window == 1 ? "" : ",").append("{\"PlanningWindowId\":").append(window).append(",\"AvailabilityDays\":[");
            for (int day = 0; day < 14; day++) {
                windows.append(day == 0 ? "" : ",").append("{\"Date\":\"").append(LocalDate.of(2026, 3, 2).plusDays(day))
                        .append("T00:00:00\",\"AvailabilityStatus\":").append(day % 7 < 5 ? 1 : 0).append(",\"TravelTime\":20}");
            }
            windows.append("]}");
        }
        return "{\"Availability\":{\"PrimaryOrderNumber\":\"HMS-1\",\"Date\":\"2026-03-02\",\"NumberOfWeeks\":2},"
                + "\"PlanningWindows\":[],\"AvailabilityPlanningWindows\":[" + windows + "]}";
    }

    @Benchmark
    public List<Slot> readAvailabilityAnswer() throws JsonProcessingException {
        AvailabilityResponse response = json.readValue(answer, AvailabilityResponse.class);
        return ConnectMapping.slots(response, "HMS-1", windows, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 15),
                ZoneId.of("Europe/London"), "Kitchen tap leaking");
    }
}

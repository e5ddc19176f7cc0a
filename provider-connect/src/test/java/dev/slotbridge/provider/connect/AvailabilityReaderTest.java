package dev.slotbridge.provider.connect;

import com.fasterxml.jackson.core.JsonFactory;
import dev.slotbridge.provider.connect.wire.AvailabilityDay;
import dev.slotbridge.provider.connect.wire.AvailabilityPlanningWindow;
import dev.slotbridge.provider.connect.wire.AvailabilityResponse;
import dev.slotbridge.spi.error.SchedulerResponseException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An availability answer read as it is parsed: what the provider's mapper accepted is still accepted. */
final class AvailabilityReaderTest {
    private static final JsonFactory JSON = ConnectProviderFactory.connectJson().getFactory();

    private static AvailabilityResponse read(String answer) {
        return AvailabilityReader.read(JSON, answer.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void keepsTheAvailabilityByWindowAndSkipsEverythingElse() {
        AvailabilityResponse answer = read("""
                {"Availability":{"PrimaryOrderNumber":"HMS-1","Date":"2026-03-02","NumberOfWeeks":1,"Nested":{"a":[1,{"b":2}]}},
                 "PlanningWindows":[{"Id":1,"Name":"AM","StartHour":8,"StartMinute":0,"EndHour":12,"EndMinute":59}],
                 "availabilityplanningwindows":[
                   {"PlanningWindowId":1,"Extra":[[]],"AvailabilityDays":[
                     {"Date":"2026-03-02T00:00:00","AvailabilityStatus":1,"TravelTime":20},
                     {"date":"2026-03-03","availabilityStatus":"2"},
                     {"Date":"2026-03-04 08:00:00","AvailabilityStatus":null}]},
                   {"planningWindowId":"2","AvailabilityDays":null}],
                 "Unknown":null}""");

        assertThat(answer.availabilityPlanningWindows()).containsExactly(
                new AvailabilityPlanningWindow(1, List.of(new AvailabilityDay(LocalDate.of(2026, 3, 2), 1),
                        new AvailabilityDay(LocalDate.of(2026, 3, 3), 2), new AvailabilityDay(LocalDate.of(2026, 3, 4), 0))),
                new AvailabilityPlanningWindow(2, null));
    }

    @Test
    void anAnswerWithoutWindowsOrNullHasNone() {
        assertThat(read("{\"AvailabilityPlanningWindows\":null}").availabilityPlanningWindows()).isNull();
        assertThat(read("{}").availabilityPlanningWindows()).isNull();
        assertThat(read("null")).isNull();
    }

    @Test
    void whatIsNotAnAvailabilityAnswerIsUnreadable() {
        for (String answer : List.of("[]", "{\"AvailabilityPlanningWindows\":{}}", "{\"AvailabilityPlanningWindows\":[1]}",
                "{\"AvailabilityPlanningWindows\":[{\"PlanningWindowId\":true}]}", "{\"AvailabilityPlanningWindows\":[{\"PlanningWindowId\":\"x\"}]}",
                "{\"AvailabilityPlanningWindows\":[{\"AvailabilityDays\":[{\"AvailabilityStatus\":1}]}]}",
                "{\"AvailabilityPlanningWindows\":[{\"AvailabilityDays\":[{\"Date\":\"2026-02-30\"}]}]}", "{\"Availa", "")) {
            assertThatThrownBy(() -> read(answer)).as(answer).isInstanceOf(SchedulerResponseException.class);
        }
    }

    @Test
    void theUsualDateShapesAreReadByHandAndEveryOtherAsBefore() {
        assertThat(AvailabilityReader.date("2026-03-02")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(AvailabilityReader.date("2026-03-02T00:00:00")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(AvailabilityReader.date("2026-03-02T08:30:00")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(AvailabilityReader.date(" 2026-03-02 ")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThatThrownBy(() -> AvailabilityReader.date("2026-13-02")).isInstanceOf(SchedulerResponseException.class);
        assertThatThrownBy(() -> AvailabilityReader.date("2026-03-0x")).isInstanceOf(SchedulerResponseException.class);
    }
}

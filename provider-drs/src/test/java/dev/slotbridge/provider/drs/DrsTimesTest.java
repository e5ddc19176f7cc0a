package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.error.SchedulerResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written fast paths give exactly what the JDK's formatter gives, and every other form still reads. */
final class DrsTimesTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    @Test
    void writesWhatTheFormatterWritesAcrossAYearOfLondonTimesAndOtherOffsets() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            for (int hour : new int[]{0, 1, 8, 12, 23}) {
                OffsetDateTime london = day.atTime(hour, 59, 7).atZone(LONDON).toOffsetDateTime();
                assertThat(DrsTimes.format(london)).isEqualTo(SENT.format(london));
                assertThat(DrsTimes.parse(DrsTimes.format(london), LONDON)).isEqualTo(london);
            }
        }
        for (ZoneOffset offset : new ZoneOffset[]{ZoneOffset.ofHoursMinutes(-3, -30), ZoneOffset.ofHours(14), ZoneOffset.UTC}) {
            OffsetDateTime time = OffsetDateTime.of(2026, 3, 29, 1, 0, 0, 0, offset);
            assertThat(DrsTimes.format(time)).isEqualTo(SENT.format(time));
            assertThat(DrsTimes.parse(DrsTimes.format(time), LONDON)).isEqualTo(time);
        }
    }

    @Test
    void aKeyHoldsTheReceivedTextOnlyWhenItIsExactlyWhatWouldBeWritten() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            OffsetDateTime london = DrsTimes.local(day.atTime(8, 30).atOffset(ZoneOffset.UTC), LONDON);
            assertThat(london).isEqualTo(day.atTime(8, 30).atOffset(ZoneOffset.UTC).atZoneSameInstant(LONDON).toOffsetDateTime());
            String written = SENT.format(london);
            assertThat(DrsTimes.format(london, written)).isSameAs(written);
        }
        OffsetDateTime eight = OffsetDateTime.of(2026, 3, 30, 8, 0, 0, 0, ZoneOffset.ofHours(1));
        for (String other : new String[]{"2026-03-30T07:00:00Z", "2026-03-30T08:00:00.000+01:00", "2026-03-30T07:00:00+00:00",
                "2026-03-30T08:00:00+01:30", "2026-03-30T08:00:01+01:00", "2026-03-30 08:00:00+01:00", "2026-03-31T08:00:00+01:00"}) {
            assertThat(DrsTimes.format(eight, other)).isEqualTo("2026-03-30T08:00:00+01:00");
        }
        assertThat(DrsTimes.format(OffsetDateTime.of(2026, 1, 5, 8, 0, 0, 0, ZoneOffset.UTC), "2026-01-05T08:00:00-00:00"))
                .isEqualTo("2026-01-05T08:00:00+00:00");
        assertThat(DrsTimes.local(eight, LONDON)).isSameAs(eight);
    }

    @Test
    void readsTheFormsGatewaysMix() {
        OffsetDateTime eight = OffsetDateTime.of(2026, 3, 30, 8, 0, 0, 0, ZoneOffset.ofHours(1));
        assertThat(DrsTimes.parse("2026-03-30T08:00:00+01:00", LONDON)).isEqualTo(eight);
        assertThat(DrsTimes.parse(" 2026-03-30T07:00:00Z ", LONDON).toInstant()).isEqualTo(eight.toInstant());
        assertThat(DrsTimes.parse("2026-03-30T08:00:00.000+01:00", LONDON)).isEqualTo(eight);
        assertThat(DrsTimes.parse("2026-03-30T08:00:00", LONDON)).isEqualTo(eight);
        assertThat(DrsTimes.parse("2026-03-30T08:00:00-05:00", LONDON).toInstant())
                .isEqualTo(eight.plusHours(6).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-30T08:00:00Z", "2026-02-30T08:00:00+00:00", "2026-03-30T25:00:00Z",
            "2026-03-30T08:00:00+19:00", "2026-03-3aT08:00:00Z", "30/03/2026 08:00", ""})
    void anythingElseIsAnUnreadableAnswer(String text) {
        assertThatThrownBy(() -> DrsTimes.parse(text, LONDON)).isInstanceOf(SchedulerResponseException.class);
    }
}

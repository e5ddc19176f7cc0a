package dev.slotbridge.door.v1.body;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

final class IsoTimeTest {

    @Test
    void writesWhatTheIsoFormatterWritesWithZForUtc() {
        for (String time : new String[]{"2026-03-02T08:00:00Z", "2026-03-30T08:00:00+01:00", "2026-03-30T08:05:07.120+01:00",
                "2026-12-31T23:59:59.000000001-05:30", "0999-01-01T00:00:00Z"}) {
            OffsetDateTime parsed = OffsetDateTime.parse(time);
            assertThat(IsoTime.format(parsed)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(parsed));
        }
    }
}

package dev.slotbridge.provider.servicemobility;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The interfaces' UTC format, written independently of the code under test. */
final class ServiceMobilityMappingTestSupport {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ServiceMobilityMappingTestSupport() {
    }

    static String utc(Instant instant) {
        return UTC.format(instant);
    }
}

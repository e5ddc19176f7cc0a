package dev.slotbridge.example.serviceorder;

import dev.slotbridge.spi.ProviderSettings;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The plugin's settings. {@code tenant} and {@code store} follow the API's reference pattern
 * {@code ^[A-Za-z0-9-_]+$}; {@code windows} is {@code LABEL=HH:mm-HH:mm,...}; {@code working-days} is a range
 * ({@code MON-FRI}) or a list ({@code MON,WED,FRI}).
 */
record ServiceOrderSettings(URI baseUrl, String tenant, String store, String apiKey, List<VisitWindow> windows,
                            Set<DayOfWeek> workingDays, int daysAhead) {
    static final Set<String> KEYS = Set.of("base-url", "tenant", "store", "api-key", "windows", "working-days", "days-ahead");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]+");

    static ServiceOrderSettings from(ProviderSettings settings) {
        return new ServiceOrderSettings(settings.httpUrl("base-url"), reference(settings, "tenant"),
                reference(settings, "store"), settings.require("api-key"),
                windows(settings, settings.string("windows", "AM=08:00-12:00,PM=12:00-16:00")),
                days(settings, settings.string("working-days", "MON-FRI")),
                settings.integer("days-ahead", 30, 1, 366));
    }

    /** {@code base-url}/tenants/{tenant}/stores/{store}/service-orders */
    URI serviceOrders() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/tenants/" + tenant + "/stores/" + store + "/service-orders");
    }

    private static String reference(ProviderSettings settings, String key) {
        String value = settings.require(key);
        if (!REFERENCE.matcher(value).matches()) {
            throw settings.invalid(key, "must match ^[A-Za-z0-9-_]+$");
        }
        return value;
    }

    private static List<VisitWindow> windows(ProviderSettings settings, String text) {
        List<VisitWindow> windows = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] labelAndTimes = part.strip().split("=");
            String[] times = labelAndTimes.length == 2 ? labelAndTimes[1].split("-") : new String[0];
            try {
                if (times.length != 2 || labelAndTimes[0].isBlank()) {
                    throw new DateTimeParseException("shape", part, 0);
                }
                VisitWindow window = new VisitWindow(labelAndTimes[0].strip(), LocalTime.parse(times[0].strip()),
                        LocalTime.parse(times[1].strip()));
                if (!window.end().isAfter(window.start())) {
                    throw settings.invalid("windows", "'" + part.strip() + "' must end after it starts");
                }
                windows.add(window);
            } catch (DateTimeParseException e) {
                throw settings.invalid("windows", "must look like AM=08:00-12:00,PM=12:00-16:00");
            }
        }
        return List.copyOf(windows);
    }

    private static Set<DayOfWeek> days(ProviderSettings settings, String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        try {
            for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
                String[] range = part.strip().split("-");
                DayOfWeek first = day(range[0]);
                DayOfWeek last = range.length == 2 ? day(range[1]) : first;
                for (DayOfWeek day = first; ; day = day.plus(1)) {
                    days.add(day);
                    if (day == last) {
                        break;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw settings.invalid("working-days", "must look like MON-FRI or MON,WED,FRI");
        }
        return days;
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation.strip()) && abbreviation.strip().length() == 3) {
                return day;
            }
        }
        throw new IllegalArgumentException(abbreviation);
    }

    @Override
    public String toString() {
        return "ServiceOrderSettings[baseUrl=" + baseUrl + ", tenant=" + tenant + ", store=" + store
                + ", apiKey=***, windows=" + windows + ", workingDays=" + workingDays + ", daysAhead=" + daysAhead + "]";
    }
}

package dev.slotbridge.example.serviceorder;

import dev.slotbridge.spi.ProviderSettings;
import dev.slotbridge.spi.SettingDescriptor;

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

import static dev.slotbridge.spi.SettingDescriptor.optional;
import static dev.slotbridge.spi.SettingDescriptor.required;

/**
 * The plugin's settings. {@code tenant} and {@code store} follow the API's reference pattern
 * {@code ^[A-Za-z0-9-_]+$}; {@code windows} is {@code LABEL=HH:mm-HH:mm,...}; {@code working-days} is a range
 * ({@code MON-FRI}) or a list ({@code MON,WED,FRI}).
 */
record ServiceOrderSettings(URI baseUrl, String tenant, String store, String apiKey, List<VisitWindow> windows,
                            Set<DayOfWeek> workingDays, int daysAhead) {
    static final SettingDescriptor BASE_URL = required("base-url", "the API's root; service orders are under `/tenants/{tenant}/stores/{store}`");
    static final SettingDescriptor TENANT = required("tenant", "the tenant reference (`^[A-Za-z0-9-_]+$`)");
    static final SettingDescriptor STORE = required("store", "the store reference (`^[A-Za-z0-9-_]+$`)");
    static final SettingDescriptor API_KEY = required("api-key", "sent as `Authorization: Bearer {api-key}`").asSecret();
    static final SettingDescriptor WINDOWS = optional("windows", "AM=08:00-12:00,PM=12:00-16:00",
            "the council's standard visit windows, `LABEL=HH:mm-HH:mm,...`");
    static final SettingDescriptor WORKING_DAYS = optional("working-days", "MON-FRI",
            "days with windows: a range (`MON-FRI`) or a list (`MON,WED,FRI`)");
    static final SettingDescriptor DAYS_AHEAD = optional("days-ahead", "30", "windows are offered this many days ahead (1–366)");
    static final List<SettingDescriptor> DESCRIPTORS =
            List.of(BASE_URL, TENANT, STORE, API_KEY, WINDOWS, WORKING_DAYS, DAYS_AHEAD);
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]+");

    static ServiceOrderSettings from(ProviderSettings settings) {
        return new ServiceOrderSettings(settings.httpUrl(BASE_URL), reference(settings, TENANT),
                reference(settings, STORE), settings.string(API_KEY), windows(settings, settings.string(WINDOWS)),
                days(settings, settings.string(WORKING_DAYS)), settings.integer(DAYS_AHEAD, 1, 366));
    }

    /** {@code base-url}/tenants/{tenant}/stores/{store}/service-orders */
    URI serviceOrders() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/tenants/" + tenant + "/stores/" + store + "/service-orders");
    }

    private static String reference(ProviderSettings settings, SettingDescriptor key) {
        String value = settings.string(key);
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
                    throw settings.invalid(WINDOWS, "'" + part.strip() + "' must end after it starts");
                }
                windows.add(window);
            } catch (DateTimeParseException e) {
                throw settings.invalid(WINDOWS, "must look like AM=08:00-12:00,PM=12:00-16:00");
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
            throw settings.invalid(WORKING_DAYS, "must look like MON-FRI or MON,WED,FRI");
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

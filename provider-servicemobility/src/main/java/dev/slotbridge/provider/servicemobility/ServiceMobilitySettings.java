package dev.slotbridge.provider.servicemobility;

import dev.slotbridge.spi.ProviderSettings;
import dev.slotbridge.spi.SettingDescriptor;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.slotbridge.spi.SettingDescriptor.optional;
import static dev.slotbridge.spi.SettingDescriptor.required;

/**
 * A council's ServiceMobility settings.
 *
 * @param appointmentSearchUrl the endpoint implementing the Appointment Search REST API Interface
 * @param bookJobUrl           the endpoint implementing the Followup WorkOrder interface, with {@code {0}} where the
 *                             work order number goes
 * @param accessToken          the JWT sent as {@code x-access-token}; never shown
 * @param orderType            the {@code OrderType} sent with every search and booking, or null
 */
record ServiceMobilitySettings(URI appointmentSearchUrl, String bookJobUrl, String accessToken, String orderType) {
    static final SettingDescriptor APPOINTMENT_SEARCH_URL = required("appointment-search-url",
            "the endpoint implementing the Appointment Search REST API Interface");
    static final SettingDescriptor BOOK_JOB_URL = required("book-job-url",
            "the endpoint implementing the Followup WorkOrder interface; must contain `{0}`, replaced by the work order number");
    static final SettingDescriptor ACCESS_TOKEN = required("access-token",
            "the JWT sent as `x-access-token` (use `${ENV}`)").asSecret();
    static final SettingDescriptor ORDER_TYPE = optional("order-type", null,
            "`OrderType` sent with every search and booking");
    static final List<SettingDescriptor> DESCRIPTORS = List.of(APPOINTMENT_SEARCH_URL, BOOK_JOB_URL, ACCESS_TOKEN, ORDER_TYPE);
    private static final String WORK_ORDER = "{0}";

    static ServiceMobilitySettings from(ProviderSettings settings) {
        URI search = settings.httpUrl(APPOINTMENT_SEARCH_URL);
        String bookJob = settings.string(BOOK_JOB_URL);
        if (!bookJob.contains(WORK_ORDER)) {
            throw settings.invalid(BOOK_JOB_URL, "must contain {0}, where the work order number goes");
        }
        URI example = URI.create(bookJob.replace(WORK_ORDER, "0"));
        if (example.getHost() == null || !example.getScheme().matches("(?i)https?")) {
            throw settings.invalid(BOOK_JOB_URL, "must be an absolute http or https URL");
        }
        return new ServiceMobilitySettings(search, bookJob, settings.string(ACCESS_TOKEN),
                settings.optional(ORDER_TYPE).orElse(null));
    }

    /** The booking endpoint for a work order; the number is percent-encoded as a path segment. */
    URI bookJobUrl(String workOrderNumber) {
        String encoded = URLEncoder.encode(workOrderNumber, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(bookJobUrl.replace(WORK_ORDER, encoded));
    }

    @Override
    public String toString() {
        return "ServiceMobilitySettings[appointmentSearchUrl=" + appointmentSearchUrl + ", bookJobUrl=" + bookJobUrl
                + ", accessToken=***, orderType=" + orderType + "]";
    }
}

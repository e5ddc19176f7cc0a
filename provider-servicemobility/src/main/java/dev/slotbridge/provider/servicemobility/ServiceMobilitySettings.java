package dev.slotbridge.provider.servicemobility;

import dev.slotbridge.spi.ProviderSettings;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

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
    static final String APPOINTMENT_SEARCH_URL = "appointment-search-url";
    static final String BOOK_JOB_URL = "book-job-url";
    static final String ACCESS_TOKEN = "access-token";
    static final String ORDER_TYPE = "order-type";
    static final Set<String> KEYS = Set.of(APPOINTMENT_SEARCH_URL, BOOK_JOB_URL, ACCESS_TOKEN, ORDER_TYPE);
    private static final String WORK_ORDER = "{0}";

    static ServiceMobilitySettings from(ProviderSettings settings) {
        URI search = settings.httpUrl(APPOINTMENT_SEARCH_URL);
        String bookJob = settings.require(BOOK_JOB_URL);
        if (!bookJob.contains(WORK_ORDER)) {
            throw settings.invalid(BOOK_JOB_URL, "must contain {0}, where the work order number goes");
        }
        URI example = URI.create(bookJob.replace(WORK_ORDER, "0"));
        if (example.getHost() == null || !example.getScheme().matches("(?i)https?")) {
            throw settings.invalid(BOOK_JOB_URL, "must be an absolute http or https URL");
        }
        return new ServiceMobilitySettings(search, bookJob, settings.require(ACCESS_TOKEN),
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

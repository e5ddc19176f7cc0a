package dev.slotbridge.server.compat.hro;

import dev.slotbridge.server.booking.BookingService;
import dev.slotbridge.server.booking.SlotSearch;
import dev.slotbridge.server.booking.VisibleBooking;
import dev.slotbridge.server.council.Council;
import dev.slotbridge.server.idempotency.StoredAnswer;
import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.FieldError;
import dev.slotbridge.server.problem.ProblemType;
import dev.slotbridge.server.security.ApiClient;
import dev.slotbridge.server.security.ClientRateLimiter;
import dev.slotbridge.server.security.CouncilAccess;
import dev.slotbridge.server.security.FailedAuthentications;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotQuery;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Housing Repairs Online Scheduling API over the {@link BookingService}: what the HRO client sends, read the way
 * it sends it, and answered the way it reads answers. No booking logic of its own: searches, exactly-once bookings,
 * reschedules and cancels are the {@code /v1} ones, as the front end's API client.
 */
@Singleton
final class HroAppointments {
    private static final String BEARER = "Bearer ";
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_TEXT = 255;
    private static final String CANCEL_REASON = "Cancelled through Housing Repairs Online";

    private final HroFrontEnds frontEnds;
    private final HroTokens tokens;
    private final FailedAuthentications failures;
    private final ClientRateLimiter rateLimiter;
    private final CouncilAccess access;
    private final BookingService bookings;
    private final JsonMapper json;
    private final Clock clock;

    HroAppointments(HroFrontEnds frontEnds, HroTokens tokens, FailedAuthentications failures,
                    ClientRateLimiter rateLimiter, CouncilAccess access, BookingService bookings,
                    JsonMapper json, Clock clock) {
        this.frontEnds = frontEnds;
        this.tokens = tokens;
        this.failures = failures;
        this.rateLimiter = rateLimiter;
        this.access = access;
        this.bookings = bookings;
        this.json = json;
        this.clock = clock;
    }

    /** {@code POST /authentication?identifier=...}: a token for a known front end; 401 otherwise. */
    String authenticate(HttpRequest<?> request) {
        String address = notBlocked(request);
        Optional<HroFrontEnd> frontEnd = HroQuery.parse(request.getUri().getRawQuery()).optional("identifier")
                .flatMap(frontEnds::identify);
        if (frontEnd.isEmpty()) {
            failures.failed(address);
            throw unauthenticated("The identifier is not recognised");
        }
        return tokens.issue(frontEnd.get());
    }

    /** {@code GET /Appointments/AvailableAppointments}: the allowed slots of the first {@code max-days} days. */
    List<HroAppointment> availableAppointments(HttpRequest<?> request, String body) {
        HroFrontEnd frontEnd = authorize(request);
        Council council = access.authorize(frontEnd.client(), frontEnd.council(), Capability.SEARCH);
        HroQuery query = HroQuery.parse(request.getUri().getRawQuery());
        Job job = job(query, null, null);
        ZoneId zone = council.zone();
        LocalDate from = query.optional("fromDate").map(value -> HroDates.instant("fromDate", value).atZone(zone).toLocalDate())
                .orElseGet(() -> LocalDate.now(clock.withZone(zone)).plusDays(frontEnd.leadTimeDays()));
        List<HroAllowedSlot> allowed = allowedSlots(body);
        SlotSearch found = searchWithoutOrder(council, new SlotQuery(job, from, from.plusDays(frontEnd.searchDays() - 1)));
        Set<LocalDate> days = new LinkedHashSet<>();
        List<HroAppointment> appointments = new ArrayList<>();
        for (Slot slot : found.slots()) {
            LocalDate day = slot.start().atZoneSameInstant(zone).toLocalDate();
            if (!isAllowed(slot, allowed, zone) || (!days.contains(day) && days.size() == frontEnd.maxDays())) {
                continue;
            }
            days.add(day);
            appointments.add(new HroAppointment(UTC_SECONDS.format(day.atStartOfDay(ZoneOffset.UTC)),
                    new HroAppointment.TimeOfDay(null, UTC_SECONDS.format(slot.start()), UTC_SECONDS.format(slot.end()),
                            HroAppointment.UNKNOWN_COMPLETION), null));
        }
        return appointments;
    }

    /**
     * {@code POST /Appointments/BookAppointment}: books the slot with those instants, once per front end and
     * {@code bookingReference} — a repeat (the client ignores the answer and may send it again) books nothing more.
     */
    String bookAppointment(HttpRequest<?> request, String body) {
        HroFrontEnd frontEnd = authorize(request);
        Council council = access.authorize(frontEnd.client(), frontEnd.council(), Capability.BOOK);
        HroQuery query = HroQuery.parse(request.getUri().getRawQuery());
        String reference = reference(query);
        Job job = job(query, reference, description(body, query));
        Instant start = HroDates.instant("startDateTime", query.required("startDateTime"));
        Instant end = HroDates.instant("endDateTime", query.required("endDateTime"));
        if (alreadyBooked(frontEnd, council, job, start, end)) {
            return reference;
        }
        Slot slot = slotAt(council, job, start, end);
        StoredAnswer answer = bookings.book(frontEnd.client(), council, "hro:" + reference,
                new BookingRequest(slot.key(), job, null, null), (made, bookingRef, booking) ->
                        new StoredAnswer(200, bookingRef, null, reference.getBytes(StandardCharsets.UTF_8)));
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    /** {@code POST /Appointments/CancelAppointment}: cancels the reference's active bookings; 404 when it has none. */
    void cancelAppointment(HttpRequest<?> request) {
        HroFrontEnd frontEnd = authorize(request);
        Council council = access.authorize(frontEnd.client(), frontEnd.council(), Capability.CANCEL);
        for (VisibleBooking found : byReference(frontEnd, council, reference(HroQuery.parse(request.getUri().getRawQuery())))) {
            if (found.booking().status() == BookingStatus.BOOKED) {
                bookings.cancel(frontEnd.client(), council, found.bookingRef(), new CancelRequest(CANCEL_REASON, null));
            }
        }
    }

    /** {@code POST /Appointments/UpdateAppointmentSlot}: moves the reference's booking to the slot with those instants. */
    void updateAppointmentSlot(HttpRequest<?> request) {
        HroFrontEnd frontEnd = authorize(request);
        Council council = access.authorize(frontEnd.client(), frontEnd.council(), Capability.RESCHEDULE);
        HroQuery query = HroQuery.parse(request.getUri().getRawQuery());
        Instant start = HroDates.instant("startDateTime", query.required("startDateTime"));
        Instant end = HroDates.instant("endDateTime", query.required("endDateTime"));
        VisibleBooking found = byReference(frontEnd, council, reference(query)).stream()
                .filter(candidate -> candidate.booking().status() == BookingStatus.BOOKED).findFirst()
                .orElseThrow(() -> new ApiProblemException(ProblemType.BOOKING_NOT_ACTIVE,
                        "The booking with this reference is cancelled or completed"));
        Slot slot = slotAt(council, found.booking().job(), start, end);
        bookings.reschedule(frontEnd.client(), council, found.bookingRef(), slot.key());
    }

    /** The front end a valid, unexpired token names, within its rate limit; 401 otherwise. */
    private HroFrontEnd authorize(HttpRequest<?> request) {
        String address = notBlocked(request);
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        Optional<HroFrontEnd> frontEnd = Optional.ofNullable(header)
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .flatMap(value -> tokens.verify(value.substring(BEARER.length()).strip()))
                .flatMap(frontEnds::named);
        if (frontEnd.isEmpty()) {
            failures.failed(address);
            throw unauthenticated("Send 'Authorization: Bearer <token>' with a token from POST /authentication "
                    + "(they last " + HroTokens.LIFETIME.toSeconds() + " seconds)");
        }
        ApiClient client = frontEnd.get().client();
        request.setAttribute(ApiClient.ATTRIBUTE, client);
        rateLimiter.admit(client);
        return frontEnd.get();
    }

    private String notBlocked(HttpRequest<?> request) {
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        failures.requireNotBlocked(address);
        return address;
    }

    private static ApiProblemException unauthenticated(String detail) {
        return new ApiProblemException(ProblemType.UNAUTHENTICATED, detail, null,
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    /** The job the client describes: one SOR code, quantity 1, at {@code locationId}. */
    private static Job job(HroQuery query, String reference, String description) {
        return new Job(query.required("locationId"), List.of(new JobCode(query.required("sorCode"), 1)),
                query.optional("priority").orElse(null), reference, description);
    }

    private static String reference(HroQuery query) {
        String reference = query.required("bookingReference");
        if (reference.length() > 100) {
            throw HroQuery.invalid("bookingReference", "must be at most 100 characters");
        }
        return reference;
    }

    /** {@code {"Text": ...}} when sent (1–255 characters), else the SOR code, as schedulers need a description. */
    private String description(String body, HroQuery query) {
        if (body == null || body.isBlank()) {
            return "SOR " + query.required("sorCode");
        }
        HroBookingText text = read(body, HroBookingText.class, "Text");
        if (text == null || text.text() == null || text.text().isBlank() || text.text().length() > MAX_TEXT) {
            throw new ApiProblemException(ProblemType.VALIDATION, "The body's Text must be 1 to " + MAX_TEXT + " characters",
                    List.of(new FieldError("Text", "must be 1 to " + MAX_TEXT + " characters")), Map.of());
        }
        return text.text().strip();
    }

    /** The allowed slots from the search's body; none, or {@code null}, allows every slot. */
    private List<HroAllowedSlot> allowedSlots(String body) {
        if (body == null || body.isBlank() || body.strip().equals("null")) {
            return List.of();
        }
        HroAllowedSlot[] allowed = read(body, HroAllowedSlot[].class, "body");
        List<HroAllowedSlot> checked = new ArrayList<>();
        for (int i = 0; allowed != null && i < allowed.length; i++) {
            HroAllowedSlot slot = allowed[i];
            localTime("[" + i + "].startTime", slot == null ? null : slot.startTime());
            localTime("[" + i + "].endTime", slot == null ? null : slot.endTime());
            checked.add(slot);
        }
        return checked;
    }

    /** Whether the slot's UK wall-clock start and end are those of an allowed slot (exactly, on either side of a clock change). */
    private static boolean isAllowed(Slot slot, List<HroAllowedSlot> allowed, ZoneId zone) {
        if (allowed.isEmpty()) {
            return true;
        }
        LocalTime start = slot.start().atZoneSameInstant(zone).toLocalTime();
        LocalTime end = slot.end().atZoneSameInstant(zone).toLocalTime();
        return allowed.stream().anyMatch(window -> LocalTime.parse(window.startTime()).equals(start)
                && LocalTime.parse(window.endTime()).equals(end));
    }

    private static void localTime(String field, String value) {
        try {
            LocalTime.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw new ApiProblemException(ProblemType.VALIDATION, "Each allowed slot needs startTime and endTime as HH:mm:ss",
                    List.of(new FieldError(field, "must be a time such as 08:00:00")), Map.of());
        }
    }

    private <T> T read(String body, Class<T> type, String field) {
        try {
            return json.readValue(body, type);
        } catch (IOException | RuntimeException e) {
            throw new ApiProblemException(ProblemType.MALFORMED_JSON, "The body is not the JSON this call takes",
                    List.of(new FieldError(field, "is not valid JSON of the expected shape")), Map.of());
        }
    }

    /**
     * A search for a job without an order number, as the HRO client searches before it has a booking reference. A
     * scheduler that finds slots per order (Connect) cannot answer it: 501, saying so.
     */
    private SlotSearch searchWithoutOrder(Council council, SlotQuery query) {
        try {
            return bookings.search(council, query);
        } catch (InvalidRequestException e) {
            if (!"externalRef".equals(e.field())) {
                throw e;
            }
            throw new ApiProblemException(ProblemType.CAPABILITY_NOT_SUPPORTED, "This council's scheduler finds slots "
                    + "per order, and the Housing Repairs Online client searches before it has a booking reference; "
                    + "booking, moving and cancelling by reference work");
        }
    }

    /** The slot with exactly these instants on that local day; 409 when it is not offered (taken, or never was). */
    private Slot slotAt(Council council, Job job, Instant start, Instant end) {
        LocalDate day = start.atZone(council.zone()).toLocalDate();
        return bookings.search(council, new SlotQuery(job, day, day)).slots().stream()
                .filter(slot -> slot.start().toInstant().equals(start) && slot.end().toInstant().equals(end))
                .findFirst().orElseThrow(() -> new ApiProblemException(ProblemType.SLOT_UNAVAILABLE,
                        "No slot from " + start + " to " + end + " is free for this job"));
    }

    /**
     * Whether the scheduler already holds this job's booking, one the front end may manage, in those instants (the
     * client repeats bookings): then nothing is sent. Such a booking at another time is 409 {@code booking-exists}:
     * move it with UpdateAppointmentSlot instead. Schedulers that cannot look bookings up by reference rely on the
     * idempotency record.
     */
    private boolean alreadyBooked(HroFrontEnd frontEnd, Council council, Job job, Instant start, Instant end) {
        if (!council.capabilities().contains(Capability.FIND_BY_REFERENCE)) {
            return false;
        }
        List<Booking> active = bookings.byReference(frontEnd.client(), council, job.externalRef(),
                        Optional.of(job.propertyRef())).stream().map(VisibleBooking::booking)
                .filter(booking -> booking.status() == BookingStatus.BOOKED && booking.slot() != null).toList();
        if (active.stream().anyMatch(booking -> booking.slot().start().toInstant().equals(start)
                && booking.slot().end().toInstant().equals(end))) {
            return true;
        }
        if (!active.isEmpty()) {
            throw new ApiProblemException(ProblemType.BOOKING_EXISTS, "A booking with this bookingReference exists at "
                    + "another time; move it with UpdateAppointmentSlot");
        }
        return false;
    }

    /**
     * The bookings of the reference the front end may manage (the calls carry no property): its own, or every one with
     * {@code manage-all}; 404 when there are none, as for a reference never booked.
     */
    private List<VisibleBooking> byReference(HroFrontEnd frontEnd, Council council, String reference) {
        access.authorize(frontEnd.client(), council.id(), Capability.FIND_BY_REFERENCE);
        List<VisibleBooking> found = bookings.byReference(frontEnd.client(), council, reference, Optional.empty());
        if (found.isEmpty()) {
            throw new ApiProblemException(ProblemType.BOOKING_NOT_FOUND, "No booking has this bookingReference");
        }
        return found;
    }
}

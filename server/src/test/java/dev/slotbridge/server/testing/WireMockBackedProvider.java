package dev.slotbridge.server.testing;

import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingOutcome;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;
import dev.slotbridge.spi.support.HttpTransport;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Talks to a made-up JSON scheduler ({@code GET /slots}, {@code POST /bookings}, {@code GET /bookings}) so tests can
 * inject faults with WireMock: delays, 5xx, resets, garbage. One attempt per call, as the SPI requires.
 */
final class WireMockBackedProvider implements SchedulerProvider {
    private static final Argument<List<Map<String, Object>>> LIST =
            Argument.listOf(Argument.mapOf(String.class, Object.class));
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private final URI base;
    private final HttpTransport transport = HttpTransport.forScheduler("test scheduler", Duration.ofSeconds(30));
    private final JsonMapper json = JsonMapper.createDefault();

    WireMockBackedProvider(URI base) {
        this.base = base;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SEARCH, Capability.BOOK, Capability.VIEW);
    }

    @Override
    public List<Slot> search(SlotQuery query) {
        var slots = read(get("/slots?from=" + query.from() + "&to=" + query.to()), LIST);
        return slots.stream().map(slot -> new Slot(time(slot, "start"), time(slot, "end"), (String) slot.get("label"),
                false, SlotKey.of("id", (String) slot.get("id"), "start", (String) slot.get("start"),
                "end", (String) slot.get("end")))).toList();
    }

    @Override
    public Booking book(BookingRequest request) {
        String body = "{\"slot\":\"" + request.slot().require("id") + "\",\"externalRef\":\""
                + request.job().externalRef() + "\",\"propertyRef\":\"" + request.job().propertyRef() + "\"}";
        var answer = read(transport.send(HttpRequest.newBuilder(base.resolve(base.getPath() + "/bookings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()), OBJECT);
        return booking(answer, request);
    }

    @Override
    public Optional<Booking> find(BookingKey key) {
        HttpResponse<String> response = get("/bookings/" + key.require("id"));
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(booking(read(response, OBJECT), null));
    }

    /** Booked when the scheduler lists a booking of the order in the requested slot. */
    @Override
    public BookingOutcome reconcileBooking(BookingRequest request) {
        var found = read(get("/bookings?propertyRef=" + encode(request.job().propertyRef()) + "&externalRef="
                + encode(request.job().externalRef())), LIST);
        return found.stream().filter(booking -> request.slot().require("start").equals(booking.get("start"))
                        && request.slot().require("end").equals(booking.get("end")))
                .findFirst().<BookingOutcome>map(booking -> new BookingOutcome.Booked(booking(booking, null), null))
                .orElseGet(() -> new BookingOutcome.NotBooked(null));
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return transport.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build());
    }

    private <T> T read(HttpResponse<String> response, Argument<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException | RuntimeException e) {
            throw new SchedulerResponseException("test scheduler answered unreadable JSON", e);
        }
    }

    private static Booking booking(Map<String, Object> answer, BookingRequest request) {
        var job = request == null
                ? new Job((String) answer.get("propertyRef"),
                        List.of(new JobCode("N373049", 1)), null,
                        (String) answer.get("externalRef"), "from the scheduler")
                : request.job();
        return new Booking(BookingKey.of("id", (String) answer.get("id")), BookingStatus.BOOKED,
                new BookedSlot(time(answer, "start"), time(answer, "end"), null), job,
                request == null ? null : request.contact(), request == null ? null : request.accessNotes(),
                Map.of("bookingId", (String) answer.get("id")));
    }

    private static OffsetDateTime time(Map<String, Object> object, String field) {
        return OffsetDateTime.parse((String) object.get(field));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

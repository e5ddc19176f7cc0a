package dev.slotbridge.door.v1;

import dev.slotbridge.door.v1.body.BookRequest;
import dev.slotbridge.door.v1.body.BookingListBody;
import dev.slotbridge.door.v1.body.CancelBookingRequest;
import dev.slotbridge.door.v1.body.RescheduleRequest;
import dev.slotbridge.door.v1.json.JsonBytes;
import dev.slotbridge.door.v1.mapping.ApiMapping;
import dev.slotbridge.door.v1.mapping.RequestReader;
import dev.slotbridge.engine.booking.BookingAnswer;
import dev.slotbridge.engine.booking.BookingService;
import dev.slotbridge.engine.booking.HoldService;
import dev.slotbridge.engine.booking.SlotPlace;
import dev.slotbridge.engine.booking.VisibleBooking;
import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.idempotency.StoredAnswer;
import dev.slotbridge.engine.ref.CouncilRefs;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.CouncilAccess;
import dev.slotbridge.http.input.JsonBodyReader;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.CancelRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Books, views, lists, reschedules and cancels bookings at a council. */
@Controller("/v1/councils/{council}/bookings")
@ExecuteOn(TaskExecutors.BLOCKING)
final class BookingController {
    private final CouncilAccess access;
    private final JsonBodyReader bodies;
    private final BookingService bookings;
    private final HoldService holds;
    private final CouncilRefs refs;
    private final ApiMapping mapping;

    BookingController(CouncilAccess access, JsonBodyReader bodies, BookingService bookings, HoldService holds,
                      CouncilRefs refs, ApiMapping mapping) {
        this.holds = holds;
        this.access = access;
        this.bodies = bodies;
        this.bookings = bookings;
        this.refs = refs;
        this.mapping = mapping;
    }

    @Post
    HttpResponse<JsonBytes> book(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                                 @Header("Idempotency-Key") @Nullable String idempotencyKey,
                                 @Body @Nullable byte[] body) {
        var target = access.authorize(client, council, Capability.BOOK);
        String key = RequestReader.idempotencyKey(idempotencyKey);
        RequestReader.BookingParts parts = RequestReader.booking(bodies.read(body, BookRequest.class));
        BookingAnswer answers = (made, bookingRef, booking) ->
                new StoredAnswer(HttpStatus.CREATED.getCode(), bookingRef, ApiMapping.location(made, bookingRef),
                        mapping.json(mapping.booking(made, new VisibleBooking(bookingRef, booking, true))));
        StoredAnswer answer = parts.holdId() != null
                ? holds.book(client, target, key, parts.holdId(), parts.job(), parts.contact(), parts.accessNotes(), answers)
                : book(client, target, key, refs.signedSlot(target, parts.slotId(), "slotId"), parts, answers);
        return JsonBytes.answer(HttpStatus.valueOf(answer.status()), answer.body())
                .header(HttpHeaders.LOCATION, answer.location());
    }


    private StoredAnswer book(ApiClient client, Council council, String key, CouncilRefs.SignedSlot slot,
                              RequestReader.BookingParts parts, BookingAnswer answers) {
        return bookings.book(client, council, key, new BookingRequest(slot.key(), parts.job(), parts.contact(),
                parts.accessNotes()), SlotPlace.of(slot), answers);
    }

    @Get("/{bookingRef}")
    HttpResponse<JsonBytes> view(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council, String bookingRef) {
        var target = access.authorize(client, council, Capability.VIEW);
        return ok(mapping.booking(target, bookings.view(client, target, bookingRef)));
    }

    @Get
    HttpResponse<JsonBytes> list(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                                 HttpRequest<?> request) {
        var target = access.authorize(client, council, Capability.LIST);
        String propertyRef = RequestReader.propertyRefParameter(request.getUri().getRawQuery());
        return ok(new BookingListBody(bookings.list(client, target, propertyRef)
                .stream().map(visible -> mapping.booking(target, visible)).toList()));
    }

    @Post("/{bookingRef}/reschedule")
    HttpResponse<JsonBytes> reschedule(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                                       String bookingRef, @Body @Nullable byte[] body) {
        var target = access.authorize(client, council, Capability.RESCHEDULE);
        String slotId = RequestReader.rescheduleSlotId(bodies.read(body, RescheduleRequest.class));
        return ok(mapping.booking(target,
                reschedule(client, target, bookingRef, refs.signedSlot(target, slotId, "slotId"))));
    }

    private VisibleBooking reschedule(ApiClient client, Council council, String bookingRef, CouncilRefs.SignedSlot slot) {
        return bookings.reschedule(client, council, bookingRef, slot.key(), SlotPlace.of(slot));
    }

    @Post("/{bookingRef}/cancel")
    HttpResponse<JsonBytes> cancel(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                                   String bookingRef, @Body @Nullable byte[] body) {
        var target = access.authorize(client, council, Capability.CANCEL);
        CancelRequest request = RequestReader.cancel(bodies.read(body, CancelBookingRequest.class));
        return ok(mapping.booking(target, bookings.cancel(client, target, bookingRef, request)));
    }

    private HttpResponse<JsonBytes> ok(Object body) {
        return JsonBytes.answer(HttpStatus.OK, mapping.json(body));
    }
}

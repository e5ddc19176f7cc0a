package dev.slotbridge.server.api;

import dev.slotbridge.server.idempotency.StoredAnswer;
import dev.slotbridge.server.security.ApiClient;
import dev.slotbridge.server.security.CouncilAccess;
import dev.slotbridge.spi.Capability;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Books, views, lists, reschedules and cancels bookings at a council. */
@Controller("/v1/councils/{council}/bookings")
@ExecuteOn(TaskExecutors.BLOCKING)
final class BookingController {
    private final CouncilAccess access;
    private final JsonBodyReader bodies;
    private final SchedulingService scheduling;

    BookingController(CouncilAccess access, JsonBodyReader bodies, SchedulingService scheduling) {
        this.access = access;
        this.bodies = bodies;
        this.scheduling = scheduling;
    }

    @Post
    HttpResponse<Object> book(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                              @Header("Idempotency-Key") @Nullable String idempotencyKey,
                              @Body @Nullable String body) {
        var target = access.authorize(client, council, Capability.BOOK);
        StoredAnswer answer = scheduling.book(client, target, RequestReader.idempotencyKey(idempotencyKey),
                bodies.read(body, BookRequest.class));
        return HttpResponse.status(HttpStatus.valueOf(answer.status())).body(answer.body())
                .header(HttpHeaders.LOCATION, answer.location());
    }

    @Get("/{bookingRef}")
    BookingBody view(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council, String bookingRef) {
        return scheduling.view(client, access.authorize(client, council, Capability.VIEW), bookingRef);
    }

    @Get
    BookingListBody list(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                         @QueryValue @Nullable String propertyRef) {
        var target = access.authorize(client, council, Capability.LIST);
        return scheduling.list(client, target, RequestReader.propertyRefParameter(propertyRef));
    }

    @Post("/{bookingRef}/reschedule")
    BookingBody reschedule(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                           String bookingRef, @Body @Nullable String body) {
        var target = access.authorize(client, council, Capability.RESCHEDULE);
        return scheduling.reschedule(client, target, bookingRef, bodies.read(body, RescheduleRequest.class));
    }

    @Post("/{bookingRef}/cancel")
    BookingBody cancel(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                       String bookingRef, @Body @Nullable String body) {
        var target = access.authorize(client, council, Capability.CANCEL);
        return scheduling.cancel(client, target, bookingRef, bodies.read(body, CancelBookingRequest.class));
    }
}

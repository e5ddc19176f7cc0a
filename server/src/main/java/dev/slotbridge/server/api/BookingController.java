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
import io.micronaut.json.tree.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Books, views, lists, reschedules and cancels bookings at a council. */
@Controller("/v1/councils/{council}/bookings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Bookings")
@SecurityRequirement(name = "apiKey")
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
    @Operation(summary = "Book a repair into a slot from a search",
            description = "With an Idempotency-Key, a repeat of the same request returns the first answer and books "
                    + "nothing more; the same key with a different body is 422 idempotency-key-reused.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BookRequest.class)))
    @ApiResponse(responseCode = "201", description = "Booked; Location names the booking",
            content = @Content(schema = @Schema(implementation = BookingBody.class)))
    HttpResponse<Object> book(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                              @Header("Idempotency-Key") @Nullable String idempotencyKey,
                              @Body @Nullable JsonNode body) {
        var target = access.authorize(client, council, Capability.BOOK);
        StoredAnswer answer = scheduling.book(client, target, RequestReader.idempotencyKey(idempotencyKey),
                bodies.read(body, BookRequest.class));
        return HttpResponse.status(HttpStatus.valueOf(answer.status())).body(answer.body())
                .header(HttpHeaders.LOCATION, answer.location());
    }

    @Get("/{bookingRef}")
    @Operation(summary = "View a booking as the scheduler holds it now")
    BookingBody view(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council, String bookingRef) {
        return scheduling.view(access.authorize(client, council, Capability.VIEW), bookingRef);
    }

    @Get
    @Operation(summary = "List the bookings the scheduler holds at a property, including cancelled ones")
    BookingListBody list(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                         @QueryValue @Nullable String propertyRef) {
        var target = access.authorize(client, council, Capability.LIST);
        return scheduling.list(target, RequestReader.propertyRefParameter(propertyRef));
    }

    @Post("/{bookingRef}/reschedule")
    @Operation(summary = "Move a booking to another slot; the bookingRef stays the same")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RescheduleRequest.class)))
    BookingBody reschedule(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                           String bookingRef, @Body @Nullable JsonNode body) {
        var target = access.authorize(client, council, Capability.RESCHEDULE);
        return scheduling.reschedule(target, bookingRef, bodies.read(body, RescheduleRequest.class));
    }

    @Post("/{bookingRef}/cancel")
    @Operation(summary = "Cancel a booking; cancelling a cancelled booking changes nothing")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CancelBookingRequest.class)))
    BookingBody cancel(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                       String bookingRef, @Body @Nullable JsonNode body) {
        var target = access.authorize(client, council, Capability.CANCEL);
        return scheduling.cancel(target, bookingRef, bodies.read(body, CancelBookingRequest.class));
    }
}

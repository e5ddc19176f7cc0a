package dev.slotbridge.door.v1;

import dev.slotbridge.door.v1.body.SearchRequest;
import dev.slotbridge.door.v1.json.JsonBytes;
import dev.slotbridge.door.v1.mapping.ApiMapping;
import dev.slotbridge.door.v1.mapping.RequestReader;
import dev.slotbridge.engine.booking.BookingService;
import dev.slotbridge.engine.search.SlotSearch;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.CouncilAccess;
import dev.slotbridge.http.input.JsonBodyReader;
import dev.slotbridge.spi.Capability;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Searches a council's scheduler for free slots. */
@Controller("/v1/councils/{council}/appointment-search")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AppointmentSearchController {
    private final CouncilAccess access;
    private final JsonBodyReader bodies;
    private final BookingService bookings;
    private final ApiMapping mapping;

    AppointmentSearchController(CouncilAccess access, JsonBodyReader bodies, BookingService bookings, ApiMapping mapping) {
        this.access = access;
        this.bodies = bodies;
        this.bookings = bookings;
        this.mapping = mapping;
    }

    @Post
    HttpResponse<JsonBytes> search(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                                   @Body @Nullable byte[] body) {
        var target = access.authorize(client, council, Capability.SEARCH);
        SlotSearch found = bookings.search(target, RequestReader.searchQuery(bodies.read(body, SearchRequest.class)));
        return JsonBytes.answer(HttpStatus.OK, mapping.searchAnswer(target, found));
    }
}

package dev.slotbridge.server.api;

import dev.slotbridge.server.security.ApiClient;
import dev.slotbridge.server.security.CouncilAccess;
import dev.slotbridge.spi.Capability;
import io.micronaut.core.annotation.Nullable;
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
    private final SchedulingService scheduling;

    AppointmentSearchController(CouncilAccess access, JsonBodyReader bodies, SchedulingService scheduling) {
        this.access = access;
        this.bodies = bodies;
        this.scheduling = scheduling;
    }

    @Post
    SearchResponse search(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                          @Body @Nullable String body) {
        var target = access.authorize(client, council, Capability.SEARCH);
        return scheduling.search(target, RequestReader.searchQuery(bodies.read(body, SearchRequest.class)));
    }
}

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
import io.micronaut.json.tree.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Searches a council's scheduler for free slots. */
@Controller("/v1/councils/{council}/appointment-search")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Appointments")
@SecurityRequirement(name = "apiKey")
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
    @Operation(summary = "Find free appointment slots for a repair at a property",
            description = "Only available slots, sorted by start, each once. Dates are in the council's time zone.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SearchRequest.class)))
    SearchResponse search(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                          @Body @Nullable JsonNode body) {
        var target = access.authorize(client, council, Capability.SEARCH);
        return scheduling.search(target, RequestReader.searchQuery(bodies.read(body, SearchRequest.class)));
    }
}

package dev.slotbridge.server.api;

import dev.slotbridge.server.council.CouncilRegistry;
import dev.slotbridge.server.security.ApiClient;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;

/** The councils the caller's key may use. */
@Controller("/v1/councils")
final class CouncilController {
    private final CouncilRegistry councils;

    CouncilController(CouncilRegistry councils) {
        this.councils = councils;
    }

    @Get
    CouncilListBody list(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client) {
        return new CouncilListBody(councils.all().stream()
                .filter(council -> client.mayUse(council.id()))
                .map(council -> new CouncilBody(council.id(), council.name(), council.providerName(),
                        council.capabilities().stream().sorted().toList()))
                .toList());
    }
}

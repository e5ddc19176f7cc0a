package dev.slotbridge.door.v1;

import dev.slotbridge.door.v1.body.CouncilBody;
import dev.slotbridge.door.v1.body.CouncilListBody;
import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.council.CouncilRegistry;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.spi.Capability;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;

import java.util.Set;

/** The councils the caller's key may use, each with the operations the API serves there ({@link Council#operations()}). */
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
                .map(CouncilController::body)
                .toList());
    }

    private static CouncilBody body(Council council) {
        Set<Capability> operations = council.operations();
        return new CouncilBody(council.id(), council.name(), council.providerName(), operations.stream().sorted().toList(),
                !operations.contains(Capability.HOLD) ? null : council.holdsInScheduler() ? "scheduler" : "slotbridge");
    }
}

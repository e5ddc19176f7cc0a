package dev.slotbridge.door.hro;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The HRO routes under {@code slotbridge.hro.path-prefix} as well, for a front end whose base URL has a path. */
@Controller("/${slotbridge.hro.path-prefix}")
@Requires(property = HroFrontEnds.FRONT_ENDS)
@Requires(property = "slotbridge.hro.path-prefix", pattern = ".+")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PrefixedHroController extends HroRoutes {
    PrefixedHroController(HroAppointments appointments) {
        super(appointments);
    }
}

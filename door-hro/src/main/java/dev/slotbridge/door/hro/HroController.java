package dev.slotbridge.door.hro;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The HRO routes at the root, as the client calls them; present only when front ends are configured. */
@Controller
@Requires(property = HroFrontEnds.FRONT_ENDS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class HroController extends HroRoutes {
    HroController(HroAppointments appointments) {
        super(appointments);
    }
}

package dev.slotbridge.door.hro;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;

import java.util.List;

/**
 * The Scheduling API's routes, as the HRO client calls them. Declared once here; {@link HroController} serves them at
 * the root and {@link PrefixedHroController} under {@code slotbridge.hro.path-prefix}.
 */
abstract class HroRoutes {
    private final HroAppointments appointments;

    HroRoutes(HroAppointments appointments) {
        this.appointments = appointments;
    }

    @Post(value = "/authentication", produces = MediaType.TEXT_PLAIN)
    String authenticate(HttpRequest<?> request) {
        return appointments.authenticate(request);
    }

    @Get(value = HroGetWithBody.PATH, produces = MediaType.APPLICATION_JSON)
    List<HroAppointment> availableAppointments(HttpRequest<?> request) {
        return appointments.availableAppointments(request, null);
    }

    /** The same call with its JSON body: a GET with a body arrives here as a POST ({@link HroGetWithBody}). */
    @Post(value = HroGetWithBody.PATH, produces = MediaType.APPLICATION_JSON)
    List<HroAppointment> availableAppointmentsWithBody(HttpRequest<?> request, @Body @Nullable byte[] body) {
        return appointments.availableAppointments(request, body);
    }

    @Post(value = "/Appointments/BookAppointment", produces = MediaType.TEXT_PLAIN)
    String bookAppointment(HttpRequest<?> request, @Body @Nullable byte[] body) {
        return appointments.bookAppointment(request, body);
    }

    @Post("/Appointments/CancelAppointment")
    HttpResponse<Void> cancelAppointment(HttpRequest<?> request) {
        appointments.cancelAppointment(request);
        return HttpResponse.ok();
    }

    @Post("/Appointments/UpdateAppointmentSlot")
    HttpResponse<Void> updateAppointmentSlot(HttpRequest<?> request) {
        appointments.updateAppointmentSlot(request);
        return HttpResponse.ok();
    }
}

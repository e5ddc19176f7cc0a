package dev.slotbridge.provider.servicemobility;

import dev.slotbridge.provider.servicemobility.wire.BookJobResponse;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotQuery;
import dev.slotbridge.spi.support.Refusals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A council whose system implements ServiceMobility's Appointment Search and Followup WorkOrder REST interfaces.
 * Those interfaces define no way to view, list, reschedule or cancel a booking, nor to find one by order number, so
 * only SEARCH and BOOK are offered (the server answers 501 for the rest, and reports a lost booking answer as
 * unknown).
 *
 * <p>Booking: {@code POST book-job-url} with {@code {0}} = the caller's {@code externalRef} (the work order that
 * needs the visit). Success only when the answer's {@code OrderNum} is populated. A refusal (no {@code OrderNum}, or
 * a 4xx) is checked by searching the slot's period again: gone → slot unavailable, still offered → rejected with the
 * backend's reason.
 *
 * <p>Probe: the interfaces' only read, one search, for today's open slots with no account or location (the probe
 * knows no property); reached when the backend answers 200 with open slots, even none. A backend that needs an account
 * to search refuses the probe with its reason.
 */
final class ServiceMobilitySchedulerProvider implements SchedulerProvider {
    private final ServiceMobilityClient client;
    private final String orderType;
    private final Clock clock;
    private final ZoneId zone;

    ServiceMobilitySchedulerProvider(ServiceMobilityClient client, String orderType, Clock clock, ZoneId zone) {
        this.client = client;
        this.orderType = orderType;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SEARCH, Capability.BOOK);
    }

    @Override
    public List<Slot> search(SlotQuery query) {
        return ServiceMobilityMapping.slots(
                client.searchOpenSlots(ServiceMobilityMapping.search(query, orderType, zone)),
                query.from().atStartOfDay(zone).toInstant(), query.to().plusDays(1).atStartOfDay(zone).toInstant(), zone);
    }

    @Override
    public Booking book(BookingRequest request) {
        BookJobResponse answer;
        try {
            answer = client.bookJob(request.job().externalRef(), ServiceMobilityMapping.bookJob(request, orderType));
        } catch (RejectedBySchedulerException e) {
            throw refusal(request, e.getMessage());
        }
        if (answer == null || answer.orderNum() == null || answer.orderNum().isBlank()) {
            throw refusal(request, "ServiceMobility did not book the job: its answer has no OrderNum");
        }
        return ServiceMobilityMapping.booking(answer.orderNum(), request, zone);
    }

    @Override
    public ProbeResult probe() {
        client.searchOpenSlots(ServiceMobilityMapping.probe(LocalDate.now(clock.withZone(zone)), orderType, zone));
        return ProbeResult.REACHED;
    }

    private RuntimeException refusal(BookingRequest request, String reason) {
        return Refusals.slotTakenOr(new RejectedBySchedulerException(reason), () -> ServiceMobilityMapping.offers(
                client.searchOpenSlots(ServiceMobilityMapping.recheck(request, orderType)), request.slot()), "ServiceMobility");
    }
}

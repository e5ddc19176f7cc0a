package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.ProviderMemory;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.BookingNotActiveException;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.CapabilityNotSupportedException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.error.WriteOutcomeUnknownException;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingOutcome;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;
import dev.slotbridge.spi.support.AcceptedWrite;
import dev.slotbridge.spi.support.Refusals;
import dev.slotbridge.spi.support.SlotLists;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A scheduler described by configuration ({@link RestSettings}); it offers exactly the configured operations.
 *
 * <ul>
 *   <li>Search: the slots read from the answer, those outside the asked dates dropped, each once, sorted. A scheduler
 *       that keeps no diary ({@code windows}) offers its standard windows from now to {@code days-ahead}, less those
 *       an active booking starts in; it is asked before each booking too, since it would accept a second booking of a
 *       window.</li>
 *   <li>A refused booking or reschedule is re-checked by searching the slot's day: gone is 409, still offered 422.
 *       Once the scheduler accepted a write, an unreadable answer is an unknown outcome, never a refusal.</li>
 *   <li>A booking's key holds the scheduler's id of the booking when it was made. A reschedule that answers with a
 *       new id is remembered ({@link ProviderMemory}, {@value #REMEMBERED_DAYS} days) and a booking whose answer names
 *       its {@code successor} is followed, so the key keeps finding the booking.</li>
 *   <li>Cancel and reschedule look at the booking first: a cancelled one is returned as it is (nothing sent),
 *       rescheduling one that is not booked is refused.</li>
 *   <li>A lost booking answer is reconciled through {@code find-by-reference}: booked when the order has an active
 *       booking in the requested slot. Without that operation the outcome stays unknown.</li>
 * </ul>
 */
final class RestSchedulerProvider implements SchedulerProvider {
    static final int REMEMBERED_DAYS = 400;
    private static final System.Logger LOG = System.getLogger(RestSchedulerProvider.class.getName());
    private static final int MAX_SUCCESSORS = 10;
    private static final String NEXT = "next:";
    private static final String FIRST = "first:";

    private final RestSettings settings;
    private final RestClient client;
    private final Variables variables;
    private final ProviderMemory memory;
    private final Clock clock;
    private final ZoneId zone;
    private final Set<Capability> capabilities;

    RestSchedulerProvider(RestSettings settings, RestClient client, ProviderMemory memory, Clock clock, ZoneId zone) {
        this.settings = settings;
        this.client = client;
        this.variables = new Variables(settings.times(), zone);
        this.memory = memory;
        this.clock = clock;
        this.zone = zone;
        Set<Capability> offered = EnumSet.noneOf(Capability.class);
        settings.operations().keySet().stream().map(Operation.Kind::capability).filter(Objects::nonNull).forEach(offered::add);
        this.capabilities = Set.copyOf(offered);
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public List<Slot> search(SlotQuery query) {
        Operation search = operation(Operation.Kind.SEARCH);
        if (search.windows() != null) {
            return windows(search, query);
        }
        Instant from = query.from().atStartOfDay(zone).toInstant();
        Instant to = query.to().plusDays(1).atStartOfDay(zone).toInstant();
        List<Slot> slots = new ArrayList<>();
        for (JsonNode item : client.items(search, variables.search(query))) {
            Slot slot = settings.slots().read(item, settings.times(), zone);
            if (!slot.start().toInstant().isBefore(from) && !slot.end().toInstant().isAfter(to)) {
                slots.add(slot);
            }
        }
        return SlotLists.merged(slots);
    }

    @Override
    public Booking book(BookingRequest request) {
        Operation book = operation(Operation.Kind.BOOK);
        if (operation(Operation.Kind.SEARCH).windows() != null && !offered(request.job(), request.slot())) {
            throw new SlotUnavailableException(settings.schedulerName() + " no longer offers that slot");
        }
        JsonNode answer;
        try {
            answer = client.call(book, variables.book(request));
        } catch (RejectedBySchedulerException refused) {
            throw Refusals.slotTakenOr(refused, () -> offered(request.job(), request.slot()), settings.schedulerName());
        }
        Instant start = SlotReader.start(request.slot());
        Instant end = SlotReader.end(request.slot());
        Booking made = accepted("the booking", () -> {
            JsonNode item = first(book, answer);
            String id = settings.bookings().id(item).orElseThrow(() -> new SchedulerResponseException(
                    "its answer has no booking id", null));
            Booking known = new Booking(BookingKey.of(BookingReader.ID, id), BookingStatus.BOOKED,
                    new BookedSlot(start.atZone(zone).toOffsetDateTime(), end.atZone(zone).toOffsetDateTime(),
                            request.slot().values().get(SlotReader.LABEL)),
                    Sent.job(request.job(), book.sends()), Sent.contact(request.contact(), book.sends()),
                    Sent.accessNotes(request.accessNotes(), book.sends()), Map.of());
            return read(item, known.key(), known);
        });
        return asHeld("booking", made);
    }

    /**
     * The booking as the scheduler holds it: read back when the council can view bookings (what a view shows, not
     * what was sent), else the answer read with what was sent.
     */
    private Booking asHeld(String write, Booking made) {
        if (!capabilities().contains(Capability.VIEW)) {
            return made;
        }
        return AcceptedWrite.readBack(settings.schedulerName() + " " + write + " " + made.providerRefs().get(BookingReader.ID),
                () -> find(made.key()));
    }

    @Override
    public Optional<Booking> find(BookingKey key) {
        operation(Operation.Kind.VIEW);
        return view(current(key)).map(item -> read(item, key, null));
    }

    @Override
    public List<Booking> listByProperty(String propertyRef) {
        return bookings(operation(Operation.Kind.LIST), Variables.property(propertyRef)).stream()
                .filter(booking -> propertyRef.equals(booking.job().propertyRef())).toList();
    }

    @Override
    public List<Booking> findByExternalRef(String externalRef, Optional<String> propertyRef) {
        return bookings(operation(Operation.Kind.FIND_BY_REFERENCE), Variables.reference(externalRef, propertyRef.orElse(null)))
                .stream().filter(booking -> externalRef.equals(booking.job().externalRef()))
                .filter(booking -> propertyRef.map(booking.job().propertyRef()::equals).orElse(true)).toList();
    }

    @Override
    public BookingOutcome reconcileBooking(BookingRequest request) {
        if (!capabilities.contains(Capability.FIND_BY_REFERENCE)) {
            return SchedulerProvider.super.reconcileBooking(request);
        }
        return findByExternalRef(request.job().externalRef(), Optional.of(request.job().propertyRef())).stream()
                .filter(booking -> booking.status() == BookingStatus.BOOKED && isInSlot(booking, request.slot()))
                .<BookingOutcome>map(booking -> new BookingOutcome.Booked(booking, null))
                .findFirst().orElseGet(() -> new BookingOutcome.NotBooked(null));
    }

    @Override
    public boolean isInSlot(Booking booking, SlotKey slot) {
        return booking.slot() != null && booking.slot().start().toInstant().equals(SlotReader.start(slot))
                && booking.slot().end().toInstant().equals(SlotReader.end(slot));
    }

    @Override
    public Booking reschedule(BookingKey key, SlotKey newSlot) {
        Operation reschedule = operation(Operation.Kind.RESCHEDULE);
        Booking current = find(key).orElseThrow(() -> new BookingNotFoundException(
                settings.schedulerName() + " has no such booking"));
        if (current.status() == BookingStatus.CANCELLED || current.status() == BookingStatus.COMPLETED) {
            throw new BookingNotActiveException("the booking is " + current.status().name().toLowerCase(Locale.ROOT));
        }
        String id = current.providerRefs().get(BookingReader.ID);
        JsonNode answer;
        try {
            answer = client.call(reschedule, variables.reschedule(id, newSlot));
        } catch (RejectedBySchedulerException refused) {
            throw Refusals.slotTakenOr(refused, () -> offered(current.job(), newSlot), settings.schedulerName());
        }
        Booking known = current.withStatus(BookingStatus.BOOKED).withSlot(new BookedSlot(
                SlotReader.start(newSlot).atZone(zone).toOffsetDateTime(), SlotReader.end(newSlot).atZone(zone).toOffsetDateTime(),
                newSlot.values().get(SlotReader.LABEL)));
        Booking moved = accepted("the reschedule", () -> {
            JsonNode item = first(reschedule, answer);
            Optional<String> newId = item == null ? Optional.empty() : settings.bookings().id(item);
            if (newId.isEmpty()) {
                return known;
            }
            if (!newId.get().equals(id)) {
                remember(key.require(BookingReader.ID), id, newId.get());
            }
            return read(item, key, known);
        });
        return asHeld("reschedule", moved);
    }

    @Override
    public Booking cancel(BookingKey key, CancelRequest request) {
        Operation cancel = operation(Operation.Kind.CANCEL);
        Booking current = find(key).orElseThrow(() -> new BookingNotFoundException(
                settings.schedulerName() + " has no such booking"));
        if (current.status() == BookingStatus.CANCELLED) {
            return current;
        }
        JsonNode answer = client.call(cancel, Variables.cancel(current.providerRefs().get(BookingReader.ID), request));
        return accepted("the cancellation", () -> {
            JsonNode item = first(cancel, answer);
            Booking cancelled = item == null || settings.bookings().id(item).isEmpty() ? current : read(item, key, current);
            return cancelled.withStatus(BookingStatus.CANCELLED);
        });
    }

    @Override
    public ProbeResult probe() {
        Operation probe = settings.operations().get(Operation.Kind.PROBE);
        if (probe == null) {
            return ProbeResult.NOT_OFFERED;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        client.probe(probe, variables.days(today, today));
        return ProbeResult.REACHED;
    }

    @Override
    public String toString() {
        return "RestSchedulerProvider[" + settings + "]";
    }

    /** The standard windows between the dates, from now to {@code days-ahead}, less those an active booking starts in. */
    private List<Slot> windows(Operation search, SlotQuery query) {
        Operation.Windows windows = search.windows();
        Set<Instant> taken = new HashSet<>();
        for (Booking booking : bookings(search, variables.search(query))) {
            if (booking.status() == BookingStatus.BOOKED && booking.slot() != null) {
                taken.add(booking.slot().start().toInstant());
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate last = query.to().isAfter(today.plusDays(windows.daysAhead())) ? today.plusDays(windows.daysAhead()) : query.to();
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = query.from(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!windows.days().contains(day.getDayOfWeek())) {
                continue;
            }
            for (Operation.Window window : windows.times()) {
                Instant start = day.atTime(window.start()).atZone(zone).toInstant();
                Instant end = day.atTime(window.end()).atZone(zone).toInstant();
                if (start.isAfter(clock.instant()) && !taken.contains(start)) {
                    slots.add(SlotReader.window(start, end, window.label(), zone));
                }
            }
        }
        return SlotLists.merged(slots);
    }

    /** Whether a search of the slot's day still offers it (same start and end). */
    private boolean offered(Job job, SlotKey slot) {
        Instant start = SlotReader.start(slot);
        Instant end = SlotReader.end(slot);
        LocalDate day = start.atZone(zone).toLocalDate();
        return search(new SlotQuery(job, day, day)).stream()
                .anyMatch(offered -> offered.start().toInstant().equals(start) && offered.end().toInstant().equals(end));
    }

    /** The bookings an answer lists, each under its key; one replaced by a reschedule is left out. */
    private List<Booking> bookings(Operation operation, Map<String, Object> values) {
        List<Booking> bookings = new ArrayList<>();
        for (JsonNode item : client.items(operation, values)) {
            Optional<String> id = settings.bookings().id(item);
            if (id.isEmpty() || memory.get(NEXT + id.get()).isPresent() || settings.bookings().successor(item).isPresent()) {
                continue;
            }
            String first = memory.get(FIRST + id.get()).orElse(id.get());
            bookings.add(read(item, BookingKey.of(BookingReader.ID, first), null));
        }
        return bookings;
    }

    /** The booking's item as the scheduler shows it now, following successors. */
    private Optional<JsonNode> view(String id) {
        Operation view = operation(Operation.Kind.VIEW);
        String at = id;
        for (int hop = 0; hop <= MAX_SUCCESSORS; hop++) {
            JsonNode item;
            try {
                item = first(view, client.call(view, Variables.booking(at)));
            } catch (BookingNotFoundException e) {
                return Optional.empty();
            }
            if (item == null) {
                return Optional.empty();
            }
            Optional<String> next = settings.bookings().successor(item);
            if (next.isEmpty() || next.get().equals(at)) {
                return Optional.of(item);
            }
            at = next.get();
        }
        throw new SchedulerResponseException(settings.schedulerName() + " names more than " + MAX_SUCCESSORS
                + " successive reschedules of one booking", null);
    }

    /** The scheduler's id the booking has now: its key's, or the one a reschedule gave it. */
    private String current(BookingKey key) {
        String first = key.require(BookingReader.ID);
        return memory.get(NEXT + first).orElse(first);
    }

    /** A reschedule gave the booking a new id: remember it both ways. A failure to remember is logged, not thrown. */
    private void remember(String first, String previous, String next) {
        Duration ttl = Duration.ofDays(REMEMBERED_DAYS);
        try {
            memory.put(NEXT + first, next, ttl);
            memory.put(NEXT + previous, next, ttl);
            memory.put(FIRST + next, first, ttl);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "{0}: the booking was rescheduled under a new id, which could not be "
                    + "remembered ({1}); it is found again only if the scheduler names the successor",
                    settings.schedulerName(), e.getClass().getSimpleName());
        }
    }

    private Booking read(JsonNode item, BookingKey key, Booking known) {
        return settings.bookings().read(item, key, known, settings.times(), zone);
    }

    /** After the scheduler accepted a write, reading its answer can only leave the outcome unknown. */
    private Booking accepted(String write, Supplier<Booking> readAnswer) {
        try {
            return readAnswer.get();
        } catch (SchedulerResponseException e) {
            throw new WriteOutcomeUnknownException(settings.schedulerName() + " accepted " + write
                    + ", but its answer cannot be read: " + e.getMessage(), e);
        }
    }

    private static JsonNode first(Operation operation, JsonNode answer) {
        List<JsonNode> items = operation.result().items(answer);
        return items.isEmpty() ? null : items.getFirst();
    }

    private Operation operation(Operation.Kind kind) {
        Operation operation = settings.operations().get(kind);
        if (operation == null) {
            throw new CapabilityNotSupportedException(kind.capability());
        }
        return operation;
    }
}

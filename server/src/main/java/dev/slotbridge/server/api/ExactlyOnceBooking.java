package dev.slotbridge.server.api;

import dev.slotbridge.server.council.Council;
import dev.slotbridge.server.idempotency.IdempotencyKey;
import dev.slotbridge.server.idempotency.IdempotencyStore;
import dev.slotbridge.server.idempotency.StoredAnswer;
import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.ProblemType;
import dev.slotbridge.server.resilience.CouncilUnavailableException;
import dev.slotbridge.server.resilience.SchedulerMetrics;
import dev.slotbridge.server.security.ApiClient;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Books a job at most once, whatever happens to the answers.
 *
 * <ul>
 *   <li>With an {@code Idempotency-Key}, a repeat gets the first answer and books nothing more.</li>
 *   <li>When the scheduler may have booked but no answer came back (a timeout, or a connection lost after the
 *       request was sent), the server asks the scheduler by the caller's order number ({@code externalRef}) before
 *       answering: found, it answers 201 with that booking; certainly not booked, it answers the failure and a repeat
 *       may book; still unknown, it answers 504 saying so, and a repeat with the same key checks again before it may
 *       book.</li>
 * </ul>
 */
@Singleton
final class ExactlyOnceBooking {
    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceBooking.class);

    private final ApiMapping mapping;
    private final IdempotencyStore store;
    private final SchedulerMetrics metrics;

    ExactlyOnceBooking(ApiMapping mapping, IdempotencyStore store, SchedulerMetrics metrics) {
        this.mapping = mapping;
        this.store = store;
        this.metrics = metrics;
    }

    /** What the scheduler says of a booking whose answer was lost. */
    private sealed interface Outcome {
        record Booked(Booking booking) implements Outcome {
        }

        record NotBooked() implements Outcome {
        }

        record Unknown() implements Outcome {
        }
    }

    StoredAnswer book(ApiClient client, Council council, String idempotencyKey, BookingRequest request) {
        if (idempotencyKey == null) {
            return attempt(council, request, Optional.empty());
        }
        IdempotencyKey key = new IdempotencyKey(client.name(), council.id(), idempotencyKey);
        return switch (store.begin(key, request)) {
            case IdempotencyStore.Claim.Replay replay -> {
                metrics.replay(council.id());
                yield replay.answer();
            }
            case IdempotencyStore.Claim.Mismatch mismatch -> throw new ApiProblemException(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request; use a new key for a new booking");
            case IdempotencyStore.Claim.Claimed claimed -> attempt(council, request, Optional.of(key));
            case IdempotencyStore.Claim.Unresolved unresolved -> resume(council, request, key);
        };
    }

    /** An earlier request with this key may have booked: find out before booking again. */
    private StoredAnswer resume(Council council, BookingRequest request, IdempotencyKey key) {
        return switch (checkScheduler(council, request)) {
            case Outcome.Booked booked -> settle(Optional.of(key), answer(council, booked.booking()));
            case Outcome.NotBooked notBooked -> attempt(council, request, Optional.of(key));
            case Outcome.Unknown unknown -> {
                store.unresolved(key);
                throw outcomeUnknown(true);
            }
        };
    }

    private StoredAnswer attempt(Council council, BookingRequest request, Optional<IdempotencyKey> key) {
        try {
            return settle(key, answer(council, council.provider().book(request)));
        } catch (ProviderException e) {
            if (!mayHaveBooked(e)) {
                key.ifPresent(store::abandon);
                throw e;
            }
            return switch (checkScheduler(council, request)) {
                case Outcome.Booked booked -> settle(key, answer(council, booked.booking()));
                case Outcome.NotBooked notBooked -> {
                    key.ifPresent(store::abandon);
                    throw e;
                }
                case Outcome.Unknown unknown -> {
                    key.ifPresent(store::unresolved);
                    throw outcomeUnknown(key.isPresent());
                }
            };
        } catch (RuntimeException e) {
            key.ifPresent(store::abandon);
            throw e;
        }
    }

    private static boolean mayHaveBooked(ProviderException e) {
        return e instanceof SchedulerTimeoutException
                || e instanceof SchedulerUnavailableException unavailable && !unavailable.requestNotSent();
    }

    private Outcome checkScheduler(Council council, BookingRequest request) {
        Outcome outcome = lookUp(council, request);
        String result = switch (outcome) {
            case Outcome.Booked booked -> "found";
            case Outcome.NotBooked notBooked -> "not_booked";
            case Outcome.Unknown unknown -> "unknown";
        };
        metrics.reconciliation(council.id(), result);
        LOG.info("booking answer lost: council={} checked the scheduler, result={}", council.id(), result);
        return outcome;
    }

    private static Outcome lookUp(Council council, BookingRequest request) {
        if (!council.provider().findsByExternalRef()) {
            return new Outcome.Unknown();
        }
        try {
            return council.provider().findByExternalRef(request.job().propertyRef(), request.job().externalRef())
                    .filter(booking -> booking.status() == BookingStatus.BOOKED)
                    .<Outcome>map(Outcome.Booked::new)
                    .orElseGet(Outcome.NotBooked::new);
        } catch (ProviderException | CouncilUnavailableException e) {
            return new Outcome.Unknown();
        }
    }

    private StoredAnswer settle(Optional<IdempotencyKey> key, StoredAnswer answer) {
        key.ifPresent(k -> store.complete(k, answer));
        return answer;
    }

    private StoredAnswer answer(Council council, Booking booking) {
        BookingBody body = mapping.booking(council, booking);
        return new StoredAnswer(HttpStatus.CREATED.getCode(), SchedulingService.location(council, body.bookingRef()), body);
    }

    private static ApiProblemException outcomeUnknown(boolean withKey) {
        return new ApiProblemException(ProblemType.SCHEDULER_TIMEOUT, withKey
                ? "The scheduler did not answer and could not be checked: the booking may or may not have been made. "
                  + "Repeating the request with the same Idempotency-Key is safe: it checks before booking."
                : "The scheduler did not answer and could not be checked: the booking may or may not have been made. "
                  + "List the property's bookings before trying again, and send an Idempotency-Key next time.");
    }
}

package dev.slotbridge.engine.error;

import dev.slotbridge.engine.store.StoreUnavailableException;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.error.BookingNotActiveException;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.CapabilityNotSupportedException;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.error.WriteOutcomeUnknownException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every problem and every provider failure has its row, and the rows say what the contract says. */
final class ErrorTableTest {

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void everyProblemHasARow(ProblemType type) {
        ErrorTable.Row row = ErrorTable.of(type);
        assertThat(row.status()).isBetween(400, 599);
        assertThat(row.fault()).isNotEqualTo(Fault.NONE);
        assertThat(ErrorTable.auditOutcome(type)).isEqualTo(row.status() + " " + type.suffix());
        assertThat(ProblemType.of(type.type())).isSameAs(type);
    }

    @Test
    void theStatusesAreTheContracts() {
        assertThat(ErrorTable.of(ProblemType.SLOT_UNAVAILABLE).status()).isEqualTo(409);
        assertThat(ErrorTable.of(ProblemType.REJECTED_BY_SCHEDULER).status()).isEqualTo(422);
        assertThat(ErrorTable.of(ProblemType.SCHEDULER_ERROR).status()).isEqualTo(502);
        assertThat(ErrorTable.of(ProblemType.SCHEDULER_UNAVAILABLE).status()).isEqualTo(503);
        assertThat(ErrorTable.of(ProblemType.SCHEDULER_TIMEOUT).status()).isEqualTo(504);
        assertThat(ErrorTable.of(ProblemType.CAPABILITY_NOT_SUPPORTED).status()).isEqualTo(501);
        assertThat(ErrorTable.of(ProblemType.HEADERS_TOO_LARGE).status()).isEqualTo(431);
    }

    @Test
    void onlyAnUnconfirmedChangeMayHaveBooked() {
        Set<ProblemType> mayHaveBooked = Arrays.stream(ProblemType.values())
                .filter(type -> ErrorTable.of(type).mayHaveBooked()).collect(Collectors.toSet());
        assertThat(mayHaveBooked).containsExactly(ProblemType.SCHEDULER_TIMEOUT);
    }

    @Test
    void whatToWaitForIsRetryableAndAFailureThatMayHaveBookedIsNot() {
        assertThat(ErrorTable.of(ProblemType.RATE_LIMITED).retryable()).isTrue();
        assertThat(ErrorTable.of(ProblemType.BOOKING_IN_PROGRESS).retryable()).isTrue();
        assertThat(ErrorTable.of(ProblemType.SCHEDULER_UNAVAILABLE).retryable()).isTrue();
        assertThat(ErrorTable.of(ProblemType.SCHEDULER_TIMEOUT).retryable()).isFalse();
        assertThat(ErrorTable.of(ProblemType.VALIDATION).retryable()).isFalse();
    }

    @Test
    void onlySlotbridgesOwnFailuresAreItsFault() {
        Set<ProblemType> ours = Arrays.stream(ProblemType.values())
                .filter(type -> ErrorTable.of(type).fault() == Fault.SLOTBRIDGE).collect(Collectors.toSet());
        assertThat(ours).containsExactlyInAnyOrder(ProblemType.INTERNAL_ERROR, ProblemType.STORE_UNAVAILABLE,
                ProblemType.SHUTTING_DOWN);
        assertThat(ErrorTable.of(ProblemType.COUNCIL_BUSY).fault()).isEqualTo(Fault.SCHEDULER);
        assertThat(ErrorTable.of(ProblemType.IDEMPOTENCY_CAPACITY).fault()).isEqualTo(Fault.CLIENT);
    }

    @Test
    void everyProviderFailureHasARow() {
        List<ProviderException> failures = List.of(new SlotUnavailableException("taken"),
                new BookingNotActiveException("cancelled"), new BookingNotFoundException("gone"),
                new RejectedBySchedulerException("No access on Fridays"),
                new CapabilityNotSupportedException(Capability.HOLD), new InvalidRequestException("jobCodes", "unknown"),
                new SchedulerTimeoutException("vendor said x", null), new SchedulerResponseException("vendor x", null),
                new SchedulerCredentialsRejectedException("vendor x"),
                new SchedulerUnavailableException("vendor x", true, null),
                new SchedulerUnavailableException("vendor x", false, null),
                new WriteOutcomeUnknownException("vendor x", null));
        assertThat(failures.stream().map(Object::getClass).collect(Collectors.toSet()))
                .as("one of each permitted provider failure")
                .containsExactlyInAnyOrder(ProviderException.class.getPermittedSubclasses());
        for (ProviderException failure : failures) {
            ErrorTable.ProviderRow row = ErrorTable.of(failure);
            assertThat(ErrorTable.problemOf(failure)).isSameAs(row.problem());
            assertThat(CallOutcome.of(failure)).isSameAs(row.outcome());
            if (failure.kind().isSchedulerFailure()) {
                assertThat(row.detail()).as("a scheduler failure never answers the vendor's words")
                        .doesNotContain("vendor");
                assertThat(ErrorTable.of(row.problem()).fault()).isEqualTo(Fault.SCHEDULER);
            }
        }
    }

    @Test
    void aProviderFailureIsAnsweredByWhatItEstablishes() {
        assertThat(ErrorTable.of(new SchedulerUnavailableException("x", true, null)).problem())
                .isEqualTo(ProblemType.SCHEDULER_ERROR);
        assertThat(ErrorTable.of(new SchedulerTimeoutException("x", null)).problem())
                .isEqualTo(ProblemType.SCHEDULER_TIMEOUT);
        assertThat(ErrorTable.of(new WriteOutcomeUnknownException("x", null)).problem())
                .isEqualTo(ProblemType.SCHEDULER_TIMEOUT);
        assertThat(ErrorTable.of(new RejectedBySchedulerException("No access on Fridays")).detail())
                .isEqualTo("No access on Fridays");
    }

    @Test
    void everyOtherFailureHasItsProblem() {
        assertThat(ErrorTable.problemOf(new ProblemException(ProblemType.HOLD_EXPIRED, "ended")))
                .isEqualTo(ProblemType.HOLD_EXPIRED);
        assertThat(ErrorTable.problemOf(CouncilUnavailableException.busy("lincoln busy", Duration.ofSeconds(5))))
                .isEqualTo(ProblemType.COUNCIL_BUSY);
        assertThat(ErrorTable.problemOf(new StoreUnavailableException("hold", new java.io.IOException("refused"))))
                .isEqualTo(ProblemType.STORE_UNAVAILABLE);
        assertThat(ErrorTable.problemOf(new IllegalStateException("a bug"))).isEqualTo(ProblemType.INTERNAL_ERROR);
        assertThat(ErrorTable.auditOutcome(ProblemType.SLOT_UNAVAILABLE)).isEqualTo("409 slot-unavailable");
    }
}

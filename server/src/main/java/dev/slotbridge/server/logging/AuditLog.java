package dev.slotbridge.server.logging;

import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.resilience.CouncilUnavailableException;
import dev.slotbridge.spi.error.ProviderException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per write (book, reschedule, cancel) on the {@code dev.slotbridge.audit} logger: client, council,
 * operation, bookingRef and outcome (the HTTP status, or the kind of failure). Never personal data.
 */
@Singleton
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.slotbridge.audit");

    public void succeeded(String client, String council, String operation, String bookingRef, int status) {
        LOG.info("audit client={} council={} operation={} bookingRef={} outcome={}", client, council, operation,
                bookingRef == null ? "-" : bookingRef, status);
    }

    public void failed(String client, String council, String operation, String bookingRef, RuntimeException failure) {
        LOG.info("audit client={} council={} operation={} bookingRef={} outcome={}", client, council, operation,
                bookingRef == null ? "-" : bookingRef, outcome(failure));
    }

    private static String outcome(RuntimeException failure) {
        return switch (failure) {
            case ApiProblemException problem -> problem.type().status().getCode() + " "
                    + problem.type().type().getPath().substring(problem.type().type().getPath().lastIndexOf('/') + 1);
            case ProviderException provider -> provider.getClass().getSimpleName();
            case CouncilUnavailableException unavailable ->
                    unavailable.councilBusy() ? "503 council-busy" : "503 scheduler-unavailable";
            default -> "error";
        };
    }
}

package dev.slotbridge.server.booking;

import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.ProblemType;
import io.micronaut.http.HttpHeaders;

import java.util.Map;

/** The answer when another change to the same job held its lease for the whole wait. */
final class LeaseRefusal {
    private LeaseRefusal() {
    }

    static ApiProblemException inProgress() {
        return new ApiProblemException(ProblemType.BOOKING_IN_PROGRESS, "Another change to this job is in progress; "
                + "nothing was sent for this request. Send it again shortly.", null, Map.of(HttpHeaders.RETRY_AFTER, "1"));
    }
}

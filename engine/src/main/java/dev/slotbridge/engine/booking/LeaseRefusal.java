package dev.slotbridge.engine.booking;

import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;

/** The answer when another change to the same job held its lease for the whole wait. */
public final class LeaseRefusal {
    private LeaseRefusal() {
    }

    public static ProblemException inProgress() {
        return new ProblemException(ProblemType.BOOKING_IN_PROGRESS, "Another change to this job is in progress; "
                + "nothing was sent for this request. Send it again shortly.", null, 1);
    }
}

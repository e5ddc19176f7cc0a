package dev.slotbridge.engine.booking;

import java.time.Duration;

final class InProcessJobLeasesTest extends JobLeasesContract {
    @Override
    protected JobLeases createLeases(Duration waitForInFlight) {
        return new InProcessJobLeases(waitingAtMost(waitForInFlight));
    }
}

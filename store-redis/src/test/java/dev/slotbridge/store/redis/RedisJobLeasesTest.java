package dev.slotbridge.store.redis;

import dev.slotbridge.engine.booking.JobLeases;
import dev.slotbridge.engine.booking.JobLeasesContract;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.engine.store.ClaimRenewals;
import dev.slotbridge.engine.store.StoreProperties;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The job leases contract on a real Redis, and what only a shared store must do: leases across replicas, and a dead
 * replica's lease lapsing within one claim lease.
 */
final class RedisJobLeasesTest extends JobLeasesContract {
    private static final String FORMAT = StoreProperties.Redis.LEGACY;
    @RegisterExtension
    final Replicas redis = new Replicas();

    @Override
    protected JobLeases createLeases(Duration waitForInFlight) {
        return replica(waitForInFlight);
    }

    private JobLeases replica(Duration waitForInFlight) {
        return new RedisJobLeases(redis.replica(FORMAT), redis.renewals(), redis.properties(FORMAT),
                waitingAtMost(waitForInFlight));
    }

    @Test
    void aLeaseHeldByOneReplicaHoldsUpAnotherUntilReleased() {
        JobLeases.Lease held = replica(Duration.ZERO).acquire("council", "job:1");
        JobLeases second = replica(Duration.ofSeconds(10));

        assertThatThrownBy(() -> replica(Duration.ZERO).acquire("council", "job:1")).as("held by the first replica")
                .isInstanceOfSatisfying(ProblemException.class,
                        refusal -> assertThat(refusal.type()).isEqualTo(ProblemType.BOOKING_IN_PROGRESS));
        held.close();
        try (JobLeases.Lease taken = second.acquire("council", "job:1")) {
            assertThat(taken).isNotNull();
        }
    }

    @Test
    void aLeaseOfAReplicaThatDiedLapsesWithinOneClaimLease() {
        ClaimRenewals renewals = redis.renewals();
        new RedisJobLeases(redis.replica(FORMAT), renewals, redis.properties(FORMAT), waitingAtMost(Duration.ZERO))
                .acquire("council", "job:1");
        // the replica dies holding it: nothing renews the lease, nothing releases it
        renewals.close();
        assertThatThrownBy(() -> replica(Duration.ZERO).acquire("council", "job:1")).isInstanceOf(ProblemException.class);

        redis.elapse(Replicas.LEASE);

        try (JobLeases.Lease taken = replica(Duration.ZERO).acquire("council", "job:1")) {
            assertThat(taken).isNotNull();
        }
    }
}

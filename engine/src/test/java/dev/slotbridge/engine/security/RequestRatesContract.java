package dev.slotbridge.engine.security;

import dev.slotbridge.engine.store.Race;
import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RequestRates} does, in this process and on a real Redis: the same {@link Gcra} burst. A client's
 * {@code rate-limit} of N requests per period admits N at one instant; the next waits period/N; one more is admitted
 * each period/N; the whole burst is back after a period without requests.
 */
public abstract class RequestRatesContract {
    protected final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    protected RequestRates rates;

    /** New, empty rates reading time from {@link #clock}. */
    protected abstract RequestRates createRates();

    @BeforeEach
    final void createRatesForTest() {
        rates = createRates();
    }

    protected static ApiClient client(String name, int requests, Duration period) {
        return new ApiClient(name, Set.of("council"), new RateLimit(requests, period), Map.of());
    }

    private void admits(ApiClient client, int requests) {
        for (int i = 0; i < requests; i++) {
            assertThat(rates.acquire(client)).as("request %d of %d", i + 1, requests).isEmpty();
        }
    }

    @Test
    void aBurstOfTheLimitAtOneInstantIsAdmittedAndTheNextWaitsOneInterval() {
        ApiClient five = client("five", 5, Duration.ofSeconds(1));

        admits(five, 5);

        assertThat(rates.acquire(five)).contains(Duration.ofMillis(200));
        assertThat(rates.acquire(five)).as("a refused request uses nothing").contains(Duration.ofMillis(200));
    }

    @Test
    void oneMoreIsAdmittedEachIntervalAndTheWholeBurstAfterAPeriodWithoutRequests() {
        ApiClient five = client("five", 5, Duration.ofSeconds(1));
        admits(five, 5);

        clock.advance(Duration.ofMillis(199));
        assertThat(rates.acquire(five)).contains(Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(1));
        admits(five, 1);
        assertThat(rates.acquire(five)).contains(Duration.ofMillis(200));

        clock.advance(Duration.ofMillis(500));
        admits(five, 2);
        assertThat(rates.acquire(five)).contains(Duration.ofMillis(100));

        clock.advance(Duration.ofSeconds(1));
        admits(five, 5);
        assertThat(rates.acquire(five)).contains(Duration.ofMillis(200));
    }

    @Test
    void theDefaultHundredASecondAndAnHourlyLimitKeepTheSameRule() {
        ApiClient standard = client("standard", RateLimit.DEFAULT.requests(), RateLimit.DEFAULT.period());
        ApiClient hourly = client("hourly", 3, Duration.ofHours(1));

        admits(standard, 100);
        admits(hourly, 3);

        assertThat(rates.acquire(standard)).contains(Duration.ofMillis(10));
        assertThat(rates.acquire(hourly)).contains(Duration.ofMinutes(20));
        clock.advance(Duration.ofMinutes(20));
        admits(hourly, 1);
        admits(standard, 100);
    }

    @Test
    void eachClientHasItsOwnBudget() {
        ApiClient first = client("first", 2, Duration.ofSeconds(1));
        ApiClient second = client("second", 2, Duration.ofSeconds(1));
        admits(first, 2);

        admits(second, 2);
        assertThat(rates.acquire(first)).isPresent();
        assertThat(rates.acquire(second)).isPresent();
    }

    @Test
    void racingRequestsAtOneInstantAdmitExactlyTheBurst() {
        ApiClient five = client("five", 5, Duration.ofSeconds(1));

        List<Optional<Duration>> answers = Race.run(20, racer -> rates.acquire(five));

        assertThat(answers).filteredOn(Optional::isEmpty).hasSize(5);
        assertThat(answers).filteredOn(Optional::isPresent).hasSize(15)
                .allSatisfy(wait -> assertThat(wait).contains(Duration.ofMillis(200)));
    }
}

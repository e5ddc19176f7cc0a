package dev.slotbridge.engine.resilience;

import dev.slotbridge.engine.metrics.SchedulerMetrics;
import dev.slotbridge.engine.tracing.Tracing;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.tck.TestClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class ResilientSchedulerProviderTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    /** When true, the time limit's alarm goes off as soon as a call starts. */
    private boolean alarmAtOnce;
    private final CallerThreadTimeLimit.Alarms alarms = (action, delay) -> {
        if (alarmAtOnce) {
            action.run();
        }
        return () -> { };
    };
    /** Three attempts for what may be retried; the circuit opens when half of the last four calls failed. */
    private final CouncilCallGuard guard = new CouncilCallGuard("lincoln", "fake",
            new ResilienceSettings(Duration.ofSeconds(5), Duration.ofSeconds(8), 3, Duration.ofMillis(1), 50, Duration.ofSeconds(30), 4, 4, 10, Duration.ZERO),
            clock, alarms, new SchedulerMetrics(new SimpleMeterRegistry()), new Tracing(OpenTelemetry.noop()));

    @Test
    void everyOperationOfTheSpiIsPassedOnNotLeftToItsDefault() {
        assertThat(Arrays.stream(SchedulerProvider.class.getMethods()).filter(method -> !Modifier.isStatic(method.getModifiers())))
                .allSatisfy(method -> assertThat(declaredBy(method)).as(method.getName()).isEqualTo(ResilientSchedulerProvider.class));
    }

    @Test
    void theProbeIsSentOnceEvenWhenItsFailureWouldBeRetried() {
        AtomicInteger probes = new AtomicInteger();
        var provider = new ResilientSchedulerProvider(probing(probes,
                () -> { throw new SchedulerUnavailableException("connection refused", true, null); }), guard);

        assertThatThrownBy(provider::probe).isInstanceOf(SchedulerUnavailableException.class);
        assertThat(probes).as("never sent twice, though a search failing so is retried").hasValue(1);

        AtomicInteger logins = new AtomicInteger();
        var refused = new ResilientSchedulerProvider(probing(logins,
                () -> { throw new SchedulerCredentialsRejectedException("login refused"); }), guard);
        assertThatThrownBy(refused::probe).isInstanceOf(SchedulerCredentialsRejectedException.class);
        assertThat(logins).hasValue(1);
    }

    @Test
    void theProbeNeitherCountsInTheCircuitNorIsRefusedByIt() {
        AtomicInteger probes = new AtomicInteger();
        var failing = new ResilientSchedulerProvider(probing(probes,
                () -> { throw new SchedulerUnavailableException("reset", false, null); }), guard);
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(failing::probe).isInstanceOf(SchedulerUnavailableException.class);
        }
        assertThat(guard.circuitState()).as("probes are not counted").isEqualTo(CircuitBreaker.State.CLOSED);

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guard.call(SchedulerOperation.BOOK, () -> {
                throw new SchedulerUnavailableException("reset", false, null);
            }));
        }
        assertThat(guard.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        AtomicInteger reached = new AtomicInteger();
        var answering = new ResilientSchedulerProvider(probing(reached, () -> ProbeResult.REACHED), guard);
        assertThat(answering.probe()).as("an open circuit does not stop the probe").isEqualTo(ProbeResult.REACHED);
        assertThat(reached).hasValue(1);
    }

    @Test
    void theProbeRunsUnderTheCouncilsTimeLimit() {
        alarmAtOnce = true;
        AtomicInteger probes = new AtomicInteger();
        var provider = new ResilientSchedulerProvider(probing(probes, () -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new SchedulerUnavailableException("interrupted", false, null);
            }
            return ProbeResult.REACHED;
        }), guard);

        assertThatThrownBy(provider::probe).isInstanceOf(SchedulerTimeoutException.class)
                .hasMessage("probe got no answer within PT5S");
        assertThat(probes).hasValue(1);
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt does not leak").isFalse();
    }

    /** A provider whose probe counts its calls and answers as {@code answer} does. */
    private static SchedulerProvider probing(AtomicInteger calls, Supplier<ProbeResult> answer) {
        return new SchedulerProvider() {
            @Override
            public Set<Capability> capabilities() {
                return Set.of();
            }

            @Override
            public ProbeResult probe() {
                calls.incrementAndGet();
                return answer.get();
            }
        };
    }

    private static Class<?> declaredBy(Method method) {
        try {
            return ResilientSchedulerProvider.class.getMethod(method.getName(), method.getParameterTypes()).getDeclaringClass();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}

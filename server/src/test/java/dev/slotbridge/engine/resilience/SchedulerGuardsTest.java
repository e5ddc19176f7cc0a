package dev.slotbridge.engine.resilience;

import dev.slotbridge.config.ConfigSection;
import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.engine.error.CouncilUnavailableException;
import dev.slotbridge.engine.metrics.SchedulerMetrics;
import dev.slotbridge.engine.tracing.Tracing;
import dev.slotbridge.server.testing.OperatorYaml;
import dev.slotbridge.spi.CallPermits;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.ErrorKind;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotQuery;
import dev.slotbridge.tck.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.exceptions.ConfigurationException;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a council's provider is given (its time limit, and permits from the same bulkhead that bounds its calls), and the
 * real timer that holds calls to that limit.
 */
final class SchedulerGuardsTest {
    /** The council's resilience section, set by {@link #guards}. */
    private ConfigSection lincoln;

    @Test
    void aProviderGetsTheCouncilsTimeoutAndItsExtraCallsShareTheCouncilsBulkhead() {
        SchedulerGuards guards = guards("""
                timeout: 750ms
                bulkhead: {max-concurrent-calls: 2}
                """);
        AtomicReference<Duration> timeout = new AtomicReference<>();
        List<Boolean> taken = new ArrayList<>();
        SchedulerProvider guarded = guards.protect("lincoln", "probe", true, lincoln, (callTimeout, permits) -> {
            timeout.set(callTimeout);
            return new Searching(() -> takeEveryExtraPermitThenGiveThemBack(permits, taken));
        });

        guarded.search(null);
        guarded.search(null);
        guards.shutdown();

        assertThat(timeout.get()).isEqualTo(Duration.ofMillis(750));
        assertThat(taken).as("inside a call, one of two permits is left; given back, it is free again")
                .containsExactly(true, false, true, false);
    }

    @Test
    void aCallStillRunningWhenItsCouncilsLimitPassesIsInterruptedAndTimesOut() {
        SchedulerGuards guards = guards("""
                timeout: 50ms
                retry: {max-attempts: 1}
                """);
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        SchedulerProvider guarded = guards.protect("lincoln", "probe", true, lincoln, (callTimeout, permits) -> new Searching(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw new SchedulerUnavailableException("interrupted", false, e);
            }
        }));
        try {
            assertThatThrownBy(() -> guarded.search(null)).isInstanceOf(SchedulerTimeoutException.class);
            assertThat(interrupted.get()).as("the timer interrupted the waiting call").isTrue();
            assertThat(Thread.interrupted()).as("no interrupt leaks into the rest of the request").isFalse();
        } finally {
            guards.shutdown();
        }
    }

    @Test
    void onceTheServerStopsItsTimerACallIsNotSentAndSaysSo() {
        SchedulerGuards guards = guards("{}");
        List<String> sent = new ArrayList<>();
        SchedulerProvider guarded = guards.protect("lincoln", "probe", true, lincoln, (callTimeout, permits) ->
                new Searching(() -> sent.add("search")));
        guards.shutdown();

        assertThatThrownBy(() -> guarded.search(null)).isInstanceOfSatisfying(SchedulerUnavailableException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_SENT));
        assertThat(sent).isEmpty();
    }

    @Test
    void aDeadlineShorterThanTheTimeoutIsRefusedSinceNoBookingCouldBeSent() {
        SchedulerGuards guards = guards("timeout: 10s");
        try {
            assertThatThrownBy(() -> guards.protect("lincoln", "probe", true, lincoln, (callTimeout, permits) ->
                    new Searching(() -> { })))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("slotbridge.resilience.deadline: must be at least timeout (10s), or no booking could be sent");
        } finally {
            guards.shutdown();
        }
    }

    @Test
    void theServerWideBulkheadLimitsProvidersCallingARemoteSchedulerOnlyAndACouncilsOwnLimitsAnyProvider() {
        String serverWide = "bulkhead: {max-concurrent-calls: 1, max-wait: 0s}";
        assertThat(nestedCall(guards(serverWide, "{}"), true)).as("remote: the one permit is taken")
                .isEqualTo("503 council-busy");
        assertThat(nestedCall(guards(serverWide, "{}"), false)).as("in process: no bulkhead").isEqualTo("answered");
        assertThat(nestedCall(guards(serverWide, "bulkhead: {max-concurrent-calls: 1}"), false))
                .as("in process, limited by its council").isEqualTo("503 council-busy");
    }

    /** What a second call made while the first is in flight comes to, for a provider that is remote or not. */
    private String nestedCall(SchedulerGuards guards, boolean remote) {
        AtomicReference<SchedulerProvider> self = new AtomicReference<>();
        AtomicReference<String> second = new AtomicReference<>();
        self.set(guards.protect("lincoln", "probe", remote, lincoln, (callTimeout, permits) -> new Searching(() -> {
            if (second.get() == null) {
                second.set("calling");
                try {
                    self.get().search(null);
                    second.set("answered");
                } catch (CouncilUnavailableException e) {
                    second.set(e.councilBusy() ? "503 council-busy" : "503 scheduler-unavailable");
                }
            }
        })));
        try {
            self.get().search(null);
            return second.get();
        } finally {
            guards.shutdown();
        }
    }

    /** Guards whose council {@code lincoln} has these {@code resilience} settings, given in YAML. */
    private SchedulerGuards guards(String lincolnResilience) {
        return guards("{}", lincolnResilience);
    }

    /** Guards with these server-wide {@code resilience} settings, and these of council {@code lincoln}. */
    private SchedulerGuards guards(String serverWide, String lincolnResilience) {
        SlotbridgeConfiguration configuration = OperatorYaml.load("""
                slotbridge:
                  signing-key: a-signing-key-of-at-least-32-characters
                  resilience:
                """ + serverWide.indent(4) + """
                  councils:
                    lincoln:
                      provider: sandbox
                      resilience:
                """ + lincolnResilience.indent(8));
        lincoln = configuration.root().entries("councils").get("lincoln").section("resilience");
        return new SchedulerGuards(configuration, new TestClock(Instant.parse("2026-03-01T09:00:00Z")),
                new SchedulerMetrics(new SimpleMeterRegistry()), new Tracing(OpenTelemetry.noop()));
    }

    /** Searches by running the given action, and finds nothing. */
    private record Searching(Runnable action) implements SchedulerProvider {
        @Override
        public Set<Capability> capabilities() {
            return EnumSet.of(Capability.SEARCH);
        }

        @Override
        public List<Slot> search(SlotQuery query) {
            action.run();
            return List.of();
        }
    }

    /** What a fanned-out search does: takes as many extra permits as it can get, then gives them back. */
    private static void takeEveryExtraPermitThenGiveThemBack(CallPermits permits, List<Boolean> taken) {
        boolean first = permits.tryAcquire();
        boolean second = permits.tryAcquire();
        taken.add(first);
        taken.add(second);
        if (first) {
            permits.release();
        }
        if (second) {
            permits.release();
        }
    }
}

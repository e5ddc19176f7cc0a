package dev.slotbridge.http.metrics;

import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.engine.error.Fault;
import dev.slotbridge.engine.metrics.ServiceLevelBuckets;
import dev.slotbridge.engine.metrics.TimerOnFirstUse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.web.router.Router;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service-level meters of each council's API, what the SLO rules in {@code deploy/prometheus} read:
 * {@code slotbridge_api_requests_total} (council, operation, {@link Fault}) counts every answer, and
 * {@code slotbridge_api_request_seconds} (council, operation) times the answers given as asked ({@link Fault#NONE}),
 * so a slow failure does not hide in the latency objective and a fast refusal does not flatter it. The counters exist
 * from start-up for every configured council and operation, the timer from its first recording ({@link
 * TimerOnFirstUse}); a council id that is not configured (a 404) is not recorded, so callers cannot add series.
 */
@Singleton
public final class ApiRequestMetrics {
    static final String REQUESTS = "slotbridge.api.requests";
    static final String LATENCY = "slotbridge.api.request";

    /** One council operation's meters. */
    private record Meters(Map<Fault, Counter> answers, TimerOnFirstUse latency) {
    }

    private final Map<String, Map<String, Meters>> councils = new HashMap<>();

    public ApiRequestMetrics(MeterRegistry registry, SlotbridgeConfiguration configuration, Router router) {
        List<String> operations = router.uriRoutes().filter(ApiRoute::isCouncilApi).map(ApiRoute::operation)
                .distinct().sorted().toList();
        for (String council : configuration.root().entries("councils").keySet()) {
            Map<String, Meters> meters = new HashMap<>();
            for (String operation : operations) {
                Map<Fault, Counter> answers = new EnumMap<>(Fault.class);
                for (Fault fault : Fault.values()) {
                    answers.put(fault, Counter.builder(REQUESTS)
                            .description("Answers of each council's API, by whose fault a failure was")
                            .tags("council", council, "operation", operation, "fault", fault.tag()).register(registry));
                }
                meters.put(operation, new Meters(answers, new TimerOnFirstUse(() -> ServiceLevelBuckets.apply(Timer.builder(LATENCY))
                        .description("Time to answer each council's API requests that succeeded")
                        .tags("council", council, "operation", operation).register(registry))));
            }
            councils.put(council, Map.copyOf(meters));
        }
    }

    /** Records the answer to a request of a council's API (nothing for other routes or unknown councils). */
    public void record(ApiRoute route, Fault fault, Duration took) {
        Meters meters = councils.getOrDefault(route.council(), Map.of()).get(route.operation());
        if (meters == null) {
            return;
        }
        meters.answers().get(fault).increment();
        if (fault == Fault.NONE) {
            meters.latency().record(took);
        }
    }
}

package dev.slotbridge.engine.events;

import dev.slotbridge.engine.metrics.WebhookMetrics;
import dev.slotbridge.engine.store.StoreUnavailableException;
import dev.slotbridge.engine.tracing.Tracing;
import dev.slotbridge.spi.support.ExchangeObserver;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Sends due deliveries, every second on every replica: each is claimed from the outbox by one replica for a minute
 * (so an attempt is made once, and a replica that dies mid-attempt leaves it due again), then POSTed to its
 * endpoint, signed (Standard Webhooks), as {@code application/cloudevents+json}. A 2xx ends it; anything else is a
 * failed attempt, tried again on the {@link RetrySchedule} and dead-lettered after the last. Each endpoint has its
 * own bound on attempts in flight, its own timeout and its own circuit breaker (opened by attempts that could not
 * connect or timed out — half of the last 10, at least 5 — for 60 s, during which its deliveries wait without using
 * up their attempts; an endpoint that answers, even with an error, is not one that holds anything up), and attempts
 * run concurrently, so a receiver that is down or slow holds up none of the others.
 */
@Singleton
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final Duration LEASE = Duration.ofMinutes(1);
    /** How long a delivery waits when its endpoint already has its maximum of attempts in flight. */
    static final Duration BUSY_DELAY = Duration.ofSeconds(1);
    /** How long an endpoint's circuit stays open; its deliveries wait that long, no attempt counted. */
    static final Duration CIRCUIT_OPEN = Duration.ofSeconds(60);
    private static final int BATCH = 200;

    private final DeliveryStore outbox;
    private final WebhookEndpoints endpoints;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final RetrySchedule retries = new RetrySchedule(RandomGenerator.getDefault());
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(executor)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<WebhookEndpoint, Gate> gates = new ConcurrentHashMap<>();
    private final Tracing tracing;
    private final JsonMapper json;

    /** An endpoint's bound on attempts in flight, and its circuit. */
    private record Gate(Semaphore inFlight, CircuitBreaker circuit) {
    }

    WebhookDispatcher(DeliveryStore outbox, WebhookEndpoints endpoints, WebhookMetrics metrics, Clock clock,
                      Tracing tracing, JsonMapper json) {
        this.tracing = tracing;
        this.json = json;
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.metrics = metrics;
        this.clock = clock;
        for (String client : endpoints.clients()) {
            metrics.client(client, () -> oldestPendingSeconds(client));
        }
    }

    @Scheduled(fixedDelay = "${slotbridge.webhooks.dispatch-interval:1s}",
            initialDelay = "${slotbridge.webhooks.dispatch-interval:1s}")
    void tick() {
        dispatch();
    }

    /**
     * Starts an attempt for every due delivery and returns at once; the future completes when those attempts have
     * ended (tests wait on it). While the store is down nothing is sent.
     */
    public CompletableFuture<Void> dispatch() {
        Instant now = clock.instant();
        List<Delivery> due;
        try {
            due = outbox.claimDue(now, now.plus(LEASE), BATCH);
        } catch (StoreUnavailableException e) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(due.stream().map(this::attempt).toArray(CompletableFuture[]::new));
    }

    /** The event's {@code traceparent} (the trace of the request that made it), or null. */
    private String traceparent(Delivery delivery) {
        try {
            Object value = json.readValue(delivery.body(), Map.class).get(EventPublisher.TRACEPARENT);
            return value instanceof String traceparent ? traceparent : null;
        } catch (IOException e) {
            return null;
        }
    }

    private CompletableFuture<Void> attempt(Delivery delivery) {
        WebhookEndpoint endpoint = endpoints.find(delivery.client(), delivery.endpoint()).orElse(null);
        if (endpoint == null) {
            record(delivery.failedAttempt("the endpoint is no longer configured", delivery.nextAttemptAt(), true));
            return CompletableFuture.completedFuture(null);
        }
        Gate gate = gates.computeIfAbsent(endpoint, this::gate);
        if (!gate.inFlight().tryAcquire()) {
            safely(() -> outbox.postpone(delivery, clock.instant().plus(BUSY_DELAY)));
            return CompletableFuture.completedFuture(null);
        }
        if (!gate.circuit().tryAcquirePermission()) {
            gate.inFlight().release();
            safely(() -> outbox.postpone(delivery, clock.instant().plus(CIRCUIT_OPEN)));
            return CompletableFuture.completedFuture(null);
        }
        long timestamp = clock.instant().getEpochSecond();
        ExchangeObserver.Exchange traced = tracing.webhookDelivery(traceparent(delivery), delivery.client(), endpoint.url());
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.url()).timeout(endpoint.timeout());
        traced.headers().forEach(builder::header);
        HttpRequest request = builder
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("webhook-id", delivery.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(endpoint.key(), delivery.eventId(), timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build();
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            gate.inFlight().release();
            traced.ended(error == null ? response.statusCode() : 0, error);
            long took = System.nanoTime() - started;
            if (error == null) {
                gate.circuit().onSuccess(took, TimeUnit.NANOSECONDS);
            }
            if (error == null && response.statusCode() / 100 == 2) {
                record(delivery.delivered());
                metrics.delivered(delivery.client());
            } else {
                String why = error == null ? "HTTP " + response.statusCode()
                        : error.getCause() instanceof HttpTimeoutException || error instanceof HttpTimeoutException
                        ? "timeout after " + endpoint.timeout().toMillis() + " ms" : "could not connect or send";
                if (error != null) {
                    gate.circuit().onError(took, TimeUnit.NANOSECONDS, new IllegalStateException(why));
                }
                failed(delivery, why);
            }
            return null;
        });
    }

    private void failed(Delivery delivery, String why) {
        int failures = delivery.attempts() + 1;
        Instant now = clock.instant();
        var next = retries.next(now, failures);
        record(delivery.failedAttempt(why, next.orElse(now), next.isEmpty()));
        metrics.failedAttempt(delivery.client());
        if (next.isEmpty()) {
            metrics.deadLettered(delivery.client());
            LOG.warn("Webhook delivery {} to client '{}' dead-lettered after {} attempts ({})", delivery.id(),
                    delivery.client(), failures, why);
        }
    }

    private void record(Delivery delivery) {
        safely(() -> outbox.update(delivery));
    }

    /** A store that is down leaves the delivery claimed: it is due again when the claim ends. */
    private static void safely(Runnable write) {
        try {
            write.run();
        } catch (StoreUnavailableException e) {
            LOG.warn("The store is unavailable: a webhook delivery's outcome is recorded when its claim ends");
        }
    }

    private double oldestPendingSeconds(String client) {
        try {
            return outbox.oldestPending(client)
                    .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0)).orElse(0.0);
        } catch (StoreUnavailableException e) {
            return Double.NaN;
        }
    }

    private Gate gate(WebhookEndpoint endpoint) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom().slidingWindowSize(10).minimumNumberOfCalls(5)
                .failureRateThreshold(50).waitDurationInOpenState(CIRCUIT_OPEN).clock(clock).build();
        return new Gate(new Semaphore(endpoint.maxConcurrent()),
                CircuitBreaker.of("webhook-" + endpoint.client() + "-" + endpoint.index(), config));
    }

    @PreDestroy
    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }
}

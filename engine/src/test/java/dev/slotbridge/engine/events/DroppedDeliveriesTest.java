package dev.slotbridge.engine.events;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.slotbridge.engine.metrics.WebhookMetrics;
import dev.slotbridge.tck.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every dropped delivery is counted; the WARN about an endpoint comes at most once a minute, with the count since. */
final class DroppedDeliveriesTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DroppedDeliveries dropped = new DroppedDeliveries(new WebhookMetrics(registry), new OutboxBound(1000), clock);
    private final Logger logger = (Logger) LoggerFactory.getLogger(DroppedDeliveries.class);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        logger.addAppender(captured);
    }

    @AfterEach
    void release() {
        logger.detachAppender(captured);
    }

    private List<String> warnings() {
        return captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private double counted(String client) {
        return registry.get("slotbridge.webhook.deliveries.dropped").tag("client", client).counter().count();
    }

    @Test
    void eachDropIsCountedAndEachEndpointWarnedOfAtMostOnceAMinute() {
        dropped.report(List.of(new DeliveryStore.Dropped("portal", 0, 1)));
        clock.advance(Duration.ofSeconds(30));
        dropped.report(List.of(new DeliveryStore.Dropped("portal", 0, 2), new DeliveryStore.Dropped("portal", 1, 1)));
        clock.advance(Duration.ofSeconds(20));
        dropped.report(List.of(new DeliveryStore.Dropped("portal", 0, 1)));
        assertThat(warnings()).hasSize(2);

        clock.advance(Duration.ofSeconds(10));
        dropped.report(List.of(new DeliveryStore.Dropped("portal", 0, 1)));

        assertThat(counted("portal")).isEqualTo(6.0);
        assertThat(warnings()).hasSize(3);
        assertThat(warnings().getFirst()).startsWith("Client 'portal', webhook endpoint 0:").contains("dropped 1 ");
        assertThat(warnings().get(1)).startsWith("Client 'portal', webhook endpoint 1:").contains("dropped 1 ");
        assertThat(warnings().get(2)).as("the drops since the first warning").contains("dropped 4 ");
        assertThat(captured.list).allSatisfy(event -> assertThat(event.getLevel().toString()).isEqualTo("WARN"));
    }
}

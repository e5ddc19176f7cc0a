package dev.slotbridge.engine.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.FakeCouncils;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request line says how much of a request was spent in exchanges with the scheduler and how much outside them
 * (what Slotbridge adds), counting concurrent exchanges once: a 14-day DRS search makes its two 300 ms
 * {@code checkAvailability} calls at once, so it waits for one of them, not two.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class AddedLatencyApiTest implements TestPropertyProvider {
    private static final Pattern TIMES = Pattern.compile("duration_ms=(\\d+) .*scheduler_us=(\\d+) outside_us=(\\d+)");
    private final FakeDrs drs = new FakeDrs();
    private final WireMockServer gateway = FakeDrs.server(drs);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        gateway.start();
        Map<String, String> properties = new java.util.HashMap<>(FakeCouncils.drs("lincoln", gateway));
        properties.put("slotbridge.clients.ops.councils", "lincoln");
        return properties;
    }

    @AfterAll
    void stop() {
        gateway.stop();
    }

    @Test
    void theTimeOutsideTheSchedulersExchangesIsLoggedPerRequest() {
        Api api = new Api(server.getURI(), json);
        api.post(OPS_KEY, "/v1/councils/lincoln/appointment-search", Requests.search("2026-03-02", "2026-03-02"));
        drs.delay("checkAvailability", Duration.ofMillis(300));
        Logger requests = (Logger) LoggerFactory.getLogger("dev.slotbridge.request");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        requests.addAppender(captured);
        requests.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            assertThat(api.post(OPS_KEY, "/v1/councils/lincoln/appointment-search", Requests.search("2026-03-02", "2026-03-15"))
                    .status()).isEqualTo(200);
        } finally {
            requests.detachAppender(captured);
            requests.setLevel(null);
        }

        String line = captured.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.contains("path=/v1/councils/lincoln/appointment-search")).findFirst().orElseThrow();
        assertThat(line).contains("scheduler_exchanges=2");
        Matcher times = TIMES.matcher(line);
        assertThat(times.find()).as(line).isTrue();
        long durationMicros = Long.parseLong(times.group(1)) * 1000;
        long scheduler = Long.parseLong(times.group(2));
        long outside = Long.parseLong(times.group(3));
        assertThat(scheduler).as("two exchanges of 300 ms at once, counted once: " + line).isBetween(300_000L, 599_000L);
        assertThat(outside).as(line).isPositive().isLessThan(durationMicros - scheduler + 1000);
    }
}

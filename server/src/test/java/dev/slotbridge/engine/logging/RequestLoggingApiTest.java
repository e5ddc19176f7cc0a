package dev.slotbridge.engine.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.tck.TestClock;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.slotbridge.server.testing.Api.DEMO_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One INFO line per request; a line per scheduler call at DEBUG when it succeeded, tied to its request by the request
 * id; nothing personal or secret in any of them. Every answer carries the id and its date.
 */
@MicronautTest
final class RequestLoggingApiTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestClock clock;

    private final Logger slotbridge = (Logger) LoggerFactory.getLogger("dev.slotbridge");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Api api;

    @BeforeEach
    void capture() {
        api = new Api(server.getURI(), json);
        captured.start();
        slotbridge.addAppender(captured);
        slotbridge.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterEach
    void release() {
        slotbridge.detachAppender(captured);
        slotbridge.setLevel(null);
    }

    @Test
    void aRequestIdIsEchoedAndTiesTheRequestLineToItsSchedulerCalls() {
        slotbridge.setLevel(ch.qos.logback.classic.Level.DEBUG);
        Reply reply = api.post(DEMO_KEY, "/v1/councils/sandbox/appointment-search",
                Requests.search("2026-03-02", "2026-03-03"), Map.of("X-Request-Id", "portal-4711"));

        assertThat(reply.header("X-Request-Id")).isEqualTo("portal-4711");
        assertThat(lines("dev.slotbridge.request")).anySatisfy(line -> assertThat(line)
                .contains("request_id=portal-4711", "method=POST", "path=/v1/councils/sandbox/appointment-search",
                        "council=sandbox", "operation=search", "status=200", "client=sandbox-demo", "address=127.0.0.1"));
        assertThat(captured.list).filteredOn(event -> event.getLoggerName().equals("dev.slotbridge.scheduler"))
                .anySatisfy(event -> {
                    assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "portal-4711");
                    assertThat(event.getFormattedMessage()).contains("council=sandbox", "operation=search",
                            "outcome=success", "duration_ms=");
                });
    }

    @Test
    void theLineNamesTheCallersTraceOrANewOne() {
        api.post(DEMO_KEY, "/v1/councils/sandbox/appointment-search", Requests.search("2026-03-02", "2026-03-03"),
                Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"));
        Reply refused = api.post(DEMO_KEY, "/v1/councils/sandbox/appointment-search", Map.of());

        assertThat(lines("dev.slotbridge.request")).anySatisfy(line -> assertThat(line)
                .contains("trace_id=4bf92f3577b34da6a3ce929d0e0e4736", "status=200"));
        assertThat(refused.string("traceId")).matches("[0-9a-f]{32}");
        assertThat(lines("dev.slotbridge.request")).anySatisfy(line -> assertThat(line)
                .contains("trace_id=" + refused.string("traceId"), "status=400"));
    }

    @Test
    void atInfoASuccessfulSchedulerCallIsOnlyInItsRequestLine() {
        api.post(DEMO_KEY, "/v1/councils/sandbox/appointment-search", Requests.search("2026-03-02", "2026-03-03"));

        assertThat(lines("dev.slotbridge.scheduler")).isEmpty();
        assertThat(lines("dev.slotbridge.request")).anySatisfy(line -> assertThat(line)
                .contains("path=/v1/councils/sandbox/appointment-search", "status=200", "scheduler_exchanges=0",
                        "scheduler_us=", "outside_us="));
    }

    @Test
    void aMissingOrUnsafeRequestIdIsReplacedByAGeneratedOne() {
        Reply none = api.get(DEMO_KEY, "/v1/councils");
        Reply unsafe = api.send(DEMO_KEY, java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/v1/councils"))
                .header("X-Request-Id", "x\ty=<script>"), Map.of());

        assertThat(none.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(unsafe.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(api.get(null, "/v1/councils").header("X-Request-Id")).as("401s too").matches("[0-9a-f-]{36}");
    }

    @Test
    void noPersonalDataOrKeyReachesTheLogs() {
        String slotId = (String) api.post(DEMO_KEY, "/v1/councils/sandbox/appointment-search",
                Requests.search("2026-03-02", "2026-03-06")).list("slots").getFirst().get("slotId");
        api.post(DEMO_KEY, "/v1/councils/sandbox/bookings", Requests.book(slotId, "HMS-LOG-1"));
        LoggerFactory.getLogger("dev.slotbridge.test").info("careless line: ann@example.org 07700900123");

        List<String> rendered = captured.list.stream().map(RequestLoggingApiTest::render).toList();

        assertThat(rendered).anySatisfy(line -> assertThat(line).contains("careless line: a***@example.org ***23"));
        assertThat(String.join("\n", rendered)).doesNotContain("07700900123").doesNotContain("ann@example.org")
                .doesNotContain(DEMO_KEY).doesNotContain("Dog in garden");
    }

    @Test
    void everyAnswerIsDatedToTheSecondByTheServersClockInTheHttpForm() {
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Reply ok = api.get(DEMO_KEY, "/v1/councils");
        clock.advance(Duration.ofMillis(1500));
        Reply refused = api.get(null, "/v1/councils");

        assertThat(ok.header("Date")).matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(httpDate(ok.header("Date"))).isEqualTo(at);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(httpDate(refused.header("Date"))).isEqualTo(at.plusSeconds(1));
        assertThat(ok.headers().entrySet()).filteredOn(header -> header.getKey().equalsIgnoreCase("Date"))
                .singleElement().satisfies(header -> assertThat(header.getValue()).hasSize(1));
    }

    private static Instant httpDate(String text) {
        return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text));
    }

    private List<String> lines(String logger) {
        return captured.list.stream().filter(event -> event.getLoggerName().equals(logger))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The event as the configured console appender writes it, masking included. */
    private static String render(ILoggingEvent event) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var console = (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
        return ((PatternLayoutEncoder) console.getEncoder()).getLayout().doLayout(event);
    }
}

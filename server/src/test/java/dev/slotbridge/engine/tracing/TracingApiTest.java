package dev.slotbridge.engine.tracing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.slotbridge.engine.events.WebhookDispatcher;
import dev.slotbridge.provider.connect.FakeConnect;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.server.testing.WebhookReceiver;
import dev.slotbridge.server.tracing.OpenTelemetryFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace follows a booking from the caller's {@code traceparent} through Slotbridge into DRS and out to the
 * webhook receiver: the API's server span, a span per scheduler call attempt, a client span per SOAP exchange, each
 * exchange carrying its span's {@code traceparent} to the DRS fake; Connect's requests (token included) carry the
 * trace too; the request log line and problem answers name the trace id. Spans are read from the OpenTelemetry SDK's
 * in-memory exporter, which replaces the configured SDK here. Configured by {@code operator/callbacks-api.yml}
 * (a DRS council "lincoln", a Connect council "leeds", "ops" receiving its bookings' events).
 */
@MicronautTest(propertySources = "classpath:operator/callbacks-api.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingApiTest implements TestPropertyProvider {
    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    /** The SDK with the in-memory exporter, for this test only. */
    @Factory
    @Requires(property = "tracing-api-test", value = "true")
    static class InMemoryTracing {
        @Singleton
        @Replaces(bean = OpenTelemetrySdk.class, factory = OpenTelemetryFactory.class)
        OpenTelemetrySdk openTelemetry() {
            return OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build()).build();
        }
    }

    final FakeDrs drs = new FakeDrs();
    final WireMockServer drsServer = FakeDrs.server(drs);
    final FakeConnect connect = new FakeConnect();
    final WireMockServer connectServer = FakeConnect.server(connect);
    final WebhookReceiver opsReceiver = WebhookReceiver.start();
    final WebhookReceiver otherReceiver = WebhookReceiver.start();
    private final Logger requests = (Logger) LoggerFactory.getLogger("dev.slotbridge.request");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    WebhookDispatcher dispatcher;
    Api api;

    @Override
    public Map<String, String> getProperties() {
        drsServer.start();
        connectServer.start();
        return Map.of("fakes.drs-endpoint", drsServer.baseUrl() + FakeDrs.PATH,
                "fakes.connect-base-url", connectServer.baseUrl() + FakeConnect.BASE,
                "receivers.ops", opsReceiver.uri().toString(), "receivers.other", otherReceiver.uri().toString(),
                "tracing-api-test", "true");
    }

    @BeforeEach
    void start() {
        api = new Api(server.getURI(), json);
        dispatcher.dispatch().join();
        opsReceiver.reset();
        drsServer.resetRequests();
        connectServer.resetRequests();
        logged.start();
        requests.addAppender(logged);
        requests.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterEach
    void detach() {
        requests.detachAppender(logged);
        requests.setLevel(null);
    }

    @AfterAll
    void stop() {
        drsServer.stop();
        connectServer.stop();
        opsReceiver.close();
        otherReceiver.close();
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + CALLER_SPAN + "-01";
    }

    private static List<SpanData> trace(String traceId) {
        return SPANS.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private String slot(String council, String day) {
        return (String) api.post(OPS_KEY, council + "/appointment-search", Requests.search(day, day))
                .list("slots").getFirst().get("slotId");
    }

    private List<String> logLines() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aDrsBookingIsOneTraceFromTheCallerThroughEverySoapCallToTheWebhook() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String slotId = slot("/v1/councils/lincoln", "2026-03-03");
        drsServer.resetRequests();

        Reply booked = api.post(OPS_KEY, "/v1/councils/lincoln/bookings", Requests.book(slotId, "TRACE-1"),
                Map.of("traceparent", traceparent(traceId)));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);

        List<SpanData> spans = trace(traceId);
        List<SpanData> servers = spans.stream().filter(span -> span.getKind() == SpanKind.SERVER).toList();
        assertThat(servers).hasSize(1);
        SpanData request = servers.getFirst();
        assertThat(request.getParentSpanId()).isEqualTo(CALLER_SPAN);
        assertThat(request.getName()).isEqualTo("POST /v1/councils/{council}/bookings");
        assertThat(request.getAttributes().get(Tracing.COUNCIL)).isEqualTo("lincoln");
        assertThat(request.getAttributes().get(Tracing.OPERATION)).isEqualTo("book");
        assertThat(request.getAttributes().get(Tracing.STATUS)).isEqualTo(201L);
        List<SpanData> calls = spans.stream().filter(span -> span.getKind() == SpanKind.INTERNAL).toList();
        assertThat(calls).isNotEmpty().allSatisfy(call -> {
            assertThat(call.getParentSpanId()).isEqualTo(request.getSpanId());
            assertThat(call.getAttributes().get(Tracing.PROVIDER)).isEqualTo("drs");
            assertThat(call.getAttributes().get(Tracing.ATTEMPT)).isEqualTo(1L);
            assertThat(call.getAttributes().get(Tracing.OUTCOME)).isEqualTo("success");
        });
        assertThat(calls).extracting(call -> call.getAttributes().get(Tracing.OPERATION)).contains("book");
        Set<String> callIds = calls.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        List<SpanData> exchanges = spans.stream().filter(span -> span.getKind() == SpanKind.CLIENT).toList();
        assertThat(exchanges).allSatisfy(exchange -> {
            assertThat(callIds).contains(exchange.getParentSpanId());
            assertThat(exchange.getAttributes().get(Tracing.STATUS)).isEqualTo(200L);
        });

        List<ServeEvent> soapCalls = drsServer.getAllServeEvents();
        assertThat(soapCalls).isNotEmpty().hasSameSizeAs(exchanges);
        Set<String> exchangeIds = exchanges.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        assertThat(soapCalls).allSatisfy(call -> {
            String[] sent = call.getRequest().getHeader("traceparent").split("-");
            assertThat(sent[1]).isEqualTo(traceId);
            assertThat(exchangeIds).contains(sent[2]);
        });

        assertThat(logLines()).anySatisfy(line -> assertThat(line).contains("path=/v1/councils/lincoln/bookings",
                "status=201", "trace_id=" + traceId));

        dispatcher.dispatch().join();
        WebhookReceiver.Received delivered = opsReceiver.next(Duration.ofSeconds(10));
        assertThat(delivered).isNotNull();
        assertThat(delivered.header("traceparent")).startsWith("00-" + traceId + "-");
        assertThat(json.readValue(delivered.body(), Map.class).get("traceparent").toString())
                .startsWith("00-" + traceId + "-");
        assertThat(trace(traceId)).anySatisfy(span -> {
            assertThat(span.getName()).isEqualTo("webhook POST");
            assertThat(span.getAttributes().get(Tracing.CLIENT)).isEqualTo("ops");
            assertThat(delivered.header("traceparent")).contains("-" + span.getSpanId() + "-");
        });
    }

    @Test
    void connectRequestsCarryTheTraceTokenRequestIncluded() {
        String traceId = "5bf92f3577b34da6a3ce929d0e0e4737";
        Map<String, Object> search = Requests.search("2026-03-03", "2026-03-03");
        search.put("externalRef", "TRACE-2");
        Reply searched = api.post(OPS_KEY, "/v1/councils/leeds/appointment-search", search,
                Map.of("traceparent", traceparent(traceId)));
        assertThat(searched.status()).as(searched.text()).isEqualTo(200);

        List<ServeEvent> calls = connectServer.getAllServeEvents();
        assertThat(calls).isNotEmpty().allSatisfy(call ->
                assertThat(call.getRequest().getHeader("traceparent")).startsWith("00-" + traceId + "-"));
        assertThat(trace(traceId)).filteredOn(span -> span.getKind() == SpanKind.CLIENT).hasSameSizeAs(calls);
    }

    @Test
    void aProblemAnswerAndItsLogLineNameTheCallersTrace() {
        String traceId = "6bf92f3577b34da6a3ce929d0e0e4738";
        Reply refused = api.post(OPS_KEY, "/v1/councils/lincoln/bookings", Map.of("slotId", "nonsense"),
                Map.of("traceparent", traceparent(traceId)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("traceId")).isEqualTo(traceId);
        assertThat(logLines()).anySatisfy(line -> assertThat(line).contains("status=400", "trace_id=" + traceId));
    }

    @Test
    void withoutATraceparentANewTraceIsNamedInTheProblemAndTheLogLine() {
        Reply missing = api.get(OPS_KEY, "/v1/councils/nowhere/bookings/x");
        String traceId = missing.string("traceId");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(logLines()).anySatisfy(line -> assertThat(line).contains("status=404", "trace_id=" + traceId));
    }

    @Test
    void aMalformedTraceparentStartsANewTrace() {
        Reply missing = api.send(OPS_KEY, HttpRequest.newBuilder(api.uri("/v1/councils/nowhere/bookings/x")).GET(),
                Map.of("traceparent", "00-zzzz-" + CALLER_SPAN + "-01"));

        assertThat(missing.string("traceId")).matches("[0-9a-f]{32}");
        assertThat(trace(missing.string("traceId"))).singleElement()
                .satisfies(span -> assertThat(span.getParentSpanId()).isEqualTo("0".repeat(16)));
    }
}

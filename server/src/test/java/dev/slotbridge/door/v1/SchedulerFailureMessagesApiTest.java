package dev.slotbridge.door.v1;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.connect.FakeConnect;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.server.testing.ScriptedProvider;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduler failing is answered by the kind of failure alone, in no vendor's words: the same {@code detail} whatever
 * the provider's message, naming none of it, while the log line of the call keeps the provider's detail, with no
 * secret. A login refused by DRS, Connect and ServiceMobility (each on its fake, with wrong credentials configured) is
 * one answer; on a scripted scheduler, each kind of failure thrown with two vendors' messages is one answer per kind.
 * Configured by {@code operator/scheduler-failure-messages.yml}.
 */
@MicronautTest(propertySources = "classpath:operator/scheduler-failure-messages.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class SchedulerFailureMessagesApiTest extends ApiTestBase implements TestPropertyProvider {
    /** Words that belong to one vendor's protocol, never to an answer. */
    private static final List<String> VENDOR_WORDS = List.of("DRS", "Connect", "ServiceMobility", "SOAP", "session",
            "login", "token", "OAuth", "username", "password", "visit", "order", "HTTP", "Invalid Logon", "fault");
    private static final List<String> CONFIGURED_SECRETS = List.of("not-the-drs-password-4711",
            "not-the-connect-password-4711", "not-the-servicemobility-token-4711");

    private final WireMockServer gateway = FakeDrs.server(new FakeDrs());
    private final WireMockServer connect = FakeConnect.server(new FakeConnect());
    private final WireMockServer serviceMobility = new WireMockServer(options().dynamicPort());
    private final Logger calls = (Logger) LoggerFactory.getLogger("dev.slotbridge.scheduler");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @Override
    public Map<String, String> getProperties() {
        gateway.start();
        connect.start();
        serviceMobility.start();
        serviceMobility.stubFor(post(urlPathEqualTo("/search"))
                .willReturn(aResponse().withStatus(401).withBody("Invalid Logon")));
        return Map.of("fakes.drs-endpoint", gateway.baseUrl() + FakeDrs.PATH,
                "fakes.connect-base-url", connect.baseUrl() + FakeConnect.BASE,
                "fakes.servicemobility-url", serviceMobility.baseUrl());
    }

    @BeforeEach
    void capture() {
        logged.list.clear();
        logged.start();
        calls.addAppender(logged);
    }

    @AfterEach
    void release() {
        calls.detachAppender(logged);
    }

    @AfterAll
    void stop() {
        gateway.stop();
        connect.stop();
        serviceMobility.stop();
    }

    private Reply search(String council) {
        Map<String, Object> search = Requests.search("2026-03-02", "2026-03-02");
        search.put("externalRef", "HMS-FAIL-1");
        return api.post(OPS_KEY, "/v1/councils/" + council + "/appointment-search", search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lincoln", "leeds", "servicemob"})
    void aLoginTheSchedulerRefusesIsAnsweredInNoVendorsWordsAndItsDetailIsLogged(String council) {
        Reply reply = search(council);

        assertProblem(reply, 502, "scheduler-error");
        assertThat(reply.string("detail")).isEqualTo("The scheduler refused the credentials configured for this "
                + "council: an operator must correct the council's settings");
        assertThat(reply.text()).doesNotContain(CONFIGURED_SECRETS);
        assertThat(callLine(council)).as("the vendor's detail, in the log only")
                .containsAnyOf("DRS refused to open a session", "Connect refused the configured username and password",
                        "ServiceMobility rejected the access token")
                .doesNotContain(CONFIGURED_SECRETS);
    }

    /** Each kind of scheduler failure, thrown with one vendor's message and with another's, and its answer. */
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(502, "scheduler-error", failures(
                        () -> new SchedulerCredentialsRejectedException("DRS refused to open a session for the configured login"),
                        () -> new SchedulerCredentialsRejectedException("Connect refused a fresh access token (HTTP 401) for /api/Availability"))),
                Arguments.of(502, "scheduler-error", failures(
                        () -> new SchedulerUnavailableException("DRS SOAP endpoint refused the connection", true, new ConnectException("refused")),
                        () -> new SchedulerUnavailableException("Connect https://leeds.connect.example unknown host", true, null))),
                Arguments.of(502, "scheduler-error", failures(
                        () -> new SchedulerUnavailableException("DRS answered a SOAP fault: Object reference not set", false, null),
                        () -> new SchedulerUnavailableException("ServiceMobility answered HTTP 503 Service Unavailable", false, null))),
                Arguments.of(504, "scheduler-timeout", failures(
                        () -> new SchedulerTimeoutException("DRS getSlots got no answer within 5s", null),
                        () -> new SchedulerTimeoutException("Connect /api/Availability read timed out", null))),
                Arguments.of(502, "scheduler-error", failures(
                        () -> new SchedulerResponseException("DRS answered <html>Gateway login page</html>", null),
                        () -> new SchedulerResponseException("Connect answered a visit without a PlanningWindowStart", null))));
    }

    private static List<Supplier<ProviderException>> failures(Supplier<ProviderException> one, Supplier<ProviderException> other) {
        return List.of(one, other);
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachKindOfFailureIsOneAnswerWhateverTheVendorSaid(int status, String type,
                                                           List<Supplier<ProviderException>> thrown) {
        ScriptedProvider scheduler = ScriptedProvider.of("failing");
        List<String> details = new java.util.ArrayList<>();
        for (Supplier<ProviderException> failure : thrown) {
            ProviderException exception = failure.get();
            logged.list.clear();
            scheduler.failNext(exception);

            Reply reply = search("failing");

            assertProblem(reply, status, type);
            details.add(reply.string("detail"));
            assertThat(reply.string("detail")).as("the answer to: " + exception.getMessage())
                    .doesNotContain(VENDOR_WORDS).doesNotContain(exception.getMessage());
            assertThat(callLine("failing")).as("the log keeps the vendor's detail").contains(exception.getMessage());
        }
        assertThat(details.get(1)).as("one answer for the kind, whichever vendor's words it came in")
                .isEqualTo(details.get(0));
    }

    /** The call's log line for the council, as the configured console appender writes it (masking included). */
    private String callLine(String council) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var console = (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
        return logged.list.stream().filter(event -> event.getFormattedMessage().contains("council=" + council + " "))
                .map(event -> ((PatternLayoutEncoder) console.getEncoder()).getLayout().doLayout(event))
                .reduce("", String::concat);
    }
}

package dev.slotbridge.provider.servicemobility;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.tck.TestClock;
import dev.slotbridge.tck.Unreachable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

/** The probe: one search for today's open slots, naming no account, against the fake backend. */
final class ServiceMobilityProbeTest {
    private static final FakeServiceMobility BACKEND = new FakeServiceMobility();
    private static final WireMockServer SERVER = FakeServiceMobility.server(BACKEND);
    /** Still 2 July in UTC, but already 3 July (00:30 BST) in London: the council's today is the 3rd. */
    private final TestClock clock = new TestClock(Instant.parse("2026-07-02T23:30:00Z"));

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @AfterEach
    void forget() {
        SERVER.resetRequests();
    }

    private static List<LoggedRequest> requests() {
        return SERVER.findAll(anyRequestedFor(anyUrl()));
    }

    @Test
    void theProbeSearchesTodaysOpenSlotsForNoAccountOnce() {
        SchedulerProvider provider = ServiceMobilityContractTest.provider(
                ServiceMobilityContractTest.settings(SERVER.baseUrl()), clock);

        assertThat(provider.probe()).isEqualTo(ProbeResult.REACHED);

        assertThat(requests()).singleElement().satisfies(request -> {
            assertThat(request.getUrl()).isEqualTo(FakeServiceMobility.SEARCH);
            assertThat(request.getBodyAsString()).doesNotContain("Account", "Location", "OriginalOrderNum")
                    .contains("\"Start\":\"2026-07-02T23:00:00.000Z\"", "\"End\":\"2026-07-03T23:00:00.000Z\"");
        });
    }

    @Test
    void aProbeWithAWrongTokenIsCredentialsRejectedAfterOneRequest() {
        Map<String, String> settings = new HashMap<>(ServiceMobilityContractTest.settings(SERVER.baseUrl()));
        settings.put("access-token", "wrong.jwt.token");

        assertThatThrownBy(ServiceMobilityContractTest.provider(settings, clock)::probe)
                .isInstanceOf(SchedulerCredentialsRejectedException.class).hasMessageNotContaining("wrong.jwt.token");
        assertThat(requests()).as("never repeated").hasSize(1);
    }

    @Test
    void aProbeOfABackendNobodyListensOnIsUnavailableAtOnce() {
        SchedulerProvider nowhere = ServiceMobilityContractTest.provider(
                ServiceMobilityContractTest.settings(Unreachable.baseUrl()), clock);

        assertTimeout(Duration.ofSeconds(2), () -> assertThatThrownBy(nowhere::probe).isInstanceOfSatisfying(
                SchedulerUnavailableException.class, e -> assertThat(e.requestNotSent()).isTrue()));
    }
}

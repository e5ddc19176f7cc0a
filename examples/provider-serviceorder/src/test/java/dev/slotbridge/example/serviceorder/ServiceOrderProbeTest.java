package dev.slotbridge.example.serviceorder;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.tck.Unreachable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

/** The probe: one read of the store's first page, against the fake API. */
final class ServiceOrderProbeTest {
    private static final WireMockServer SERVER = FakeServiceOrderApi.server(new FakeServiceOrderApi());

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
    void theProbeReadsOneOrderOnce() {
        assertThat(ServiceOrderContractTest.provider(ServiceOrderContractTest.settings(SERVER.baseUrl())).probe())
                .isEqualTo(ProbeResult.REACHED);

        assertThat(requests()).singleElement().satisfies(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("GET");
            assertThat(request.getUrl()).isEqualTo(FakeServiceOrderApi.ORDERS + "?page=1&pageSize=1");
        });
    }

    @Test
    void aProbeWithAWrongKeyIsCredentialsRejectedAfterOneRequest() {
        Map<String, String> settings = new HashMap<>(ServiceOrderContractTest.settings(SERVER.baseUrl()));
        settings.put("api-key", "wrong-api-key");

        assertThatThrownBy(ServiceOrderContractTest.provider(settings)::probe)
                .isInstanceOf(SchedulerCredentialsRejectedException.class).hasMessageNotContaining("wrong-api-key");
        assertThat(requests()).as("never repeated").hasSize(1);
    }

    @Test
    void aProbeOfAnApiNobodyListensOnIsUnavailableAtOnce() {
        var nowhere = ServiceOrderContractTest.provider(ServiceOrderContractTest.settings(Unreachable.baseUrl()));

        assertTimeout(Duration.ofSeconds(2), () -> assertThatThrownBy(nowhere::probe).isInstanceOfSatisfying(
                SchedulerUnavailableException.class, e -> assertThat(e.requestNotSent()).isTrue()));
    }
}

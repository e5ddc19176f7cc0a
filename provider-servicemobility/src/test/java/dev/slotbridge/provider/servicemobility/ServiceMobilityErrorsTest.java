package dev.slotbridge.provider.servicemobility;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the backend's failures and refusals reach the SPI. */
final class ServiceMobilityErrorsTest {
    private static final String SLOT_JSON = "{\"TimeConstraints\":[{\"Desc\":\"AM\",\"Period\":"
            + "{\"Start\":\"2026-03-02T08:00:00.000Z\",\"End\":\"2026-03-02T12:00:00.000Z\"}}]}";
    private final WireMockServer backend = new WireMockServer(options().dynamicPort());
    private SchedulerProvider provider;

    @BeforeEach
    void start() {
        backend.start();
        provider = ServiceMobilityContractTest.provider(ServiceMobilityContractTest.settings(backend.baseUrl()));
    }

    @AfterEach
    void stop() {
        backend.stop();
    }

    private static SlotQuery query() {
        return new SlotQuery(new Job("3670010", List.of(new JobCode("N373049", 1)), null, "HMS-1", null),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2));
    }

    private static BookingRequest booking() {
        return new BookingRequest(SlotKey.of("start", "2026-03-02T08:00:00.000Z", "end", "2026-03-02T12:00:00.000Z"),
                new Job("3670010", List.of(new JobCode("N373049", 1)), null, "HMS 1/2", "Tap"), null, null);
    }

    @Test
    void a401IsCredentialsRejectedWithoutTheToken() {
        backend.stubFor(post(urlPathEqualTo("/sm/appointments/search")).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> provider.search(query()))
                .isInstanceOf(SchedulerCredentialsRejectedException.class)
                .hasMessageContaining("access token").hasMessageNotContaining(FakeServiceMobility.TOKEN);
    }

    @Test
    void a403IsCredentialsRejectedToo() {
        backend.stubFor(post(urlPathEqualTo("/sm/appointments/search")).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> provider.search(query())).isInstanceOf(SchedulerCredentialsRejectedException.class)
                .hasMessageContaining("HTTP 403").hasMessageNotContaining(FakeServiceMobility.TOKEN);
    }

    @Test
    void a500IsSchedulerUnavailableThatMayHaveBeenSent() {
        backend.stubFor(post(urlPathEqualTo("/sm/appointments/search")).willReturn(aResponse().withStatus(500)
                .withBody("NullPointerException at com.example.Scheduler")));

        assertThatThrownBy(() -> provider.search(query())).isInstanceOfSatisfying(SchedulerUnavailableException.class,
                e -> assertThat(e.requestNotSent()).isFalse()).hasMessageNotContaining("NullPointer");
    }

    @Test
    void aResetConnectionIsSchedulerUnavailable() {
        backend.stubFor(post(urlPathEqualTo("/sm/appointments/search"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> provider.search(query())).isInstanceOf(SchedulerUnavailableException.class);
    }

    @Test
    void anUnreadableAnswerIsSchedulerResponse() {
        backend.stubFor(post(urlPathEqualTo("/sm/appointments/search")).willReturn(okJson("{\"TimeConstraints\": 7}")));

        assertThatThrownBy(() -> provider.search(query())).isInstanceOf(SchedulerResponseException.class);
    }

    @Test
    void aRefusalOfAStillOfferedSlotIsRejectedWithTheBackendsReason() {
        backend.stubFor(post(urlPathMatching("/sm/workorders/.*/followup")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"Message\":\"Account is on hold\"}")));
        backend.stubFor(post(urlPathEqualTo("/sm/appointments/search")).willReturn(okJson(SLOT_JSON)));

        assertThatThrownBy(() -> provider.book(booking())).isInstanceOf(RejectedBySchedulerException.class)
                .hasMessage("ServiceMobility refused the request (HTTP 400): Account is on hold");
        backend.verify(postRequestedFor(urlPathEqualTo("/sm/workorders/HMS%201%2F2/followup")));
    }

    @Test
    void anAnswerWithoutOrderNumForAGoneSlotIsSlotUnavailable() {
        backend.stubFor(post(urlPathMatching("/sm/workorders/.*/followup")).willReturn(okJson("{\"OrderNum\":\"\"}")));
        backend.stubFor(post(urlPathEqualTo("/sm/appointments/search")).willReturn(okJson("{\"TimeConstraints\":[]}")));

        assertThatThrownBy(() -> provider.book(booking())).isInstanceOf(SlotUnavailableException.class);
    }

    @Test
    void markupInARefusalIsNotPassedOn() {
        backend.stubFor(post(urlPathMatching("/sm/workorders/.*/followup")).willReturn(aResponse().withStatus(409)
                .withBody("<html><body>Conflict</body></html>")));
        backend.stubFor(post(urlPathEqualTo("/sm/appointments/search")).willReturn(okJson(SLOT_JSON)));

        assertThatThrownBy(() -> provider.book(booking())).hasMessage("ServiceMobility refused the request (HTTP 409)");
    }
}

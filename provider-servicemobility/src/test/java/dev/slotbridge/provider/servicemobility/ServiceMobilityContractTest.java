package dev.slotbridge.provider.servicemobility;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderSettings;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.SlotQuery;
import dev.slotbridge.tck.SchedulerProviderContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The ServiceMobility provider passes the TCK against a fake backend. Its stubs only answer requests with the
 * interfaces' headers and the objects' fields, so a request that drifts from the spec fails the contract.
 */
final class ServiceMobilityContractTest extends SchedulerProviderContract {
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.test.token";
    private static final String UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final FakeServiceMobility BACKEND = new FakeServiceMobility();
    private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort().extensions(BACKEND));

    @BeforeAll
    static void start() {
        SERVER.start();
        SERVER.stubFor(post(urlPathEqualTo("/sm/appointments/search"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("x-access-token", equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.Account.AccountNum", equalTo("3670010")))
                .withRequestBody(matchingJsonPath("$.Location.LocationNum", equalTo("3670010")))
                .withRequestBody(matchingJsonPath("$.OrderType", equalTo("Repair")))
                .withRequestBody(matchingJsonPath("$.TimeConstraints[0].Period.Start", matching(UTC)))
                .withRequestBody(matchingJsonPath("$.TimeConstraints[0].Period.End", matching(UTC)))
                .willReturn(aResponse().withTransformers(FakeServiceMobility.NAME)));
        SERVER.stubFor(post(urlPathMatching("/sm/workorders/TCK-[0-9]+/followup"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("x-access-token", equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.Account.AccountNum", equalTo("3670010")))
                .withRequestBody(matchingJsonPath("$.Location.LocNumber", equalTo("3670010")))
                .withRequestBody(matchingJsonPath("$.Location.Contacts[0].Phones[0].PhoneNum", equalTo("07700900123")))
                .withRequestBody(matchingJsonPath("$.OriginalOrderNum", matching("TCK-[0-9]+")))
                .withRequestBody(matchingJsonPath("$.Desc", equalTo("Kitchen tap leaking <under> the sink & \"dripping\"")))
                .withRequestBody(matchingJsonPath("$.ServiceCodes[0]", equalTo("N373049")))
                .withRequestBody(matchingJsonPath("$.TimeConstraints[0].Period.Start", matching(UTC)))
                .willReturn(aResponse().withTransformers(FakeServiceMobility.NAME)));
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @AfterEach
    void forgetBookings() {
        BACKEND.reset();
    }

    static SchedulerProvider provider(Map<String, String> settings) {
        var factory = new ServiceMobilityProviderFactory();
        return factory.create(new ProviderContext("test", ProviderSettings.of("test", settings, factory.settings()),
                Clock.systemUTC(), ZoneId.of("Europe/London")));
    }

    static Map<String, String> settings(String baseUrl) {
        return Map.of("appointment-search-url", baseUrl + "/sm/appointments/search",
                "book-job-url", baseUrl + "/sm/workorders/{0}/followup",
                "access-token", TOKEN, "order-type", "Repair");
    }

    @Override
    protected SchedulerProvider createProvider() {
        return provider(settings(SERVER.baseUrl()));
    }

    @Override
    protected SlotQuery searchableQuery() {
        return new SlotQuery(new Job("3670010", List.of(new JobCode("N373049", 1)), null, "HMS-1", null),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6));
    }

    @Override
    protected BookingKey unknownBookingKey() {
        return BookingKey.of("orderNum", "WO-0");
    }
}

package dev.slotbridge.provider.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.spi.CallPermits;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderMemory;
import dev.slotbridge.spi.ProviderSettings;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotQuery;
import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the TCK does not cover of worked example 3: pages, a new uid followed, refusals, OAuth2 renewal. */
class RestCalBehaviourTest {
    private static final FakeCalApi API = new FakeCalApi();
    private static final WireMockServer SERVER = FakeCalApi.server(API);
    private static final Job JOB = new Job("3670010", List.of(new JobCode("N373049", 1)), null, "HMS-9", "Leak");
    private static final SlotQuery WEEK = new SlotQuery(JOB, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6));

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @AfterEach
    void reset() {
        API.reset();
        SERVER.resetRequests();
    }

    @Test
    void slotsGroupedByDateWithoutEndsGetTheConfiguredLength() {
        List<Slot> slots = provider(settings(), memory()).search(new SlotQuery(JOB, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2)));

        assertThat(slots).extracting(slot -> slot.start().toLocalTime() + "-" + slot.end().toLocalTime())
                .containsExactly("09:00-10:00", "11:00-12:00", "14:00-15:00");
        SERVER.verify(getRequestedFor(urlPathEqualTo("/v2/slots")).withHeader("cal-api-version",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(FakeCalApi.SLOTS_VERSION)));
    }

    @Test
    void everyPageOfTheBookingsIsRead() {
        SchedulerProvider provider = provider(settings(), memory());
        List<Slot> slots = provider.search(WEEK);
        for (int i = 0; i < 12; i++) {
            provider.book(request(slots.get(i), "HMS-P" + i, "ann@example.org"));
        }

        assertThat(provider.listByProperty("3670010")).hasSize(12);
        assertThat(API.pagesServed()).isEqualTo(2);
    }

    @Test
    void aRescheduleUnderANewUidIsFollowedEvenByAReplicaThatDidNotMakeIt() {
        SchedulerProvider provider = provider(settings(), memory());
        List<Slot> slots = provider.search(WEEK);
        Booking booked = provider.book(request(slots.get(0), "HMS-R1", "ann@example.org"));

        Booking moved = provider.reschedule(booked.key(), slots.get(1).key());

        assertThat(moved.key()).isEqualTo(booked.key());
        assertThat(moved.providerRefs().get("id")).isNotEqualTo(booked.providerRefs().get("id"));
        SchedulerProvider replica = provider(settings(), memory());
        assertThat(replica.find(booked.key())).hasValueSatisfying(now -> {
            assertThat(now.providerRefs()).containsEntry("id", moved.providerRefs().get("id"));
            assertThat(now.slot().start()).isEqualTo(slots.get(1).start());
        });
        assertThat(provider.findByExternalRef("HMS-R1", Optional.empty())).singleElement().satisfies(found -> {
            assertThat(found.key()).isEqualTo(booked.key());
            assertThat(found.status()).isEqualTo(BookingStatus.BOOKED);
        });
    }

    @Test
    void aRefusalOfAStillOfferedSlotIsTheSchedulersOwnWords() {
        SchedulerProvider provider = provider(settings(), memory());
        Slot slot = provider.search(WEEK).getFirst();

        assertThatThrownBy(() -> provider.book(request(slot, "HMS-B1", "ann@blocked.example")))
                .isInstanceOf(RejectedBySchedulerException.class)
                .hasMessage("Cal.com refused book (HTTP 400): Cannot use this email to create the booking.");
    }

    @Test
    void anOAuth2TokenIsCachedAndRenewedOnceOn401() {
        SchedulerProvider provider = provider(oauth(), memory());
        provider.search(WEEK);
        provider.search(WEEK);
        assertThat(API.tokenRequests()).as("one token for both calls").isEqualTo(1);

        API.revokeTokens();
        assertThat(provider.search(WEEK)).isNotEmpty();
        assertThat(API.tokenRequests()).as("renewed once after the 401").isEqualTo(2);

        API.revokeTokens();
        API.refuseNewTokens();
        assertThatThrownBy(() -> provider.search(WEEK)).isInstanceOf(SchedulerCredentialsRejectedException.class)
                .hasMessageNotContaining("tok-").hasMessageNotContaining(FakeCalApi.CLIENT_SECRET);
        assertThat(API.tokenRequests()).as("renewed once, not again").isEqualTo(3);
        SERVER.verify(3, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void refusedClientCredentialsAreSaidSoWithoutTheSecret() {
        Map<String, String> settings = oauth();
        settings.put("secret", "a-wrong-client-secret");

        assertThatThrownBy(() -> provider(settings, memory()).search(WEEK))
                .isInstanceOf(SchedulerCredentialsRejectedException.class)
                .hasMessageContaining("token endpoint").hasMessageNotContaining("a-wrong-client-secret");
    }

    @Test
    void theProbeUsesATokenOfItsOwnAndLeavesTheCachedOneAlone() {
        Map<String, String> settings = oauth();
        settings.put("operations", settings.get("operations").replaceFirst("\\{", "{\"probe\":{\"path\":\"/v2/slots\","
                + "\"headers\":{\"cal-api-version\":\"2024-09-04\"},\"query\":{\"eventTypeId\":\"1001\","
                + "\"start\":\"{from}\",\"end\":\"{to}\",\"timeZone\":\"Europe/London\"}},"));
        SchedulerProvider provider = provider(settings, memory());
        provider.search(WEEK);

        assertThat(provider.probe()).isEqualTo(ProbeResult.REACHED);
        provider.search(WEEK);

        assertThat(API.tokenRequests()).as("one for the calls, one for the probe").isEqualTo(2);
        settings.put("secret", "a-wrong-client-secret");
        assertThatThrownBy(() -> provider(settings, memory()).probe()).isInstanceOf(SchedulerCredentialsRejectedException.class);
    }

    private static BookingRequest request(Slot slot, String externalRef, String email) {
        return new BookingRequest(slot.key(), new Job(JOB.propertyRef(), JOB.jobCodes(), null, externalRef, "Leak"),
                new Contact("Ann Tenant", "07700900123", email), null);
    }

    private static Map<String, String> settings() {
        return new HashMap<>(RestExamples.settings("calder", Map.of("base-url", SERVER.baseUrl(), "secret", FakeCalApi.KEY)));
    }

    private static Map<String, String> oauth() {
        Map<String, String> settings = settings();
        settings.put("auth", "{\"type\":\"oauth2-client-credentials\",\"token-url\":\"" + SERVER.baseUrl()
                + "/oauth/token\",\"client-id\":\"" + FakeCalApi.CLIENT_ID + "\"}");
        settings.put("secret", FakeCalApi.CLIENT_SECRET);
        return settings;
    }

    private static ProviderMemory memory() {
        return ProviderMemory.inProcess(new TestClock(Instant.parse("2026-03-01T09:00:00Z")));
    }

    private static SchedulerProvider provider(Map<String, String> settings, ProviderMemory memory) {
        RestProviderFactory factory = new RestProviderFactory();
        TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
        return factory.create(new ProviderContext("test", ProviderSettings.of("test", settings, factory.settings()), clock,
                ZoneId.of("Europe/London"), ProviderContext.DEFAULT_CALL_TIMEOUT, CallPermits.NONE, memory));
    }
}

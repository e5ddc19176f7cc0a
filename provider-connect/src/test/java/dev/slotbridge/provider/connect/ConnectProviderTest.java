package dev.slotbridge.provider.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotQuery;
import dev.slotbridge.tck.TestClock;
import dev.slotbridge.tck.Unreachable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

/** What the TCK cannot see: tokens, orders, weeks, time zones, descriptions and error mapping. */
final class ConnectProviderTest {
    private static final FakeConnect CONNECT = new FakeConnect();
    private static final WireMockServer SERVER = FakeConnect.server(CONNECT);
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    private SchedulerProvider connect;

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @BeforeEach
    void provider() {
        connect = ConnectContractTest.provider(ConnectContractTest.settings(SERVER.baseUrl()), clock);
    }

    @AfterEach
    void forget() {
        CONNECT.reset();
        SERVER.resetRequests();
        // drop the overrides a test added (they carry a priority); the fake's own stubs stay
        SERVER.getStubMappings().stream().filter(stub -> stub.getPriority() != null).toList()
                .forEach(SERVER::removeStubMapping);
    }

    private static SlotQuery query(String order, String from, String to) {
        return new SlotQuery(new Job("3670010", List.of(new JobCode("N373049", 2)), "P10", order, null),
                LocalDate.parse(from), LocalDate.parse(to));
    }

    private static int count(String path) {
        return SERVER.findAll(getRequestedFor(urlPathEqualTo(FakeConnect.BASE + path))).size()
                + SERVER.findAll(postRequestedFor(urlPathEqualTo(FakeConnect.BASE + path))).size();
    }

    @Test
    void theTokenIsFetchedOnceAndReusedUntilItExpires() {
        connect.search(query("HMS-T1", "2026-03-02", "2026-03-06"));
        connect.search(query("HMS-T1", "2026-03-02", "2026-03-06"));
        assertThat(count("/token")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(59));
        connect.search(query("HMS-T1", "2026-03-02", "2026-03-06"));

        assertThat(count("/token")).as("refreshed a minute before expires_in").isEqualTo(2);
    }

    @Test
    void manyCallersAtOnceShareOneTokenAndOneFetchOfThePlanningWindows() throws Exception {
        connect.search(query("HMS-T4", "2026-03-02", "2026-03-02"));
        CONNECT.revokeTokens();
        clock.advance(Duration.ofHours(2));
        SERVER.resetRequests();
        CountDownLatch go = new CountDownLatch(1);
        try (var callers = Executors.newFixedThreadPool(12)) {
            var results = IntStream.range(0, 12).mapToObj(i -> callers.submit(() -> {
                go.await();
                return connect.search(query("HMS-T4", "2026-03-02", "2026-03-06"));
            })).toList();
            go.countDown();
            for (var result : results) {
                assertThat(result.get()).isNotEmpty();
            }
        }

        assertThat(count("/token")).isEqualTo(1);
        assertThat(count("/api/PlanningWindow")).isZero();
    }

    @Test
    void aRevokedTokenIsRefreshedOnceAndTheCallRepeated() {
        connect.search(query("HMS-T2", "2026-03-02", "2026-03-06"));
        CONNECT.revokeTokens();

        List<Slot> slots = connect.search(query("HMS-T2", "2026-03-02", "2026-03-06"));

        assertThat(slots).isNotEmpty();
        assertThat(count("/token")).isEqualTo(2);
    }

    @Test
    void wrongCredentialsAreRejectedWithoutShowingThem() {
        Map<String, String> settings = ConnectContractTest.settings(SERVER.baseUrl());
        settings.put("password", "wrong-password");

        assertThatThrownBy(() -> ConnectContractTest.provider(settings, clock).search(query("HMS-T3", "2026-03-02", "2026-03-06")))
                .isInstanceOf(SchedulerCredentialsRejectedException.class).hasMessageNotContaining("wrong-password");
    }

    @Test
    void theProbeAsksForANewTokenOnceAndLeavesTheCachedOneInUse() {
        connect.search(query("HMS-P1", "2026-03-02", "2026-03-06"));
        int apiCalls = SERVER.findAll(anyRequestedFor(urlPathMatching(FakeConnect.BASE + "/api/.*"))).size();

        assertThat(connect.probe()).isEqualTo(ProbeResult.REACHED);

        assertThat(count("/token")).as("not taken from the cache").isEqualTo(2);
        assertThat(SERVER.findAll(anyRequestedFor(urlPathMatching(FakeConnect.BASE + "/api/.*")))).hasSize(apiCalls);
        connect.search(query("HMS-P1", "2026-03-02", "2026-03-06"));
        assertThat(count("/token")).as("the cached token still serves").isEqualTo(2);
    }

    @Test
    void aProbeWithAWrongPasswordIsCredentialsRejectedAfterOneTokenRequest() {
        Map<String, String> settings = ConnectContractTest.settings(SERVER.baseUrl());
        settings.put("password", "wrong-password");

        assertThatThrownBy(ConnectContractTest.provider(settings, clock)::probe)
                .isInstanceOf(SchedulerCredentialsRejectedException.class).hasMessageNotContaining("wrong-password");
        assertThat(count("/token")).as("never repeated").isEqualTo(1);
    }

    @Test
    void aProbeOfAConnectNobodyListensOnIsUnavailableAtOnce() {
        SchedulerProvider nowhere = ConnectContractTest.provider(
                ConnectContractTest.settings(Unreachable.baseUrl()), clock);

        assertTimeout(Duration.ofSeconds(2), () -> assertThatThrownBy(nowhere::probe).isInstanceOfSatisfying(
                SchedulerUnavailableException.class, e -> assertThat(e.requestNotSent()).isTrue()));
    }

    @Test
    void theOrderIsCreatedOnlyWhenMissing() {
        connect.search(query("HMS-O1", "2026-03-02", "2026-03-06"));
        connect.search(query("HMS-O1", "2026-03-09", "2026-03-13"));

        SERVER.verify(1, postRequestedFor(urlPathEqualTo(FakeConnect.BASE + "/api/SalesOrder"))
                .withRequestBody(matchingJsonPath("$.PrimaryOrderNumber", equalTo("HMS-O1")))
                .withRequestBody(matchingJsonPath("$.Customer.ExternalId", equalTo("3670010")))
                .withRequestBody(matchingJsonPath("$.PriorityExternalId", equalTo("P10")))
                .withRequestBody(matchingJsonPath("$.TargetDateUTC", equalTo("2026-03-06")))
                .withRequestBody(matchingJsonPath("$.JobDescription", equalTo("Repair booked through Slotbridge")))
                .withRequestBody(matchingJsonPath("$.JobCodes[0].Quantity", equalTo("2"))));
    }

    @Test
    void aSixWeekRangeIsAskedForInChunksOfNumberOfWeeks() {
        List<Slot> slots = connect.search(query("HMS-W1", "2026-03-02", "2026-04-12"));

        List<LoggedRequest> calls = SERVER.findAll(getRequestedFor(urlPathEqualTo(FakeConnect.BASE + "/api/availability")));
        assertThat(calls).extracting(call -> call.queryParameter("Date").firstValue() + "/" + call.queryParameter("NumberOfWeeks").firstValue())
                .containsExactly("2026-03-02/2", "2026-03-16/2", "2026-03-30/2");
        assertThat(slots).extracting(slot -> slot.start().toLocalDate())
                .allSatisfy(date -> assertThat(date).isBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 12)));
        assertThat(slots).hasSize(6 * 5 * 2);
    }

    @Test
    void windowsAreLondonWallClockAcrossTheClockChange() {
        List<Slot> slots = connect.search(query("HMS-Z1", "2026-03-27", "2026-03-30"));

        assertThat(slots).filteredOn(slot -> "AM".equals(slot.label())).extracting(slot -> slot.start().toInstant().toString())
                .containsExactly("2026-03-27T08:00:00Z", "2026-03-30T07:00:00Z");
        assertThat(slots).filteredOn(slot -> "AM".equals(slot.label())).extracting(slot -> slot.end().toLocalTime().toString())
                .containsOnly("12:59");
        assertThat(slots).filteredOn(Slot::preferred).isEmpty();
    }

    @Test
    void bookingGivesAPlaceholderOrderItsRealDescriptionAndTheVisitItsInstructions() {
        Slot slot = connect.search(query("HMS-B1", "2026-03-02", "2026-03-06")).getFirst();
        var job = new Job("3670010", List.of(new JobCode("N373049", 2)), "P10", "HMS-B1", "Kitchen tap leaking");

        Booking booking = connect.book(new BookingRequest(slot.key(), job, new Contact("Ann", "07700900123", null), "Dog in garden"));

        SERVER.verify(patchRequestedFor(urlPathEqualTo(FakeConnect.BASE + "/api/SalesOrder"))
                .withRequestBody(matchingJsonPath("$.JobDescription", equalTo("Kitchen tap leaking"))));
        SERVER.verify(postRequestedFor(urlPathEqualTo(FakeConnect.BASE + "/api/booking"))
                .withRequestBody(matchingJsonPath("$.PrimaryOrderNumber", equalTo("HMS-B1")))
                .withRequestBody(matchingJsonPath("$.Date", equalTo("2026-03-02")))
                .withRequestBody(matchingJsonPath("$.PlanningWindowId", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.VisitInstructions", equalTo("Dog in garden")))
                .withRequestBody(matchingJsonPath("$.MessagingPreference", equalTo("0"))));
        assertThat(booking.job().description()).isEqualTo("Kitchen tap leaking");
        assertThat(booking.slot().label()).isEqualTo("AM");
        assertThat(booking.providerRefs()).containsEntry("orderId", "HMS-B1").containsKey("visitId");
    }

    @Test
    void aContactGivenWithTheSearchIsTheOrdersOrderContactAndTheBookingShowsIt() {
        Contact tenant = new Contact("Ann Tenant", "07700 900123", "ann@example.org");
        SlotQuery search = query("HMS-C1", "2026-03-02", "2026-03-06");
        Slot slot = connect.search(new SlotQuery(search.job(), search.from(), search.to(), tenant)).getFirst();
        var job = new Job("3670010", List.of(new JobCode("N373049", 2)), "P10", "HMS-C1", "Kitchen tap leaking");

        Booking booking = connect.book(new BookingRequest(slot.key(), job, new Contact("Someone Else", null, null), null));

        SERVER.verify(postRequestedFor(urlPathEqualTo(FakeConnect.BASE + "/api/SalesOrder"))
                .withRequestBody(matchingJsonPath("$.OrderContact.ContactName", equalTo("Ann Tenant")))
                .withRequestBody(matchingJsonPath("$.OrderContact.MobilePhone", equalTo("07700 900123")))
                .withRequestBody(matchingJsonPath("$.OrderContact.EmailAddress", equalTo("ann@example.org"))));
        assertThat(CONNECT.order("HMS-C1").orElseThrow().path("OrderContact").path("ContactName").asText()).isEqualTo("Ann Tenant");
        assertThat(booking.contact()).as("the contact Connect holds").isEqualTo(tenant);
        assertThat(connect.find(booking.key())).hasValueSatisfying(viewed -> assertThat(viewed.contact()).isEqualTo(tenant));
    }

    /**
     * The fake holds Connect to its document: an {@code OrderContact} with a field the spec's table does not list is
     * refused (400), and one sent in a {@code PATCH} is ignored, as {@code SalesOrderUpdate} has no contact.
     */
    @Test
    void theFakeRefusesAnOrderContactFieldTheSpecDoesNotListAndIgnoresOneInAPatch() throws Exception {
        var http = HttpClient.newHttpClient();
        String token = new ObjectMapper().readTree(http.send(HttpRequest
                .newBuilder(URI.create(SERVER.baseUrl() + FakeConnect.BASE + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username="
                        + URLEncoder.encode(FakeConnect.USER, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(FakeConnect.PASSWORD, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
        String order = """
                {"PrimaryOrderNumber":"HMS-F1","UseExistingCustomerDetails":true,
                 "Customer":{"ExternalId":"3670010","OrganisationExternalId":"ORG-1"},
                 "OrderContact":{"ContactName":"Ann Tenant","%s":"x"},
                 "ContractExternalId":"CONTRACT-1","TargetDateUTC":"2026-03-06","PriorityExternalId":"P10",
                 "JobDescription":"Tap","JobCodes":[{"CodeExternalId":"N373049","Quantity":1}]}""";
        BiFunction<String, String, Integer> send = (method, body) -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + FakeConnect.BASE
                                + "/api/SalesOrder")).header("Accept", "application/json;version=3")
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        };

        assertThat(send.apply("POST", order.formatted("Nickname"))).as("a field the table does not list").isEqualTo(400);
        assertThat(send.apply("POST", order.formatted("MobilePhone"))).isEqualTo(201);
        assertThat(send.apply("PATCH", """
                {"PrimaryOrderNumber":"HMS-F1","ContractExternalId":"CONTRACT-1","OrderContact":{"ContactName":"Someone"}}""")).isEqualTo(200);
        assertThat(CONNECT.order("HMS-F1").orElseThrow().path("OrderContact").path("ContactName").asText())
                .as("a contact in a PATCH is ignored").isEqualTo("Ann Tenant");
    }

    @Test
    void aLandlineIsTheOrderContactsHomePhone() {
        SlotQuery search = query("HMS-C2", "2026-03-02", "2026-03-06");
        connect.search(new SlotQuery(search.job(), search.from(), search.to(), new Contact(null, "01632 960123", null)));

        SERVER.verify(postRequestedFor(urlPathEqualTo(FakeConnect.BASE + "/api/SalesOrder"))
                .withRequestBody(matchingJsonPath("$.OrderContact.HomePhone", equalTo("01632 960123")))
                .withRequestBody(notMatching(".*MobilePhone.*")));
    }

    @Test
    void aContactFirstGivenAtBookingIsNotStoredSoNotAnswered() {
        Slot slot = connect.search(query("HMS-C3", "2026-03-02", "2026-03-06")).getFirst();
        var job = new Job("3670010", List.of(new JobCode("N373049", 2)), "P10", "HMS-C3", "Kitchen tap leaking");

        Booking booking = connect.book(new BookingRequest(slot.key(), job, new Contact("Ann Tenant", "07700900123", null), null));

        assertThat(booking.contact()).isNull();
        assertThat(CONNECT.order("HMS-C3").orElseThrow().has("OrderContact")).isFalse();
        SERVER.verify(0, patchRequestedFor(urlPathEqualTo(FakeConnect.BASE + "/api/SalesOrder"))
                .withRequestBody(matching(".*OrderContact.*")));
    }

    @Test
    void theBookingsDescriptionReplacesTheOneGivenWithTheSearch() {
        SlotQuery search = query("HMS-D1", "2026-03-02", "2026-03-06");
        Job searched = new Job(search.job().propertyRef(), search.job().jobCodes(), "P10", "HMS-D1", "Tap problem");
        Slot slot = connect.search(new SlotQuery(searched, search.from(), search.to())).getFirst();
        var job = new Job("3670010", List.of(new JobCode("N373049", 2)), "P10", "HMS-D1", "Kitchen tap leaking under sink");

        Booking booking = connect.book(new BookingRequest(slot.key(), job, null, null));

        SERVER.verify(patchRequestedFor(urlPathEqualTo(FakeConnect.BASE + "/api/SalesOrder"))
                .withRequestBody(matchingJsonPath("$.JobDescription", equalTo("Kitchen tap leaking under sink"))));
        assertThat(CONNECT.order("HMS-D1").orElseThrow().path("JobDescription").asText()).isEqualTo("Kitchen tap leaking under sink");
        assertThat(booking.job().description()).isEqualTo("Kitchen tap leaking under sink");
    }

    @Test
    void theSameDescriptionAsTheSearchsIsNotSentAgain() {
        SlotQuery search = query("HMS-D2", "2026-03-02", "2026-03-06");
        Job searched = new Job(search.job().propertyRef(), search.job().jobCodes(), "P10", "HMS-D2", "Kitchen tap leaking");
        Slot slot = connect.search(new SlotQuery(searched, search.from(), search.to())).getFirst();

        connect.book(new BookingRequest(slot.key(), searched, null, null));

        SERVER.verify(0, patchRequestedFor(urlPathEqualTo(FakeConnect.BASE + "/api/SalesOrder")));
    }

    @Test
    void aSearchWithoutAnOrderNumberNamesExternalRef() {
        assertThatThrownBy(() -> connect.search(query(null, "2026-03-02", "2026-03-06")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("externalRef"));
    }

    @Test
    void aRefusalForAStillOfferedSlotIsRejectedWithConnectsMessage() {
        Slot slot = connect.search(query("HMS-E1", "2026-03-02", "2026-03-06")).getFirst();
        SERVER.stubFor(post(urlPathEqualTo(FakeConnect.BASE + "/api/booking")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"Message\":\"The order is on hold\",\"ModelState\":{\"Date\":[\"invalid\"]}}")));

        assertThatThrownBy(() -> connect.book(new BookingRequest(slot.key(),
                new Job("3670010", List.of(new JobCode("N373049", 1)), null, "HMS-E1", "Tap"), null, null)))
                .isInstanceOf(RejectedBySchedulerException.class).hasMessage("The order is on hold");
    }

    @Test
    void serverErrorsAndGarbageAreFailures() {
        SERVER.stubFor(get(urlPathEqualTo(FakeConnect.BASE + "/api/SalesOrder")).atPriority(1).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> connect.search(query("HMS-E2", "2026-03-02", "2026-03-06")))
                .isInstanceOf(SchedulerUnavailableException.class);

        SERVER.stubFor(get(urlPathEqualTo(FakeConnect.BASE + "/api/SalesOrder")).atPriority(1).willReturn(okJson("{\"JobCodes\": 12")));
        assertThatThrownBy(() -> connect.search(query("HMS-E2", "2026-03-02", "2026-03-06")))
                .isInstanceOf(SchedulerResponseException.class);
    }
}

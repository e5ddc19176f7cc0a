package dev.slotbridge.provider.drs;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.slotbridge.spi.CallPermits;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderMemory;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

/** DRS behaviours the TCK cannot see: chunks, sessions, error mapping, orphans, hostile text, XXE and quirks. */
final class DrsProviderTest {
    private static final FakeDrs DRS = new FakeDrs();
    private static final WireMockServer SERVER = FakeDrs.server(DRS);
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    private SchedulerProvider drs;

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
        drs = DrsContractTest.provider(DrsContractTest.settings(SERVER.baseUrl()), clock);
    }

    @AfterEach
    void validateAndForget() {
        SERVER.getAllServeEvents().stream().map(event -> event.getRequest().getBodyAsString())
                .filter(body -> !body.contains("<!DOCTYPE")).forEach(GatewaySchema::validate);
        DRS.reset();
        SERVER.resetRequests();
        SERVER.getStubMappings().stream().filter(stub -> stub.getPriority() != null).toList().forEach(SERVER::removeStubMapping);
    }

    private static SlotQuery query(String from, String to) {
        return new SlotQuery(new Job("3670010", List.of(new JobCode("N373049", 1)), "Priority 20 Days", "HMS-1", null),
                LocalDate.parse(from), LocalDate.parse(to));
    }

    private static BookingRequest booking(Slot slot, String description, Contact contact) {
        return new BookingRequest(slot.key(), new Job("3670010", List.of(new JobCode("N373049", 1)), null, "HMS-9", description),
                contact, "Dog in garden");
    }

    private static List<LoggedRequest> calls(String operation) {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo(FakeDrs.PATH))
                .withRequestBody(matchingXPath("//*[local-name()='" + operation + "']/" + operation)));
    }

    private static String field(LoggedRequest request, String name) {
        Matcher matcher = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(request.getBodyAsString());
        return matcher.find() ? matcher.group(1) : null;
    }

    @Test
    void aFourteenDaySearchIsTwoCallsCutOnLocalDaysAcrossTheClockChange() {
        List<Slot> slots = drs.search(query("2026-03-29", "2026-04-11"));

        assertThat(calls("checkAvailability")).extracting(call -> field(call, "periodBegin") + " " + field(call, "periodEnd"))
                .containsExactlyInAnyOrder("2026-03-29T00:00:00+00:00 2026-04-04T23:59:00+01:00",
                        "2026-04-05T00:00:00+01:00 2026-04-11T23:59:00+01:00");
        assertThat(slots).hasSize(10 * 4).isSortedAccordingTo(java.util.Comparator.comparing(slot -> slot.start().toInstant()));
        assertThat(slots.getFirst().start().toString()).isEqualTo("2026-03-30T08:00+01:00");
        assertThat(slots).filteredOn(Slot::preferred).hasSize(10 * 2);
        assertThat(calls("openSession")).as("the two concurrent calls share one new session").hasSize(1);
    }

    @Test
    void theSessionIsClosedWhenTheProviderCloses() {
        drs.search(query("2026-03-02", "2026-03-02"));

        drs.close();

        assertThat(calls("closeSession")).hasSize(1);
    }

    @Test
    void oneSessionServesManyCallsAndANewDayOpensAnother() {
        for (int i = 0; i < 10; i++) {
            drs.search(query("2026-03-02", "2026-03-02"));
        }
        assertThat(calls("openSession")).hasSize(1);

        clock.advance(Duration.ofDays(1));
        drs.search(query("2026-03-03", "2026-03-03"));

        assertThat(calls("openSession")).hasSize(2);
    }

    @Test
    void anExpiredSessionIsReopenedOnceAndTheCallRepeated() {
        drs.search(query("2026-03-02", "2026-03-02"));
        DRS.expireSessions();

        List<Slot> slots = drs.search(query("2026-03-02", "2026-03-02"));

        assertThat(slots).isNotEmpty();
        assertThat(calls("openSession")).hasSize(2);
        assertThat(calls("checkAvailability")).hasSize(3);
    }

    @Test
    void aRefusedLoginIsCredentialsRejectedWithoutThePassword() {
        Map<String, String> settings = DrsContractTest.settings(SERVER.baseUrl());
        settings.put("password", "wrong");

        assertThatThrownBy(() -> DrsContractTest.provider(settings, clock).search(query("2026-03-02", "2026-03-02")))
                .isInstanceOf(SchedulerCredentialsRejectedException.class).hasMessageNotContaining("wrong");
    }

    @Test
    void theProbeLogsInAndOutWithASessionOfItsOwnAndLeavesTheSharedOneInUse() {
        drs.search(query("2026-03-02", "2026-03-02"));

        assertThat(drs.probe()).isEqualTo(ProbeResult.REACHED);
        drs.search(query("2026-03-02", "2026-03-02"));

        assertThat(calls("openSession")).as("the shared session and the probe's").hasSize(2);
        List<String> shared = calls("checkAvailability").stream().map(call -> field(call, "sessionId"))
                .distinct().toList();
        assertThat(shared).as("both searches used the shared session").hasSize(1);
        assertThat(calls("closeSession")).singleElement().extracting(call -> field(call, "sessionId"))
                .isNotEqualTo(shared.getFirst());
        assertThat(DRS.orderCount()).isZero();
    }

    @Test
    void aProbeWithAWrongPasswordIsCredentialsRejectedAfterOneLogin() {
        Map<String, String> settings = DrsContractTest.settings(SERVER.baseUrl());
        settings.put("password", "wrong-password");

        try (SchedulerProvider wrong = DrsContractTest.provider(settings, clock)) {
            assertThatThrownBy(wrong::probe).isInstanceOf(SchedulerCredentialsRejectedException.class)
                    .hasMessageNotContaining("wrong-password");
        }
        assertThat(calls("openSession")).as("never repeated").hasSize(1);
        assertThat(calls("closeSession")).isEmpty();
    }

    @Test
    void aProbeWhoseLogoutFailsStillReachedTheGatewayAndDoesNotRepeatIt() {
        DRS.failNext("closeSession");

        assertThat(drs.probe()).isEqualTo(ProbeResult.REACHED);

        assertThat(calls("openSession")).hasSize(1);
        assertThat(calls("closeSession")).hasSize(1);
    }

    @Test
    void aProbeOfAGatewayNobodyListensOnIsUnavailableAtOnce() {
        Map<String, String> settings = DrsContractTest.settings(Unreachable.baseUrl());

        try (SchedulerProvider nowhere = DrsContractTest.provider(settings, clock)) {
            assertTimeout(Duration.ofSeconds(2), () -> assertThatThrownBy(nowhere::probe).isInstanceOfSatisfying(
                    SchedulerUnavailableException.class, e -> assertThat(e.requestNotSent()).isTrue()));
        }
    }

    @Test
    void anErrorStatusIsARefusalWithTheGatewaysMessageAndNoSessionId() {
        SERVER.stubFor(post(urlPathEqualTo(FakeDrs.PATH)).atPriority(1)
                .withRequestBody(matchingXPath("//*[local-name()='checkAvailability']"))
                .willReturn(aResponse().withStatus(200).withBody(soap("checkAvailability",
                        "<status>error</status><errorMsg>Location 3670010 is not on contract 0</errorMsg>"))));

        assertThatThrownBy(() -> drs.search(query("2026-03-02", "2026-03-02")))
                .isInstanceOf(RejectedBySchedulerException.class).hasMessage("Location 3670010 is not on contract 0");
    }

    @Test
    void aCancelledBookingStaysViewableOnAnotherReplicaAfterDrsDropsTheOrderAndARepeatSendsNothing() {
        ProviderMemory shared = ProviderMemory.inProcess(clock);
        SchedulerProvider one = DrsContractTest.provider(DrsContractTest.settings(SERVER.baseUrl()), clock,
                ProviderContext.DEFAULT_CALL_TIMEOUT, CallPermits.NONE, shared);
        SchedulerProvider other = DrsContractTest.provider(DrsContractTest.settings(SERVER.baseUrl()), clock,
                ProviderContext.DEFAULT_CALL_TIMEOUT, CallPermits.NONE, shared);
        Slot slot = one.search(query("2026-03-02", "2026-03-02")).getFirst();
        Booking booked = one.book(booking(slot, "Kitchen tap", new Contact("Ann", "07700 900123", null)));

        Booking cancelled = one.cancel(booked.key(), new CancelRequest("TENANT_REQUEST", null));
        Booking viewed = other.find(booked.key()).orElseThrow();
        Booking repeated = other.cancel(booked.key(), new CancelRequest("TENANT_REQUEST", null));

        assertThat(DRS.orderCount()).as("this fake drops deleted orders").isZero();
        assertThat(viewed.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(viewed.slot()).isEqualTo(cancelled.slot());
        assertThat(viewed.job().externalRef()).isEqualTo("HMS-9");
        assertThat(viewed.contact()).as("no personal data is remembered").isNull();
        assertThat(repeated).isEqualTo(viewed);
        assertThat(calls("deleteOrder")).hasSize(1);
        one.close();
        other.close();
    }

    @Test
    void withoutItsMemoryACancelledBookingThatDrsDroppedIsOnlyItsRef() {
        Slot slot = drs.search(query("2026-03-02", "2026-03-02")).getFirst();
        Booking booked = drs.book(booking(slot, "Kitchen tap", null));
        drs.cancel(booked.key(), new CancelRequest("TENANT_REQUEST", null));
        SchedulerProvider restartedWithoutMemory = DrsContractTest.provider(DrsContractTest.settings(SERVER.baseUrl()), clock);

        assertThat(restartedWithoutMemory.find(booked.key())).isEmpty();
        assertThat(restartedWithoutMemory.cancel(booked.key(), new CancelRequest("TENANT_REQUEST", null)).slot()).isNull();
        assertThat(calls("deleteOrder")).hasSize(1);
        restartedWithoutMemory.close();
    }

    @Test
    void aFailedSchedulingRemovesTheNewOrderAndTellsATakenSlotFromARefusal() {
        Slot slot = drs.search(query("2026-03-02", "2026-03-02")).getFirst();
        drs.book(booking(slot, "first", null));

        assertThatThrownBy(() -> drs.book(booking(slot, "second", null))).isInstanceOf(SlotUnavailableException.class);
        assertThat(calls("deleteOrder")).hasSize(1);
        assertThat(DRS.orderCount()).as("only the first booking's order stays").isEqualTo(1);

        SERVER.stubFor(post(urlPathEqualTo(FakeDrs.PATH)).atPriority(1)
                .withRequestBody(matchingXPath("//*[local-name()='scheduleBooking']"))
                .willReturn(aResponse().withStatus(200).withBody(soap("scheduleBooking",
                        "<status>failure</status><errorMsg>Error in Booking.schedule. Error in modifyJob Planning failed</errorMsg>"))));
        Slot other = drs.search(query("2026-03-03", "2026-03-03")).getFirst();

        assertThatThrownBy(() -> drs.book(booking(other, "third", null))).isInstanceOf(RejectedBySchedulerException.class)
                .hasMessageContaining("Planning failed");
        assertThat(DRS.orderCount()).isEqualTo(1);
    }

    @Test
    void hostileCharactersInUserTextArriveIntact() {
        Slot slot = drs.search(query("2026-03-02", "2026-03-02")).getFirst();
        String description = "Tap <leaking> & \"dripping\" ]]> O'Neill's </orderComments><priority>P1</priority>";

        Booking booked = drs.book(booking(slot, description, new Contact("Ann & <Bob>", "07700 900123", null)));
        Booking viewed = drs.find(booked.key()).orElseThrow();

        assertThat(viewed.job().description()).isEqualTo(description);
        assertThat(viewed.contact().name()).isEqualTo("Ann & <Bob>");
        assertThat(viewed.job().priority()).isEqualTo("Priority 20 Days");
        assertThat(viewed.accessNotes()).isEqualTo("Dog in garden");
    }

    @Test
    void anXxePayloadInAnAnswerIsNotExpanded() {
        SERVER.stubFor(post(urlPathEqualTo(FakeDrs.PATH)).atPriority(1)
                .withRequestBody(matchingXPath("//*[local-name()='checkAvailability']"))
                .willReturn(aResponse().withStatus(200).withBody("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><r><return><status>error</status>"
                        + "<errorMsg>&x;</errorMsg></return></r></soap:Body></soap:Envelope>")));

        assertThatThrownBy(() -> drs.search(query("2026-03-02", "2026-03-02")))
                .isInstanceOf(SchedulerResponseException.class).hasMessageNotContaining("root:");
    }

    @Test
    void gatewayQuirks() {
        // a warning next to success is still success, and the gateway's 7-day cap is respected by our own chunks
        List<Slot> week = drs.search(query("2026-03-02", "2026-03-08"));
        assertThat(week).hasSize(5 * 4);
        // MAYBE is never offered; mixed Z / +01:00 offsets, with and without millis, all land in London time
        assertThat(week).noneMatch(slot -> slot.start().getHour() == 16);
        assertThat(week).extracting(slot -> slot.start().getOffset().toString()).containsOnly("Z");
        // an empty description is sent as the single space the gateway requires; a long one is cut to 255
        drs.book(booking(week.get(0), null, null));
        drs.book(booking(week.get(4), "x".repeat(300), null));
        assertThat(calls("createOrder")).extracting(call -> field(call, "orderComments"))
                .containsExactly(" ", "x".repeat(255));
        assertThat(calls("scheduleBooking")).extracting(call -> field(call, "bookingReason")).containsOnly("FIRST");
    }

    @Test
    void largeSelectOrderAnswersAreRead() {
        StringBuilder orders = new StringBuilder("<status>success</status>");
        for (int i = 0; i < 400; i++) {
            orders.append("<theOrders><contract>0</contract><locationID>3670010</locationID><orderComments>").append("c".repeat(600))
                    .append("</orderComments><orderId>").append(1000 + i).append("</orderId><primaryOrderNumber>BULK-").append(i)
                    .append("</primaryOrderNumber><priority>P</priority><theBookingCodes><bookingCodeSORCode>N1</bookingCodeSORCode>")
                    .append("<quantity>1.0</quantity></theBookingCodes><theBookings><bookingId>").append(5000 + i)
                    .append("</bookingId><bookingLifeCycleStatus>COMPLETED</bookingLifeCycleStatus>")
                    .append("<planningWindowEnd>2026-01-05T12:00:00Z</planningWindowEnd><planningWindowStart>2026-01-05T08:00:00Z")
                    .append("</planningWindowStart></theBookings></theOrders>");
        }
        String body = soap("selectOrder", orders.toString());
        assertThat(body.length()).isGreaterThan(256 * 1024);
        SERVER.stubFor(post(urlPathEqualTo(FakeDrs.PATH)).atPriority(1)
                .withRequestBody(matchingXPath("//*[local-name()='selectOrder']")).willReturn(aResponse().withStatus(200).withBody(body)));

        List<Booking> bookings = drs.listByProperty("3670010");

        assertThat(bookings).hasSize(400).allSatisfy(booking -> assertThat(booking.status().name()).isEqualTo("COMPLETED"));
    }

    private static String soap(String operation, String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><ns1:" + operation + "Response xmlns:ns1=\"http://autogenerated.OTWebServiceApi.xmbrace.com/\">"
                + "<return><id>0</id>" + content + "</return></ns1:" + operation + "Response></soap:Body></soap:Envelope>";
    }
}

package dev.slotbridge.engine.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Least privilege per client, configured by {@code operator/least-privilege.yml}: a client has no permission at a
 * council unless given one; a portal manages only the bookings it made; a contact centre with {@code manage-all}
 * sees every booking but another client's tenant's contact details only with {@code personal-data}; a booking a client
 * may not see is 404; every write leaves one audit line without personal data.
 */
@MicronautTest(propertySources = "classpath:operator/least-privilege.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeastPrivilegeApiTest {
    private static final String PORTAL = "portal-key";
    private static final String OTHER_PORTAL = "portal-two-key";
    private static final String CENTRE = "centre-key";
    private static final String CENTRE_WITH_PERSONAL_DATA = "centre-pd-key";
    private static final String SCOPED = "scoped-key";
    private static final String COUNCIL = "/v1/councils/roomy";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Api api;
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    public Api api() {
        return api;
    }

    @BeforeEach
    void connect() {
        api = new Api(server.getURI(), json);
        audit.start();
        auditLogger().addAppender(audit);
        auditLogger().setLevel(Level.INFO);
    }

    @AfterEach
    void detach() {
        auditLogger().detachAppender(audit);
        auditLogger().setLevel(null);
    }

    private static Logger auditLogger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("dev.slotbridge.audit");
    }

    private String book(String key, String day, String order) {
        String slotId = (String) api.post(key, COUNCIL + "/appointment-search", Requests.search(day, day))
                .list("slots").getFirst().get("slotId");
        Reply booked = api.post(key, COUNCIL + "/bookings", Requests.book(slotId, order));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        return booked.string("bookingRef");
    }

    @Test
    void aClientGetsNoPermissionItIsNotGivenAtACouncil() {
        assertThat(api.post(SCOPED, "/v1/councils/sandbox/appointment-search", Requests.search("2026-03-16", "2026-03-16"))
                .status()).as("council-permissions grant search at the sandbox").isEqualTo(200);
        assertProblem(api.post(SCOPED, COUNCIL + "/appointment-search", Requests.search("2026-03-16", "2026-03-16")),
                403, "forbidden");
    }

    @Test
    void aPortalManagesOnlyTheBookingsItMade() {
        String mine = book(PORTAL, "2026-03-16", "HMS-PRIV-1");
        String theirs = book(OTHER_PORTAL, "2026-03-17", "HMS-PRIV-2");

        assertThat(api.get(PORTAL, COUNCIL + "/bookings/" + mine).map("contact")).containsEntry("phone", "07700900123");
        assertProblem(api.get(PORTAL, COUNCIL + "/bookings/" + theirs), 404, "booking-not-found");
        assertProblem(api.post(PORTAL, COUNCIL + "/bookings/" + theirs + "/cancel", Map.of("reason", "Tenant request")),
                404, "booking-not-found");
        List<Map<String, Object>> listed = api.get(PORTAL, COUNCIL + "/bookings?propertyRef=" + Requests.PROPERTY).list("bookings");
        assertThat(listed).extracting(booking -> booking.get("bookingRef")).contains(mine).doesNotContain(theirs);
        assertThat(api.get(OTHER_PORTAL, COUNCIL + "/bookings/" + theirs).string("status")).as("still booked").isEqualTo("BOOKED");
    }

    @Test
    void aContactCentreSeesEveryBookingButPersonalDataOnlyWithThePermission() {
        String ref = book(PORTAL, "2026-03-18", "HMS-PRIV-3");

        Reply withoutPersonalData = api.get(CENTRE, COUNCIL + "/bookings/" + ref);
        Reply withPersonalData = api.get(CENTRE_WITH_PERSONAL_DATA, COUNCIL + "/bookings/" + ref);

        assertThat(withoutPersonalData.status()).isEqualTo(200);
        assertThat(withoutPersonalData.body()).containsEntry("contact", null).containsEntry("accessNotes", null);
        assertThat(withoutPersonalData.map("job")).containsEntry("externalRef", "HMS-PRIV-3");
        assertThat(withPersonalData.map("contact")).containsEntry("email", "ann@example.org");
        assertThat(withPersonalData.body()).containsEntry("accessNotes", "Dog in garden");
    }

    @Test
    void anOperationThePermissionsDoNotCoverIsForbidden() {
        String slotId = (String) api.post(CENTRE, COUNCIL + "/appointment-search", Requests.search("2026-03-19", "2026-03-19"))
                .list("slots").getFirst().get("slotId");

        assertProblem(api.post(CENTRE, COUNCIL + "/bookings", Requests.book(slotId, "HMS-PRIV-4")), 403, "forbidden");
    }

    @Test
    void everyWriteLeavesOneAuditLineWithoutPersonalData() {
        String ref = book(PORTAL, "2026-03-20", "HMS-PRIV-5");
        api.post(PORTAL, COUNCIL + "/bookings/" + ref + "/cancel", Map.of("reason", "Tenant request"));

        assertThat(audit.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("audit client=portal council=roomy operation=book bookingRef=" + ref + " outcome=201",
                        "audit client=portal council=roomy operation=cancel bookingRef=" + ref + " outcome=200")
                .allSatisfy(line -> assertThat(line).doesNotContain("07700900123", "ann@example.org", "Ann Tenant", "Dog"));
    }
}

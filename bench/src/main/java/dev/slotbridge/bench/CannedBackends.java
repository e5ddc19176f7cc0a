package dev.slotbridge.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Backends for the latency benchmark: fixed answers shaped like the vendors' (a week of availability), returned after
 * a fixed delay, with trivial matching so the fake itself costs next to nothing and a direct call is a clean baseline.
 */
final class CannedBackends {
    static final String CONNECT_BASE = "/WS-API";
    static final String DRS_PATH = "/drs/ws";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private CannedBackends() {
    }

    static WireMockServer connect(LocalDate monday, int delayMillis) {
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(200));
        server.start();
        server.stubFor(post(urlPathEqualTo(CONNECT_BASE + "/token")).willReturn(json(
                "{\"access_token\":\"bench-token\",\"token_type\":\"bearer\",\"expires_in\":86400}", delayMillis)));
        server.stubFor(get(urlPathEqualTo(CONNECT_BASE + "/api/PlanningWindow")).willReturn(json("[{\"Id\":1,\"Name\":\"AM\","
                + "\"StartHour\":8,\"StartMinute\":0,\"EndHour\":12,\"EndMinute\":59},{\"Id\":2,\"Name\":\"PM\",\"StartHour\":13,"
                + "\"StartMinute\":0,\"EndHour\":16,\"EndMinute\":59}]", delayMillis)));
        server.stubFor(get(urlPathEqualTo(CONNECT_BASE + "/api/SalesOrder")).willReturn(json("{\"PrimaryOrderNumber\":\"BENCH-CX\","
                + "\"Customer\":{\"ExternalId\":\"3670010\",\"OrganisationExternalId\":\"ORG-1\"},\"ContractExternalId\":\"CONTRACT-1\","
                + "\"PriorityExternalId\":\"P20\",\"OrderStatus\":0,\"JobDescription\":\"Kitchen tap leaking\","
                + "\"JobCodes\":[{\"CodeExternalId\":\"N373049\",\"Quantity\":1}]}", delayMillis)));
        StringBuilder windows = new StringBuilder();
        for (int window = 1; window <= 2; window++) {
            windows.append(window == 1 ? "" : ",").append("{\"PlanningWindowId\":").append(window).append(",\"AvailabilityDays\":[");
            for (int day = 0; day < 7; day++) {
                windows.append(day == 0 ? "" : ",").append("{\"Date\":\"").append(monday.plusDays(day))
                        .append("T00:00:00\",\"AvailabilityStatus\":").append(day < 5 ? 1 : 0).append(",\"TravelTime\":20}");
            }
            windows.append("]}");
        }
        server.stubFor(get(urlPathEqualTo(CONNECT_BASE + "/api/availability")).willReturn(json("{\"Availability\":{\"PrimaryOrderNumber\":"
                + "\"BENCH-CX\",\"Date\":\"" + monday + "\",\"NumberOfWeeks\":1},\"PlanningWindows\":[],\"AvailabilityPlanningWindows\":["
                + windows + "]}", delayMillis)));
        return server;
    }

    static WireMockServer drs(LocalDate monday, int delayMillis) {
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(200));
        server.start();
        server.stubFor(post(urlPathEqualTo(DRS_PATH)).withRequestBody(containing("openSession>"))
                .willReturn(xml("openSession", "<status>success</status><sessionId>8a4b805d7ca651e4017ca7abffb800bd</sessionId>", delayMillis)));
        StringBuilder days = new StringBuilder();
        for (int day = 0; day < 7; day++) {
            LocalDate date = monday.plusDays(day);
            days.append("<theSlots><day>").append(time(date, 0, 0)).append("</day><nonWorkingDay>false</nonWorkingDay>");
            if (day < 5) {
                for (int[] window : new int[][]{{8, 0, 12, 0, 0}, {12, 0, 16, 0, 0}, {9, 30, 14, 30, 1}, {8, 0, 16, 0, 1}}) {
                    days.append("<slotsForDay><available>YES</available><beginDate>").append(time(date, window[0], window[1]))
                            .append("</beginDate><bestSlot>").append(window[4] == 1).append("</bestSlot><endDate>")
                            .append(time(date, window[2], window[3])).append("</endDate></slotsForDay>");
                }
            }
            days.append("<weeklyDayOff>false</weeklyDayOff></theSlots>");
        }
        server.stubFor(post(urlPathEqualTo(DRS_PATH)).withRequestBody(containing("checkAvailability>"))
                .willReturn(xml("checkAvailability", "<status>success</status>" + days, delayMillis)));
        return server;
    }

    private static String time(LocalDate date, int hour, int minute) {
        ZonedDateTime time = date.atTime(hour, minute).atZone(LONDON);
        return time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx"));
    }

    private static ResponseDefinitionBuilder json(String body, int delayMillis) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body).withFixedDelay(delayMillis);
    }

    private static ResponseDefinitionBuilder xml(String operation, String content, int delayMillis) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withFixedDelay(delayMillis)
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<soap:Body><ns1:" + operation + "Response xmlns:ns1=\"http://autogenerated.OTWebServiceApi.xmbrace.com/\">"
                        + "<return><id>0</id>" + content + "</return></ns1:" + operation + "Response></soap:Body></soap:Envelope>");
    }
}

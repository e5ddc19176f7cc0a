package dev.slotbridge.provider.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.ErrorKind;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.tck.ErrorKinds;
import dev.slotbridge.tck.TestingProviderContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests are built, never concatenated: a caller's value in a path is one percent-encoded segment, in a query one
 * percent-encoded value, in a body one JSON value; answers map to what they establish.
 */
class RestRequestsTest {
    private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());
    private static final String SETTINGS = """
            base-url: %s
            secret: the-key
            auth: {type: api-key, header: X-Api-Key}
            headers: {X-Tenant: lincoln}
            slot: {start: $.start, end: $.end}
            booking: {id: $.jobId}
            errors:
              - {status: 200, operations: [book], when: $.result, equals: FULL, kind: slot-taken}
              - {status: 400, when: $.code, equals: OUT_OF_AREA, kind: refused, message: $.text}
            operations:
              search:
                path: /slots
                query: {property: "{propertyRef}"}
                result: "$.slots[*]"
              book:
                method: PUT
                path: /properties/{propertyRef}/jobs/{externalRef}
                body:
                  ref: "{externalRef}"
                  note: "{description}"
                  codes: {$each-job-code: {sor: "{code}", qty: "{quantity}"}}
                  label: "Repair {externalRef} at {propertyRef}"
                  missing: "{contact.email}"
            """;
    private static final SlotKey SLOT = SlotKey.of("start", "2026-03-02T08:00:00Z", "end", "2026-03-02T12:00:00Z");

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
        SERVER.resetAll();
    }

    @Test
    void callerValuesAreOnePathSegmentAndOneJsonValueEach() {
        SERVER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{\"jobId\":\"J-1\"}")));

        provider().book(request("HMS/../../admin?x=1", "3670 010", "Tap \"dripping\" <under> the sink\n{\"injected\":true}"));

        SERVER.verify(putRequestedFor(urlEqualTo("/properties/3670%20010/jobs/HMS%2F..%2F..%2Fadmin%3Fx%3D1"))
                .withHeader("X-Api-Key", equalTo("the-key")).withHeader("X-Tenant", equalTo("lincoln"))
                .withRequestBody(equalToJson("""
                        {"ref": "HMS/../../admin?x=1", "note": "Tap \\"dripping\\" <under> the sink\\n{\\"injected\\":true}",
                         "codes": [{"sor": "N373049", "qty": 2}, {"sor": "N373050", "qty": 1}],
                         "label": "Repair HMS/../../admin?x=1 at 3670 010"}""")));
    }

    @Test
    void aDotSegmentIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> provider().book(request("..", "3670010", "Leak")))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void answersMapToWhatTheyEstablish() {
        SERVER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"result\":\"FULL\"}")));
        assertThat(ErrorKinds.of(() -> provider().book(request("HMS-1", "1", "Leak")))).isEqualTo(ErrorKind.REFUSED);
        SERVER.resetAll();
        SERVER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("not json")));
        assertThat(ErrorKinds.of(() -> provider().book(request("HMS-1", "1", "Leak")))).isEqualTo(ErrorKind.UNREADABLE);
        SERVER.resetAll();
        SERVER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        assertThat(ErrorKinds.of(() -> provider().book(request("HMS-1", "1", "Leak"))))
                .as("accepted without an id: outcome unknown").isEqualTo(ErrorKind.OUTCOME_UNKNOWN);
        SERVER.resetAll();
        SERVER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
        assertThat(ErrorKinds.of(() -> provider().book(request("HMS-1", "1", "Leak"))))
                .as("a 404 to a write is not success").isEqualTo(ErrorKind.UNREADABLE);
        SERVER.resetAll();
        SERVER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
        assertThat(ErrorKinds.of(() -> provider().book(request("HMS-1", "1", "Leak")))).isEqualTo(ErrorKind.CREDENTIALS_REJECTED);
        SERVER.resetAll();
        SERVER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        assertThat(ErrorKinds.of(() -> provider().book(request("HMS-1", "1", "Leak")))).isEqualTo(ErrorKind.OUTCOME_UNKNOWN);
    }

    @Test
    void aRefusalByRuleIsReCheckedAndShowsTheSchedulersWordsWithoutTheSecret() {
        SERVER.stubFor(any(urlEqualTo("/properties/1/jobs/HMS-1")).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":\"OUT_OF_AREA\",\"text\":\"Property outside the-key area\"}")));
        SERVER.stubFor(any(urlEqualTo("/slots?property=1")).willReturn(aResponse().withStatus(200)
                .withBody("{\"slots\":[{\"start\":\"2026-03-02T08:00:00Z\",\"end\":\"2026-03-02T12:00:00Z\"}]}")));

        assertThatThrownBy(() -> provider().book(request("HMS-1", "1", "Leak")))
                .hasMessage("REST scheduler refused book (HTTP 400): Property outside *** area");
    }

    @Test
    void nextLinksAreFollowedOnlyWithinTheBaseUrl() {
        String settings = """
                base-url: %s
                slot: {start: $.start, end: $.end}
                booking: {id: $.id, start: $.start, end: $.end, property-ref: $.property, external-ref: $.order, job-codes: $.sor}
                operations:
                  search: {path: /slots}
                  list:
                    path: /jobs
                    query: {property: "{propertyRef}"}
                    result: "$.items[*]"
                    pagination: {type: next-link, next: $.links.next, size-param: limit, page-size: 2}
                """.formatted(SERVER.baseUrl());
        String job = "{\"id\":\"%s\",\"start\":\"2026-03-02T08:00:00Z\",\"end\":\"2026-03-02T12:00:00Z\","
                + "\"property\":\"1\",\"order\":\"HMS-1\",\"sor\":\"N373049\"}";
        SERVER.stubFor(any(urlEqualTo("/jobs?property=1&limit=2")).willReturn(aResponse().withStatus(200).withBody(
                "{\"items\":[" + job.formatted("J-1") + "," + job.formatted("J-2") + "],\"links\":{\"next\":\"/jobs?property=1&cursor=c2\"}}")));
        SERVER.stubFor(any(urlEqualTo("/jobs?property=1&cursor=c2")).willReturn(aResponse().withStatus(200).withBody(
                "{\"items\":[" + job.formatted("J-3") + "],\"links\":{}}")));
        RestProviderFactory factory = new RestProviderFactory();
        SchedulerProvider provider = factory.create(TestingProviderContext.of(factory, RestExamples.fromYaml(settings)));

        assertThat(provider.listByProperty("1")).extracting(booking -> booking.providerRefs().get("id"))
                .containsExactly("J-1", "J-2", "J-3");

        SERVER.stubFor(any(urlEqualTo("/jobs?property=2&limit=2")).willReturn(aResponse().withStatus(200).withBody(
                "{\"items\":[" + job.formatted("J-4") + "],\"links\":{\"next\":\"http://elsewhere.invalid/jobs\"}}")));
        assertThat(ErrorKinds.of(() -> provider.listByProperty("2"))).isEqualTo(ErrorKind.UNREADABLE);
    }

    private static SchedulerProvider provider() {
        RestProviderFactory factory = new RestProviderFactory();
        return factory.create(TestingProviderContext.of(factory, RestExamples.fromYaml(SETTINGS.formatted(SERVER.baseUrl()))));
    }

    private static BookingRequest request(String externalRef, String propertyRef, String description) {
        return new BookingRequest(SLOT, new Job(propertyRef, List.of(new JobCode("N373049", 2), new JobCode("N373050", 1)),
                null, externalRef, description), new Contact("Ann", null, null), null);
    }
}

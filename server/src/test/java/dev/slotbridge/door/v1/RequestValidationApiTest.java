package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.DEMO_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input is a 400 problem naming each bad field by its dotted path. */
@MicronautTest
final class RequestValidationApiTest extends ApiTestBase {
    private static final String SEARCH = "/v1/councils/sandbox/appointment-search";
    private static final String BOOKINGS = "/v1/councils/sandbox/bookings";

    private static List<Object> fields(Reply reply) {
        assertProblem(reply, 400, "validation");
        return reply.list("errors").stream().map(e -> e.get("field")).toList();
    }

    @Test
    void aSearchNamesEveryMissingField() {
        assertThat(fields(api.post(DEMO_KEY, SEARCH, Map.of())))
                .containsExactly("propertyRef", "jobCodes", "from", "to");
    }

    @Test
    void aSearchNamesBadJobCodeLinesByIndex() {
        Map<String, Object> body = Requests.search("2026-03-02", "2026-03-06");
        body.put("jobCodes", List.of(Map.of("code", "N1"), Map.of("quantity", 2), Map.of("code", "N3", "quantity", 0)));

        assertThat(fields(api.post(DEMO_KEY, SEARCH, body))).containsExactly("jobCodes[1].code", "jobCodes[2].quantity");
    }

    @Test
    void aSearchChecksItsDates() {
        Map<String, Object> body = Requests.search("2026-02-30", "03/03/2026");
        assertThat(fields(api.post(DEMO_KEY, SEARCH, body))).containsExactly("from", "to");

        Reply backwards = api.post(DEMO_KEY, SEARCH, Requests.search("2026-03-06", "2026-03-02"));
        assertThat(fields(backwards)).containsExactly("to");
        assertThat(backwards.string("detail")).isEqualTo("to must not be before from");

        assertThat(fields(api.post(DEMO_KEY, SEARCH, Requests.search("2026-03-02", "2026-05-04")))).containsExactly("to");
        assertThat(api.post(DEMO_KEY, SEARCH, Requests.search("2026-03-02", "2026-05-03")).status()).isEqualTo(200);
    }

    @Test
    void aSearchWithEmptyJobCodesOrOverlongTextIsInvalid() {
        Map<String, Object> body = Requests.search("2026-03-02", "2026-03-06");
        body.put("jobCodes", List.of());
        body.put("description", "x".repeat(256));

        assertThat(fields(api.post(DEMO_KEY, SEARCH, body))).containsExactly("jobCodes", "description");
    }

    @Test
    void unknownFieldsAreIgnored() {
        Map<String, Object> body = Requests.search("2026-03-02", "2026-03-06");
        body.put("favouriteColour", "green");

        assertThat(api.post(DEMO_KEY, SEARCH, body).status()).isEqualTo(200);
    }

    @Test
    void aSearchReachingIntoThePastWarns() {
        Reply reply = api.post(DEMO_KEY, SEARCH, Requests.search("2026-02-23", "2026-03-06"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat((List<?>) reply.body().get("warnings")).singleElement().asString().contains("before today");
        assertThat(api.post(DEMO_KEY, SEARCH, Requests.search("2026-03-02", "2026-03-06")).body().get("warnings"))
                .isEqualTo(List.of());
    }

    @Test
    void aBookingNamesNestedJobAndContactFields() {
        Map<String, Object> body = Requests.book("x", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> job = (Map<String, Object>) body.get("job");
        job.put("description", "d".repeat(256));
        job.remove("propertyRef");
        body.put("contact", Map.of("email", "not-an-email", "phone", "call me"));

        assertThat(fields(api.post(DEMO_KEY, BOOKINGS, body))).containsExactly(
                "job.propertyRef", "job.externalRef", "job.description", "contact.phone", "contact.email");
    }

    @Test
    void aBookingNeedsASlotAndAJob() {
        assertThat(fields(api.post(DEMO_KEY, BOOKINGS, Map.of()))).containsExactly("slotId", "job");
        assertThat(fields(api.post(DEMO_KEY, BOOKINGS, Map.of("slotId", "x", "job",
                Map.of("propertyRef", "1", "jobCodes", List.of(), "externalRef", "E", "description", " ")))))
                .containsExactly("job.jobCodes", "job.description");
    }

    @Test
    void rescheduleCancelAndListNameTheirFields() {
        assertThat(fields(api.post(DEMO_KEY, BOOKINGS + "/x/reschedule", Map.of()))).containsExactly("slotId");
        assertThat(fields(api.post(DEMO_KEY, BOOKINGS + "/x/cancel", Map.of("description", "why")))).containsExactly("reason");
        assertThat(fields(api.get(DEMO_KEY, BOOKINGS))).containsExactly("propertyRef");
    }

    @Test
    void aBadIdempotencyKeyIsNamed() {
        Reply reply = api.post(DEMO_KEY, BOOKINGS, Requests.book("x", "HMS-1"), Map.of("Idempotency-Key", "k".repeat(65)));

        assertThat(fields(reply)).containsExactly("Idempotency-Key");
    }

    @Test
    void malformedOrMissingJsonIsMalformedJson() {
        assertProblem(api.post(DEMO_KEY, SEARCH, "{\"propertyRef\": "), 400, "malformed-json");
        assertProblem(api.post(DEMO_KEY, SEARCH, ""), 400, "malformed-json");
        assertProblem(api.post(DEMO_KEY, SEARCH, "null"), 400, "malformed-json");
    }

    @Test
    void aValueOfTheWrongJsonTypeIsNamed() {
        assertThat(fields(api.post(DEMO_KEY, SEARCH, "{\"jobCodes\": \"N373049\", \"propertyRef\": 3670010}")))
                .containsExactly("propertyRef", "jobCodes");
        assertThat(fields(api.post(DEMO_KEY, SEARCH,
                "{\"jobCodes\": [{\"code\": \"N1\", \"quantity\": \"two\"}, {\"code\": \"N2\", \"quantity\": 1.5}, 7]}")))
                .containsExactly("jobCodes[0].quantity", "jobCodes[1].quantity", "jobCodes[2]");
        assertThat(fields(api.post(DEMO_KEY, BOOKINGS, "{\"job\": {\"jobCodes\": {}}, \"contact\": \"Ann\"}")))
                .containsExactly("job.jobCodes", "contact");
        assertThat(fields(api.post(DEMO_KEY, BOOKINGS + "/x/cancel", "[1,2]"))).containsExactly("body");
    }

    @Test
    void aBodyOver64KibIsTooLarge() {
        Map<String, Object> body = Requests.search("2026-03-02", "2026-03-06");
        body.put("padding", "p".repeat(70 * 1024));

        Reply reply = api.post(DEMO_KEY, SEARCH, body);

        assertProblem(reply, 413, "payload-too-large");
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        assertProblem(api.get(DEMO_KEY, "/v1/nowhere"), 404, "not-found");
        assertProblem(api.get(DEMO_KEY, SEARCH), 405, "method-not-allowed");
    }

    @Test
    void textNoSchedulerCanStoreIsRefusedNamingTheField() {
        Map<String, Object> body = Requests.book("any-slot", "HMS-CTRL-1");
        @SuppressWarnings("unchecked")
        Map<String, Object> job = (Map<String, Object>) body.get("job");
        job.put("externalRef", "HMS\u0000-1");
        job.put("description", "Tap\tleaking\r\nunder the sink \u202Eevil");
        body.put("contact", Map.of("name", "Ann\nTenant"));
        body.put("accessNotes", "Dog \uD800 in garden");

        Reply reply = api.post(DEMO_KEY, BOOKINGS, body);

        assertThat(fields(reply)).containsExactlyInAnyOrder("job.externalRef", "job.description", "contact.name", "accessNotes");
        assertThat(reply.list("errors")).extracting(e -> e.get("message")).contains(
                "must not contain control characters", "must not contain bidirectional override characters",
                "must not contain unpaired surrogate characters");
    }

    @Test
    void tabsAndLineBreaksAreFineInFreeText() {
        Map<String, Object> search = Requests.search("2026-03-02", "2026-03-02");
        search.put("description", "Tap leaking\r\n\tunder the sink");

        assertThat(api.post(DEMO_KEY, SEARCH, search).status()).isEqualTo(200);
    }

    @Test
    void jsonIsParsedStrictly() {
        String search = "{\"propertyRef\":\"3670010\",\"jobCodes\":[{\"code\":\"N373049\"}],"
                + "\"from\":\"2026-03-02\",\"to\":\"2026-03-02\"}";

        assertThat(api.post(DEMO_KEY, SEARCH, search).status()).isEqualTo(200);
        assertProblem(api.post(DEMO_KEY, SEARCH, search + " trailing"), 400, "malformed-json");
        assertProblem(api.post(DEMO_KEY, SEARCH, search + search), 400, "malformed-json");
        Reply duplicate = api.post(DEMO_KEY, SEARCH, search.replace("{\"propertyRef\"", "{\"propertyRef\":\"1\",\"propertyRef\""));
        assertProblem(duplicate, 400, "malformed-json");
        assertThat(duplicate.string("detail")).contains("twice");
    }

    @Test
    void fiveThousandJobCodesAreAFast400NamingTheListWhileFiftyAreServed() {
        Map<String, Object> body = Requests.search("2026-03-02", "2026-03-02");
        body.put("jobCodes", Collections.nCopies(5_000, Map.of("code", "a")));

        long started = System.nanoTime();
        Reply reply = api.post(DEMO_KEY, SEARCH, body);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(fields(reply)).containsExactly("jobCodes");
        assertThat(reply.string("detail")).isEqualTo("jobCodes must have at most 50 entries");
        body.put("jobCodes", Collections.nCopies(50, Map.of("code", "a")));
        assertThat(api.post(DEMO_KEY, SEARCH, body).status()).isEqualTo(200);
    }

    @Test
    void theErrorListIsCappedAndSaysHowManyMoreThereWere() {
        Map<String, Object> body = Requests.search("2026-03-02", "2026-03-02");
        body.put("jobCodes", Collections.nCopies(50, Map.of("quantity", 0)));

        Reply reply = api.post(DEMO_KEY, SEARCH, body);

        assertThat(fields(reply)).hasSize(50).startsWith("jobCodes[0].code", "jobCodes[0].quantity");
        assertThat(reply.string("detail")).endsWith("; and 50 more problems not listed");
        body.put("jobCodes", Collections.nCopies(10_000, null));
        Reply nulls = api.post(DEMO_KEY, SEARCH, body);
        assertThat(fields(nulls)).containsExactly("jobCodes");
        assertThat(nulls.text().length()).isLessThan(1_000);
    }

    @Test
    void noncharactersAndLineBreaksInSingleLineFieldsAreRefused() {
        Map<String, Object> search = Requests.search("2026-03-02", "2026-03-02");
        search.put("description", "Tap leaking \uFFFE");
        search.put("priority", "Priority \uFFFF");
        search.put("externalRef", "HMS-1\r\n");

        Reply reply = api.post(DEMO_KEY, SEARCH, search);

        assertThat(fields(reply)).containsExactly("priority", "externalRef", "description");
        assertThat(reply.list("errors")).extracting(e -> e.get("message")).containsExactly(
                "must not contain the noncharacters U+FFFE and U+FFFF", "must not contain control characters",
                "must not contain the noncharacters U+FFFE and U+FFFF");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheField() {
        byte[] body = ("{\"propertyRef\":\"36#70010\",\"jobCodes\":[{\"code\":\"N373049\"},{\"code\":\"N37@\"}],"
                + "\"from\":\"2026-03-02\",\"to\":\"2026-03-02\"}").getBytes(StandardCharsets.US_ASCII);
        body[indexOf(body, '#')] = (byte) 0xFF;

        Reply invalid = api.send(DEMO_KEY, HttpRequest.newBuilder(api.uri(SEARCH)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), Map.of());
        assertThat(fields(invalid)).containsExactly("propertyRef");
        assertThat(invalid.list("errors").getFirst()).containsEntry("message", "must be UTF-8 text");

        body[indexOf(body, (byte) 0xFF)] = '0';
        byte[] overlong = new byte[body.length + 1];
        int at = indexOf(body, '@');
        System.arraycopy(body, 0, overlong, 0, at);
        overlong[at] = (byte) 0xC0;
        overlong[at + 1] = (byte) 0xAF;
        System.arraycopy(body, at + 1, overlong, at + 2, body.length - at - 1);
        Reply overlongSlash = api.send(DEMO_KEY, HttpRequest.newBuilder(api.uri(SEARCH)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(overlong)), Map.of());
        assertThat(fields(overlongSlash)).as("an overlong '/'").containsExactly("jobCodes[1].code");

        assertThat(fields(api.get(DEMO_KEY, BOOKINGS + "?propertyRef=36%FF70010"))).containsExactly("propertyRef");
    }

    private static int indexOf(byte[] bytes, int wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == (byte) wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    @Test
    void datesOutsideTheYears2000To2099AreRefused() {
        assertThat(fields(api.post(DEMO_KEY, SEARCH, Requests.search("0001-01-01", "0001-01-02")))).containsExactly("from", "to");
        Reply late = api.post(DEMO_KEY, SEARCH, Requests.search("2099-12-31", "2100-01-01"));
        assertThat(fields(late)).containsExactly("to");
        assertThat(late.string("detail")).isEqualTo("to must be a date from 2000-01-01 to 2099-12-31");
    }

    @Test
    void aBodyInAnotherCharsetThanUtf8IsUnsupported() {
        Reply latin1 = api.send(DEMO_KEY, java.net.http.HttpRequest.newBuilder(api.uri(SEARCH))
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")), Map.of());

        assertProblem(latin1, 415, "unsupported-media-type");
        Reply anonymous = api.send(null, java.net.http.HttpRequest.newBuilder(api.uri(SEARCH))
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")), Map.of());
        assertThat(anonymous.status()).as("the key is checked first").isEqualTo(401);
    }

    @Test
    void aGetIsNotRefusedForTheCharsetItDeclaresSinceItsBodyIsNeverRead() {
        Reply councils = api.send(DEMO_KEY, java.net.http.HttpRequest.newBuilder(api.uri("/v1/councils"))
                .header("Content-Type", "application/json; charset=ISO-8859-1").GET(), Map.of());

        assertThat(councils.status()).isEqualTo(200);
    }
}

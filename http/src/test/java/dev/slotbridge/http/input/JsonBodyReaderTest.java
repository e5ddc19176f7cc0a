package dev.slotbridge.http.input;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.slotbridge.engine.error.FieldError;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonBodyReaderTest {
    private final JsonBodyReader reader = new JsonBodyReader();

    record Code(String code, Integer quantity) {
    }

    record Job(String propertyRef, List<Code> jobCodes, Contact contact) {
    }

    record Contact(@JsonProperty("Name") String name) {
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyIsBoundIntoNestedRecordsListsAndRenamedFieldsIgnoringFieldsTheRecordDoesNotName() {
        Job job = reader.read(json("""
                {"propertyRef":"P-1","jobCodes":[{"code":"A","quantity":2},{"code":"B","quantity":3.0}],
                 "contact":{"Name":"Ann"},"unknown":{"deep":[1,2]}}"""), Job.class);

        assertThat(job).isEqualTo(new Job("P-1", List.of(new Code("A", 2), new Code("B", 3)), new Contact("Ann")));
    }

    @Test
    void nullAndAbsentFieldsAreNull() {
        assertThat(reader.read(json("{\"propertyRef\":null}"), Job.class)).isEqualTo(new Job(null, null, null));
        assertThat(reader.read(json("{\"jobCodes\":[null]}"), Job.class).jobCodes()).containsExactly((Code) null);
    }

    @Test
    void aListBodyIsBoundEntryByEntry() {
        assertThat(reader.readList(json("[{\"code\":\"A\"},{\"quantity\":1}]"), Code.class))
                .containsExactly(new Code("A", null), new Code(null, 1));
        assertThat(reader.readList(json("null"), Code.class)).isEmpty();
    }

    @Test
    void valuesOfTheWrongTypeAreNamedByTheirPath() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> reader.read(json(
                "{\"propertyRef\":5,\"jobCodes\":[{\"code\":\"A\",\"quantity\":1.5}],\"contact\":[]}"), Job.class));

        assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(problem.errors()).containsExactlyInAnyOrder(new FieldError("propertyRef", "must be a string"),
                new FieldError("jobCodes[0].quantity", "must be a whole number"), new FieldError("contact", "must be an object"));
    }

    @Test
    void aWholeNumberBeyondAnIntIsNotTheExpectedShape() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> reader.read(json("{\"code\":\"A\",\"quantity\":3000000000}"), Code.class));

        assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_JSON);
    }

    @Test
    void entriesOfAListBodyAndTheBodyItselfAreNamedToo() {
        ProblemException entries = catchThrowableOfType(ProblemException.class,
                () -> reader.readList(json("[{\"code\":\"A\"},{\"code\":7}]"), Code.class));
        ProblemException notAList = catchThrowableOfType(ProblemException.class,
                () -> reader.readList(json("{\"code\":\"A\"}"), Code.class));
        ProblemException notAnObject = catchThrowableOfType(ProblemException.class, () -> reader.read(json("[1]"), Code.class));

        assertThat(entries.errors()).containsExactly(new FieldError("[1].code", "must be a string"));
        assertThat(notAList.errors()).containsExactly(new FieldError("body", "must be an array"));
        assertThat(notAnObject.errors()).containsExactly(new FieldError("body", "must be an object"));
    }

    @Test
    void textBeyondAsciiIsReadAsUtf8AndBytesThatAreNotUtf8AreNamedByTheirField() {
        Job job = reader.read(json("{\"propertyRef\":\"Flat 2, Ty\u0175 Caf\u00e9 \u2013 \ud83c\udfe0\"}"), Job.class);
        byte[] latin1 = "{\"propertyRef\":\"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ProblemException notUtf8 = catchThrowableOfType(ProblemException.class, () -> reader.read(latin1, Job.class));

        assertThat(job.propertyRef()).isEqualTo("Flat 2, Ty\u0175 Caf\u00e9 \u2013 \ud83c\udfe0");
        assertThat(notUtf8.errors()).containsExactly(new FieldError("propertyRef", "must be UTF-8 text"));
    }

    @Test
    void aKeyTwiceOrContentAfterTheDocumentIsMalformedWhateverTheBytes() {
        for (String body : List.of("{\"code\":\"A\",\"code\":\"B\"}", "{\"code\":\"\u00e9\",\"code\":\"B\"}",
                "{\"code\":\"A\"} {}", "{\"code\":\"\u00e9\"} {}")) {
            ProblemException problem = catchThrowableOfType(ProblemException.class, () -> reader.read(json(body), Code.class));

            assertThat(problem.type()).as(body).isEqualTo(ProblemType.MALFORMED_JSON);
        }
    }
}

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
}

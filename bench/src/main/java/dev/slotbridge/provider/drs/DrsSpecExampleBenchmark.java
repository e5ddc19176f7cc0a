package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.Slot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The DRS search path with the vendor's own examples: reading Kirona's example {@code checkAvailability} answer
 * (six days, from its interfaces and workflow document, kept verbatim in this module's resources) into slots, and
 * writing the {@code checkAvailability} envelope of its example request. In this package (from the bench module) to
 * reach the provider's package-private reader and writer without changing them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DrsSpecExampleBenchmark {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The values of the vendor's example checkAvailability request. */
    private final DrsEnvelopes.Order order = new DrsEnvelopes.Order(null, "0", null, "3670010", null, null, null, null, null,
            "anything", null, null, List.of(new JobCode("N373049", 1)), ".");
    private final String answer = resource("/drs/check-availability-answer.xml");

    static String resource(String name) {
        try (InputStream in = DrsSpecExampleBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public String writeCheckAvailabilityEnvelope() {
        return DrsEnvelopes.checkAvailability("8a4b805d7ca651e4017ca68c381b0021", order, "2021-10-26T00:00:00.000Z",
                "2021-10-31T23:59:00.000Z");
    }

    @Benchmark
    public List<Slot> readVendorExampleAvailabilityAnswer() {
        XmlElement envelope = SafeXmlReader.read(answer);
        XmlElement result = envelope.child("Body").orElseThrow().children().getFirst().child("return").orElseThrow();
        return DrsMapping.slots(result, Instant.parse("2021-10-25T23:00:00Z"), Instant.parse("2021-10-31T23:59:00Z"), LONDON);
    }
}

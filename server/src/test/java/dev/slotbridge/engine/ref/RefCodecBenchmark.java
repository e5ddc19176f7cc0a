package dev.slotbridge.engine.ref;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Signing and verifying the opaque ids: done for every slot of every search and every booking call. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RefCodecBenchmark {
    private final RefCodec codec = new RefCodec(SigningKeys.of("a-benchmark-signing-key-of-32-chars!".getBytes(StandardCharsets.UTF_8)));
    private final SignedRef slot = new SignedRef("lincoln", "drs",
            Map.of("start", "2026-03-02T08:00:00Z", "end", "2026-03-02T12:00:00Z"));
    private final String token = codec.encode(RefCodec.Kind.SLOT, slot);

    @Benchmark
    public String signSlotId() {
        return codec.encode(RefCodec.Kind.SLOT, slot);
    }

    @Benchmark
    public Optional<SignedRef> verifySlotId() {
        return codec.decode(RefCodec.Kind.SLOT, token);
    }
}

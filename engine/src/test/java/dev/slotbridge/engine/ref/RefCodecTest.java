package dev.slotbridge.engine.ref;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

final class RefCodecTest {
    private final RefCodec codec = new RefCodec(SigningKeys.of("a-signing-key-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8)));
    private final SignedRef ref = new SignedRef("lincoln", "drs", Map.of("start", "2026-03-02T08:00:00Z", "b", "é&<"));

    @Test
    void roundTripsAndIsStableAndUrlSafe() {
        String token = codec.encode(RefCodec.Kind.SLOT, ref);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(codec.encode(RefCodec.Kind.SLOT,
                new SignedRef("lincoln", "drs", Map.of("b", "é&<", "start", "2026-03-02T08:00:00Z")))).isEqualTo(token);
        assertThat(codec.decode(RefCodec.Kind.SLOT, token)).contains(ref);
    }

    @Test
    void everyAlteredByteIsDetected() {
        byte[] bytes = Base64.getUrlDecoder().decode(codec.encode(RefCodec.Kind.SLOT, ref));
        for (int i = 0; i < bytes.length; i++) {
            byte[] altered = bytes.clone();
            altered[i] ^= 0x01;
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertThat(codec.decode(RefCodec.Kind.SLOT, token)).as("byte %d", i).isEmpty();
        }
    }

    @Test
    void aTokenOfAnotherKindOrKeyIsRefused() {
        String slot = codec.encode(RefCodec.Kind.SLOT, ref);
        RefCodec other = new RefCodec(SigningKeys.of("another-signing-key-of-32-characters!!".getBytes(StandardCharsets.UTF_8)));

        assertThat(codec.decode(RefCodec.Kind.BOOKING, slot)).isEmpty();
        assertThat(other.decode(RefCodec.Kind.SLOT, slot)).isEmpty();
    }

    @Test
    void aRotatedKeySignsWhileTheOldOneStillVerifies() {
        byte[] oldKey = "a-signing-key-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8);
        byte[] newKey = "the-new-signing-key-of-32-characters!".getBytes(StandardCharsets.UTF_8);
        RefCodec rotated = new RefCodec(SigningKeys.of(newKey, oldKey));
        String signedBefore = codec.encode(RefCodec.Kind.BOOKING, ref);
        String signedAfter = rotated.encode(RefCodec.Kind.BOOKING, ref);

        assertThat(rotated.decode(RefCodec.Kind.BOOKING, signedBefore)).as("the old key still verifies").contains(ref);
        assertThat(signedAfter).as("the first key signs").isNotEqualTo(signedBefore)
                .isEqualTo(new RefCodec(SigningKeys.of(newKey)).encode(RefCodec.Kind.BOOKING, ref));
        assertThat(codec.decode(RefCodec.Kind.BOOKING, signedAfter)).as("dropped keys do not").isEmpty();
    }

    @Test
    void garbageIsRefusedQuietly() {
        for (String garbage : new String[]{"", "!!!", "AAAA", "a".repeat(5000), null}) {
            assertThat(codec.decode(RefCodec.Kind.SLOT, garbage)).isEmpty();
        }
    }
}

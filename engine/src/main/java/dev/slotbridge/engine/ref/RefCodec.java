package dev.slotbridge.engine.ref;

import io.micronaut.context.annotation.Context;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a {@link SignedRef} into an opaque, URL-safe, tamper-evident token and back.
 *
 * <p>Token = base64url(payload ‖ HMAC-SHA256(key, payload)[0..16)). The payload is a version byte, the token's kind
 * (so a booking ref is never accepted as a slot id), the council, the provider and the values sorted by name, each
 * string as two bytes of UTF-8 length and its bytes: the same ref always gives the same token. The first signing key
 * signs; every one verifies (rotation). The values are only signed, not encrypted: they are the
 * scheduler's own ids and window times, never secrets.
 */
@Context
public final class RefCodec {
    private static final byte VERSION = 1;
    private static final int MAC_LENGTH = 16;
    /** The longest token read: a signed slot or hold id, as every door reads it. */
    public static final int MAX_TOKEN_LENGTH = 2048;
    private static final String ALGORITHM = "HmacSHA256";

    /** What a token stands for. */
    public enum Kind { SLOT, BOOKING, HOLD }

    /** The signing key's MACs, then those of the older keys that still verify. */
    private final List<Macs> keys;

    public RefCodec(SigningKeys signingKeys) {
        this.keys = signingKeys.keys().stream().map(key -> new Macs(new SecretKeySpec(key, ALGORITHM))).toList();
    }

    public String encode(Kind kind, SignedRef ref) {
        byte[] payload = payload(kind, ref);
        byte[] token = Arrays.copyOf(payload, payload.length + MAC_LENGTH);
        System.arraycopy(keys.getFirst().mac(payload), 0, token, payload.length, MAC_LENGTH);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The ref, or empty when the token is malformed, forged, altered or of another kind. */
    public Optional<SignedRef> decode(Kind kind, String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length <= MAC_LENGTH) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - MAC_LENGTH);
        byte[] presented = Arrays.copyOfRange(bytes, payload.length, bytes.length);
        for (Macs key : keys) {
            if (MessageDigest.isEqual(presented, Arrays.copyOf(key.mac(payload), MAC_LENGTH))) {
                return read(kind, payload);
            }
        }
        return Optional.empty();
    }

    private static byte[] payload(Kind kind, SignedRef ref) {
        String[] names = ref.values().keySet().toArray(String[]::new);
        Arrays.sort(names);
        var bytes = new ByteArrayOutputStream(160);
        bytes.write(VERSION);
        bytes.write(kind.ordinal());
        writeString(bytes, ref.councilId());
        writeString(bytes, ref.providerName());
        bytes.write(names.length >>> 8);
        bytes.write(names.length);
        for (String name : names) {
            writeString(bytes, name);
            writeString(bytes, ref.values().get(name));
        }
        return bytes.toByteArray();
    }

    /** A string as its UTF-8 length (two bytes) and bytes. */
    private static void writeString(ByteArrayOutputStream bytes, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xFFFF) {
            throw new IllegalArgumentException("a ref value is too long");
        }
        bytes.write(utf8.length >>> 8);
        bytes.write(utf8.length);
        bytes.write(utf8, 0, utf8.length);
    }

    private static Optional<SignedRef> read(Kind kind, byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            if (in.get() != VERSION || in.get() != kind.ordinal()) {
                return Optional.empty();
            }
            String council = readString(in);
            String provider = readString(in);
            int count = in.getShort() & 0xFFFF;
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                values.put(readString(in), readString(in));
            }
            return in.hasRemaining() ? Optional.empty() : Optional.of(new SignedRef(council, provider, values));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String readString(ByteBuffer in) {
        int length = in.getShort() & 0xFFFF;
        if (length > in.remaining()) {
            throw new IllegalArgumentException("truncated");
        }
        byte[] utf8 = new byte[length];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** One key's MACs: {@link Mac} instances are not thread-safe, so they are pooled and reused. */
    private record Macs(SecretKeySpec key, Queue<Mac> pool) {
        Macs(SecretKeySpec key) {
            this(key, new ConcurrentLinkedQueue<>());
        }

        byte[] mac(byte[] payload) {
            Mac mac = pool.poll();
            if (mac == null) {
                mac = newMac();
            }
            try {
                return mac.doFinal(payload);
            } finally {
                pool.offer(mac);
            }
        }

        private Mac newMac() {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
            }
        }
    }
}

package dev.slotbridge.server.ref;

import jakarta.inject.Named;
import io.micronaut.context.annotation.Context;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a {@link SignedRef} into an opaque, URL-safe, tamper-evident token and back.
 *
 * <p>Token = base64url(payload ‖ HMAC-SHA256(key, payload)[0..16)). The payload is a version byte, the token's kind
 * (so a booking ref is never accepted as a slot id), the council, the provider and the values sorted by name, all
 * length-prefixed: the same ref always gives the same token. Created at start-up, so a missing signing key is
 * reported before the first request. The values are only signed, not encrypted: they are the
 * scheduler's own ids and window times, never secrets.
 */
@Context
public final class RefCodec {
    private static final byte VERSION = 1;
    private static final int MAC_LENGTH = 16;
    private static final int MAX_TOKEN_LENGTH = 2048;
    private static final String ALGORITHM = "HmacSHA256";

    /** What a token stands for. */
    public enum Kind { SLOT, BOOKING }

    private final SecretKeySpec key;

    public RefCodec(@Named(SigningKey.NAME) byte[] signingKey) {
        this.key = new SecretKeySpec(signingKey, ALGORITHM);
    }

    public String encode(Kind kind, SignedRef ref) {
        byte[] payload = payload(kind, ref);
        byte[] token = Arrays.copyOf(payload, payload.length + MAC_LENGTH);
        System.arraycopy(mac(payload), 0, token, payload.length, MAC_LENGTH);
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
        if (!MessageDigest.isEqual(presented, Arrays.copyOf(mac(payload), MAC_LENGTH))) {
            return Optional.empty();
        }
        return read(kind, payload);
    }

    private static byte[] payload(Kind kind, SignedRef ref) {
        var bytes = new ByteArrayOutputStream(128);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(kind.ordinal());
            out.writeUTF(ref.councilId());
            out.writeUTF(ref.providerName());
            Map<String, String> sorted = new TreeMap<>(ref.values());
            out.writeShort(sorted.size());
            for (var entry : sorted.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Optional<SignedRef> read(Kind kind, byte[] payload) {
        try (var in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != VERSION || in.readByte() != kind.ordinal()) {
                return Optional.empty();
            }
            String council = in.readUTF();
            String provider = in.readUTF();
            int count = in.readShort();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                values.put(in.readUTF(), in.readUTF());
            }
            return in.available() == 0 ? Optional.of(new SignedRef(council, provider, values)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
        }
    }
}

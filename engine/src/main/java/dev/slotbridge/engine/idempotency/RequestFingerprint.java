package dev.slotbridge.engine.idempotency;

import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.JobCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an {@code Idempotency-Key} is bound to: the SHA-256 of a booking request's every field, written unambiguously
 * (each field length-prefixed). A repeat must give the same fingerprint; a store keeps only the fingerprint, never
 * the request.
 */
public final class RequestFingerprint {
    private RequestFingerprint() {
    }

    public static String of(BookingRequest request) {
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String> entry : new TreeMap<>(request.slot().values()).entrySet()) {
            field(canonical, entry.getKey());
            field(canonical, entry.getValue());
        }
        field(canonical, "|job");
        field(canonical, request.job().propertyRef());
        for (JobCode code : request.job().jobCodes()) {
            field(canonical, code.code());
            field(canonical, Integer.toString(code.quantity()));
        }
        field(canonical, request.job().priority());
        field(canonical, request.job().externalRef());
        field(canonical, request.job().description());
        Contact contact = request.contact();
        field(canonical, contact == null ? null : contact.name());
        field(canonical, contact == null ? null : contact.phone());
        field(canonical, contact == null ? null : contact.email());
        field(canonical, request.accessNotes());
        return sha256(canonical.toString());
    }

    private static void field(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-;");
        } else {
            canonical.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}

package dev.slotbridge.engine.events;

import dev.slotbridge.config.ConfigSection;
import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.council.CouncilRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * Each council's callback secret ({@code slotbridge.councils.<id>.callbacks.secret}, at least 16 characters): only
 * councils with one take callbacks. A presented secret is compared by its SHA-256 digest in constant time, so neither
 * its length nor an early exit tells how close a guess was. The secrets are masked in logs.
 */
@Context
public final class CallbackSecrets {
    private final Map<String, byte[]> digests = new HashMap<>();

    CallbackSecrets(CouncilRegistry councils, SlotbridgeConfiguration configuration) {
        Map<String, ConfigSection> sections = configuration.root().entries("councils");
        for (Council council : councils.all()) {
            ConfigSection callbacks = sections.get(council.id()).section("callbacks");
            callbacks.text("secret").ifPresent(secret -> {
                if (council.provider().callbacks().isEmpty()) {
                    String name = callbacks.path() + ".secret";
                    throw new ConfigurationException(name + ": the council's provider '" + council.providerName()
                            + "' takes no callbacks");
                }
                digests.put(council.id(), sha256(secret));
            });
        }
    }

    /** Whether the council takes callbacks. */
    public boolean takesCallbacks(String council) {
        return digests.containsKey(council);
    }

    /** Whether the presented secret is the council's. */
    public boolean matches(String council, String presented) {
        byte[] expected = digests.get(council);
        return expected != null && presented != null && MessageDigest.isEqual(expected, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

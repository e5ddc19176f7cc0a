package dev.slotbridge.server.ref;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The secret that signs slot ids and booking refs: {@code slotbridge.signing-key} (e.g. from the
 * {@code SLOTBRIDGE_SIGNING_KEY} environment variable), at least 32 characters. Without one the server makes a random
 * key and warns that refs issued now will not be accepted after a restart (nor by another instance).
 */
@Factory
final class SigningKey {
    static final String NAME = "slotbridge.signing-key";
    private static final int MINIMUM_LENGTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);

    @Singleton
    @Named(NAME)
    byte[] signingKey(@Nullable @Value("${" + NAME + ":}") String configured) {
        if (configured == null || configured.isEmpty()) {
            LOG.warn("No {} is set: using a random key. Slot ids and booking refs will not survive a restart "
                    + "and are not shared between instances; set SLOTBRIDGE_SIGNING_KEY.", NAME);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return key;
        }
        if (configured.length() < MINIMUM_LENGTH) {
            throw new ConfigurationException(NAME + " must be at least " + MINIMUM_LENGTH + " characters");
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.slotbridge.engine.ref;

import dev.slotbridge.config.SlotbridgeConfiguration;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/**
 * The {@link SigningKeys} from {@code slotbridge.signing-key} (e.g. {@code ${SLOTBRIDGE_SIGNING_KEY}}): one key of 32+
 * characters, or a list of them to rotate. The configuration's validation requires it outside the demo environment;
 * the demo alone runs on a random key, with a warning that its refs will not survive a restart.
 */
@Factory
final class SigningKey {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);

    @Singleton
    SigningKeys signingKeys(SlotbridgeConfiguration configuration) {
        List<String> configured = configuration.root().list("signing-key");
        if (configured.isEmpty()) {
            LOG.warn("No slotbridge.signing-key is set (allowed in the demo only): using a random key. Slot ids and "
                    + "booking refs will not survive a restart and are not shared between instances.");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return SigningKeys.of(key);
        }
        return new SigningKeys(configured.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList());
    }
}

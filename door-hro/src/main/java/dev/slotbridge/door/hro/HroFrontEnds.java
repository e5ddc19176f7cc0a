package dev.slotbridge.door.hro;

import dev.slotbridge.config.ConfigSection;
import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.Permission;
import dev.slotbridge.engine.security.RateLimit;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured front ends ({@code slotbridge.hro.front-ends}), validated with the rest of the configuration (a
 * secret of 32+ characters, a configured council, a 64-hex-digit identifier digest, search settings in range). Each
 * front end acts as an API client of its council only, allowed to search, book and manage the bookings it made —
 * every booking of the council (HRO finds them by order number, whoever made them) only with {@code manage-all:
 * true} — never to read personal data back.
 */
@Singleton
@Context
final class HroFrontEnds {
    /** The property whose presence turns the front door on. */
    static final String FRONT_ENDS = "slotbridge.hro.front-ends";

    private final Map<String, HroFrontEnd> byName = new LinkedHashMap<>();
    private final Map<String, byte[]> digests = new LinkedHashMap<>();

    HroFrontEnds(SlotbridgeConfiguration configuration) {
        configuration.root().section("hro").entries("front-ends").forEach((name, frontEnd) -> {
            String council = frontEnd.text("council").orElseThrow();
            Permission manage = frontEnd.flag("manage-all") ? Permission.MANAGE_ALL : Permission.MANAGE_OWN;
            ApiClient client = new ApiClient(name, Set.of(council), RateLimit.DEFAULT,
                    Map.of(council, Set.of(Permission.SEARCH, Permission.BOOK, manage)));
            byName.put(name, new HroFrontEnd(client, council, days(frontEnd, "lead-time-days"),
                    days(frontEnd, "max-days"), days(frontEnd, "search-days")));
            digests.put(name, HexFormat.of().parseHex(frontEnd.text("identifier-sha256").orElseThrow().toLowerCase()));
        });
    }

    private static int days(ConfigSection frontEnd, String key) {
        return Math.toIntExact(frontEnd.wholeNumber(key));
    }

    /** The front end whose identifier this is; every digest is compared, in constant time. */
    Optional<HroFrontEnd> identify(String identifier) {
        byte[] presented = sha256(identifier);
        HroFrontEnd match = null;
        for (Map.Entry<String, byte[]> entry : digests.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), presented)) {
                match = byName.get(entry.getKey());
            }
        }
        return Optional.ofNullable(match);
    }

    Optional<HroFrontEnd> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}

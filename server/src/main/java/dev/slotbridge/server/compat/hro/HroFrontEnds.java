package dev.slotbridge.server.compat.hro;

import dev.slotbridge.server.council.CouncilRegistry;
import dev.slotbridge.server.security.ApiClient;
import dev.slotbridge.server.security.Permission;
import dev.slotbridge.server.security.RateLimit;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured front ends, checked at start-up (every problem named at once): a secret of 32+ characters, a known
 * council, an identifier digest of 64 hex digits, sane search settings. Each front end acts as an API client of its
 * council only, allowed to search, book and manage that council's bookings (including those made through
 * {@code /v1}, since HRO finds bookings by reference), never to read personal data back.
 */
@Singleton
@Context
final class HroFrontEnds {
    static final int MIN_SECRET_LENGTH = 32;
    private static final Set<Permission> PERMISSIONS = Set.of(Permission.SEARCH, Permission.BOOK, Permission.MANAGE_ALL);

    private final Map<String, HroFrontEnd> byName = new LinkedHashMap<>();
    private final Map<String, byte[]> digests = new LinkedHashMap<>();

    HroFrontEnds(List<HroFrontEndProperties> configured, HroProperties properties, CouncilRegistry councils) {
        List<String> problems = new ArrayList<>();
        if (!configured.isEmpty() && (properties.jwtSecret() == null || properties.jwtSecret().length() < MIN_SECRET_LENGTH)) {
            problems.add("slotbridge.hro.jwt-secret: at least " + MIN_SECRET_LENGTH + " characters are needed to serve HRO front ends");
        }
        for (HroFrontEndProperties frontEnd : configured) {
            String prefix = HroProperties.FRONT_ENDS + "." + frontEnd.name() + ".";
            if (frontEnd.identifierSha256() == null || !frontEnd.identifierSha256().matches("[0-9a-fA-F]{64}")) {
                problems.add(prefix + "identifier-sha256: must be the SHA-256 hex digest (64 hex digits) of the identifier");
            }
            if (frontEnd.council() == null || councils.find(frontEnd.council()).isEmpty()) {
                problems.add(prefix + "council: must name a configured council");
            }
            if (frontEnd.maxDays() < 1 || frontEnd.searchDays() < 1 || frontEnd.searchDays() > 62
                    || frontEnd.leadTimeDays() < 0 || frontEnd.leadTimeDays() > 366) {
                problems.add(prefix + "max-days, search-days (1–62), lead-time-days (0–366): out of range");
            }
            if (problems.isEmpty()) {
                ApiClient client = new ApiClient(frontEnd.name(), Set.of(frontEnd.council()), RateLimit.DEFAULT,
                        Map.of(frontEnd.council(), PERMISSIONS));
                byName.put(frontEnd.name(), new HroFrontEnd(client, frontEnd.council(), frontEnd.leadTimeDays(),
                        frontEnd.maxDays(), frontEnd.searchDays()));
                digests.put(frontEnd.name(), HexFormat.of().parseHex(frontEnd.identifierSha256().toLowerCase()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("\n", problems));
        }
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

package dev.slotbridge.engine.security;

import dev.slotbridge.config.ConfigSection;
import dev.slotbridge.config.ConfigurationDescription;
import dev.slotbridge.config.SlotbridgeConfiguration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises API keys. A presented key is hashed with SHA-256 and compared in constant time with every client's
 * configured digest, so neither timing nor an early exit tells how close a guess was. Built at start-up from the
 * validated configuration.
 */
@Context
public final class ApiClients {
    private static final Logger LOG = LoggerFactory.getLogger(ApiClients.class);
    /** The environment of {@code ./run-sandbox}, whose client uses the README's demo key on purpose. */
    private static final String DEMO_ENVIRONMENT = "demo";
    private static final MessageDigest SHA_256 = sha256Prototype();
    private static final byte[] DEMO_KEY_DIGEST = sha256("sandbox-demo-key");

    private record Entry(ApiClient client, byte[] digest) {
    }

    private final List<Entry> entries;

    public ApiClients(SlotbridgeConfiguration configuration, Environment environment) {
        this.entries = configuration.root().entries("clients").values().stream().map(ApiClients::entry).toList();
        if (!environment.getActiveNames().contains(DEMO_ENVIRONMENT)) {
            entries.stream().filter(entry -> MessageDigest.isEqual(entry.digest(), DEMO_KEY_DIGEST)).forEach(entry ->
                    LOG.warn("Client '{}' uses the demo key published in the README: anyone can use it. Give it a key of "
                            + "its own", entry.client().name()));
        }
    }

    /**
     * A client from its validated section: at each of its councils the permissions of {@code council-permissions},
     * else of {@code permissions}, else none; {@code all} grants every permission.
     */
    private static Entry entry(ConfigSection client) {
        Set<String> councils = Set.copyOf(client.list("councils"));
        Map<String, List<String>> perCouncil = client.lists("council-permissions");
        Map<String, Set<Permission>> permissions = new HashMap<>();
        for (String council : councils) {
            permissions.put(council, permissions(perCouncil.getOrDefault(council, client.list("permissions"))));
        }
        RateLimit rateLimit = new RateLimit(Math.toIntExact(client.section("rate-limit").wholeNumber("requests")),
                client.section("rate-limit").duration("period").orElseThrow());
        return new Entry(new ApiClient(client.name(), councils, rateLimit, permissions),
                HexFormat.of().parseHex(client.text("key-sha256").orElseThrow().toLowerCase()));
    }

    private static Set<Permission> permissions(List<String> names) {
        if (names.contains(ConfigurationDescription.ALL_PERMISSIONS)) {
            return EnumSet.allOf(Permission.class);
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        names.forEach(name -> permissions.add(Permission.fromConfig(name).orElseThrow()));
        return permissions;
    }

    /** Every configured client. */
    public List<ApiClient> all() {
        return entries.stream().map(Entry::client).toList();
    }

    /** The client whose key this is, if any. */
    public Optional<ApiClient> authenticate(String presentedKey) {
        byte[] digest = sha256(presentedKey);
        ApiClient match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                match = entry.client();
            }
        }
        return Optional.ofNullable(match);
    }

    static byte[] sha256(String key) {
        try {
            return ((MessageDigest) SHA_256.clone()).digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be copied", e);
        }
    }

    /** Copied for each key: looking the algorithm up among the security providers costs more than the digest. */
    private static MessageDigest sha256Prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}

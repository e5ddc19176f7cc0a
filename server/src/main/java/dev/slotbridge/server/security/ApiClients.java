package dev.slotbridge.server.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.type.Argument;
import io.micronaut.core.value.PropertyResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises API keys. A presented key is hashed with SHA-256 and compared in constant time with every client's
 * configured digest, so neither timing nor an early exit tells how close a guess was. Built at start-up, so a
 * malformed digest stops the server before it takes a request.
 */
@Context
public final class ApiClients {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Logger LOG = LoggerFactory.getLogger(ApiClients.class);
    /** The environment of {@code ./run-sandbox}, whose client uses the README's demo key on purpose. */
    private static final String DEMO_ENVIRONMENT = "demo";
    private static final MessageDigest SHA_256 = sha256Prototype();
    private static final byte[] DEMO_KEY_DIGEST = sha256("sandbox-demo-key");

    private record Entry(ApiClient client, byte[] digest) {
    }

    private final List<Entry> entries;

    public ApiClients(List<ClientProperties> clients, PropertyResolver configuration, Environment environment) {
        this.entries = clients.stream().map(client -> entry(client, configuration)).toList();
        if (!environment.getActiveNames().contains(DEMO_ENVIRONMENT)) {
            entries.stream().filter(entry -> MessageDigest.isEqual(entry.digest(), DEMO_KEY_DIGEST)).forEach(entry ->
                    LOG.warn("Client '{}' uses the demo key published in the README: anyone can use it. Give it a key of "
                            + "its own", entry.client().name()));
        }
    }

    private static Entry entry(ClientProperties properties, PropertyResolver configuration) {
        String digest = properties.keySha256();
        if (digest == null || !SHA256_HEX.matcher(digest).matches()) {
            throw new ConfigurationException("client '" + properties.name()
                    + "': 'key-sha256' must be the 64-character hex SHA-256 digest of its key");
        }
        Set<String> councils = properties.councils() == null ? Set.of() : Set.copyOf(properties.councils());
        Map<String, Set<Permission>> permissions = new HashMap<>();
        for (String council : councils) {
            List<String> named = configuration.getProperty("slotbridge.clients." + properties.name()
                    + ".council-permissions." + council, Argument.listOf(String.class)).orElse(properties.permissions());
            if (named != null) {
                permissions.put(council, permissions(properties.name(), named));
            }
        }
        if (permissions.size() < councils.size()) {
            LOG.warn("Client '{}' has no permissions configured for some of its councils: there it may do everything, "
                    + "including see every tenant's contact details (see docs/security.md)", properties.name());
        }
        return new Entry(new ApiClient(properties.name(), councils, rateLimit(properties.name(), configuration), permissions),
                HexFormat.of().parseHex(digest.toLowerCase()));
    }

    private static Set<Permission> permissions(String client, List<String> names) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String name : names) {
            permissions.add(Permission.fromConfig(name).orElseThrow(() -> new ConfigurationException("client '" + client
                    + "': unknown permission '" + name + "'; known: "
                    + Arrays.stream(Permission.values()).map(Permission::configName).toList())));
        }
        return permissions;
    }

    private static RateLimit rateLimit(String client, PropertyResolver configuration) {
        String prefix = "slotbridge.clients." + client + ".rate-limit.";
        int requests = configuration.getProperty(prefix + "requests", Integer.class, RateLimit.DEFAULT.requests());
        Duration period = configuration.getProperty(prefix + "period", Duration.class, RateLimit.DEFAULT.period());
        if (requests < 1 || period.isZero() || period.isNegative()) {
            throw new ConfigurationException("client '" + client
                    + "': 'rate-limit' needs requests of at least 1 and a positive period");
        }
        return new RateLimit(requests, period);
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

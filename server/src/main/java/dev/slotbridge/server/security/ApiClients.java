package dev.slotbridge.server.security;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.context.annotation.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
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

    private record Entry(ApiClient client, byte[] digest) {
    }

    private final List<Entry> entries;

    public ApiClients(List<ClientProperties> clients) {
        this.entries = clients.stream().map(ApiClients::entry).toList();
    }

    private static Entry entry(ClientProperties properties) {
        String digest = properties.keySha256();
        if (digest == null || !SHA256_HEX.matcher(digest).matches()) {
            throw new ConfigurationException("client '" + properties.name()
                    + "': 'key-sha256' must be the 64-character hex SHA-256 digest of its key");
        }
        Set<String> councils = properties.councils() == null ? Set.of() : Set.copyOf(properties.councils());
        return new Entry(new ApiClient(properties.name(), councils), HexFormat.of().parseHex(digest.toLowerCase()));
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
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}

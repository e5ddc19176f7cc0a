package dev.slotbridge.http.security;

import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Failed authentications — an API key, an HRO identifier or token, a callback secret — counted per client address
 * ({@link ClientAddresses}; an IPv6 address per /64) and per presented credential, in one-minute windows. Past
 * {@code slotbridge.authentication.max-failures} failures of an address or of a credential in its window, its further
 * <em>failures</em> are answered 429 with {@code Retry-After} until the window ends. Only failures are counted or
 * refused: a valid credential is never looked up here, so failing from someone's address, or with their old key,
 * cannot lock them out. A credential is kept as 64 bits of a SHA-256 salted per process, never as sent. Each table
 * keeps the 100,000 keys that failed last (about 11 MB when full). Counted in this instance's memory, whatever the
 * store: a store round trip per failure would let a flood of wrong keys load the store every replica books through.
 */
@Singleton
public final class FailedAuthentications {
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(FailedAuthentications.class);

    private final Clock clock;
    private final ClientAddresses addresses;
    private final int maxFailures;
    private final byte[] salt = new byte[16];
    private final Windows<String> byAddress = new Windows<>();
    private final Windows<Long> byCredential = new Windows<>();

    public FailedAuthentications(Clock clock, ClientAddresses addresses, SlotbridgeConfiguration configuration) {
        this.clock = clock;
        this.addresses = addresses;
        this.maxFailures = Math.toIntExact(configuration.root().section("authentication").wholeNumber("max-failures"));
        new SecureRandom().nextBytes(salt);
    }

    /**
     * Counts a failed authentication of the request; when its address or the credential it presented is past the
     * limit, how long until that failure would be answered 401 again.
     *
     * @param presented what the request presented (null when nothing): a key, an identifier, a token, a secret
     */
    public Optional<Duration> failed(HttpRequest<?> request, @Nullable String presented) {
        return failed(addresses.of(request), presented);
    }

    /** Counts the failure and answers it: 401 {@code unauthenticated}, or 429 {@code rate-limited} past the limit. */
    public ProblemException unauthenticated(HttpRequest<?> request, @Nullable String presented, String detail) {
        return failed(request, presented).map(wait -> new ProblemException(ProblemType.RATE_LIMITED,
                        "Too many failed authentications from this address or with this credential; wait before trying "
                                + "again", null, retryAfterSeconds(wait)))
                .orElseGet(() -> new ProblemException(ProblemType.UNAUTHENTICATED, detail));
    }

    /** A wait as a {@code Retry-After} value: whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    Optional<Duration> failed(InetAddress client, @Nullable String presented) {
        String address = ClientAddresses.key(client);
        Long credential = presented == null || presented.isBlank() ? null : fingerprint(presented);
        Instant now = clock.instant();
        Window byThisAddress;
        Window byThisCredential;
        synchronized (this) {
            byThisAddress = byAddress.failed(address, now);
            byThisCredential = credential == null ? null : byCredential.failed(credential, now);
        }
        if (byThisAddress.failures() == maxFailures + 1) {
            LOG.warn("More than {} failed authentications in a minute from {}: its failures are answered 429 until {}",
                    maxFailures, address, byThisAddress.end());
        }
        if (byThisCredential != null && byThisCredential.failures() == maxFailures + 1) {
            LOG.warn("The same wrong credential failed more than {} times in a minute, the last time from {}: its "
                    + "failures are answered 429 until {}", maxFailures, address, byThisCredential.end());
        }
        return Stream.of(byThisAddress, byThisCredential)
                .filter(window -> window != null && window.failures() > maxFailures)
                .map(window -> Duration.between(now, window.end())).max(Duration::compareTo);
    }

    private long fingerprint(String presented) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return ByteBuffer.wrap(sha256.digest(presented.getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Window(Instant start, int failures) {
        Instant end() {
            return start.plus(WINDOW);
        }
    }

    /** Failures per key in its current window, the least recently failed key dropped past {@code MAX_ENTRIES}. */
    private static final class Windows<K> extends LinkedHashMap<K, Window> {
        Windows() {
            super(16, 0.75f, true);
        }

        /** Counts a failure of the key in its current window, or in a new one from now. */
        Window failed(K key, Instant now) {
            Window window = get(key);
            Window counted = window == null || !now.isBefore(window.end()) ? new Window(now, 1)
                    : new Window(window.start(), window.failures() + 1);
            put(key, counted);
            return counted;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, Window> eldest) {
            return size() > MAX_ENTRIES;
        }
    }
}

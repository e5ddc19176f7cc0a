package dev.slotbridge.spi.support;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The rule for an OAuth2 access token a provider sends as its credentials: fetched once and shared by every call,
 * renewed shortly before it expires (a minute early, or at half its lifetime if that is sooner) by the provider's
 * clock, one renewal at a time (callers finding it stale wait for the one fetching it), and forgotten when the
 * scheduler answers 401 to it, so the next call fetches a new one — the call that met the 401 is sent once more with
 * it ({@link #send}), never more. How a token is fetched (grant type, form, answer) is the provider's {@code issuer}.
 * Tokens are never logged.
 */
public final class AccessTokens {
    /** The lifetime assumed when the token answer gives none. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    private static final Duration MARGIN = Duration.ofMinutes(1);

    /**
     * A token as the token endpoint issued it.
     *
     * @param lifetime its {@code expires_in}, or null when the answer gives none
     */
    public record Issued(String value, Duration lifetime) {
        public Issued {
            Objects.requireNonNull(value, "value is null");
        }

        /** Hides the token. */
        @Override
        public String toString() {
            return "Issued[value=***, lifetime=" + lifetime + "]";
        }
    }

    private record Token(String value, Instant renewAfter) {
    }

    private final Supplier<Issued> issuer;
    private final Clock clock;
    private final ReentrantLock renewing = new ReentrantLock();
    private volatile Token current;

    /** @param issuer asks the token endpoint for a new token; throws the SPI's exceptions when it cannot */
    public AccessTokens(Supplier<Issued> issuer, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** A valid token, fetched only when there is none or it is about to expire. */
    public String token() {
        Token token = current;
        if (fresh(token)) {
            return token.value();
        }
        renewing.lock();
        try {
            if (!fresh(current)) {
                current = fetch();
            }
            return current.value();
        } finally {
            renewing.unlock();
        }
    }

    /** Forgets {@code rejected} (the scheduler answered 401 to it), unless another caller already replaced it. */
    public void invalidate(String rejected) {
        renewing.lock();
        try {
            if (current != null && current.value().equals(rejected)) {
                current = null;
            }
        } finally {
            renewing.unlock();
        }
    }

    /** Asks for a new token once, neither using nor replacing the cached one: what a probe does. */
    public Issued issueNew() {
        return issuer.get();
    }

    /**
     * Makes the exchange with the current token; when the scheduler answers 401, forgets that token and makes the
     * exchange once more with a fresh one. Returns the last answer: a second 401 is for the caller to report as
     * credentials rejected.
     */
    public <T> HttpResponse<T> send(Function<String, HttpResponse<T>> exchange) {
        String token = token();
        HttpResponse<T> response = exchange.apply(token);
        if (response.statusCode() != 401) {
            return response;
        }
        invalidate(token);
        return exchange.apply(token());
    }

    private boolean fresh(Token token) {
        return token != null && clock.instant().isBefore(token.renewAfter());
    }

    private Token fetch() {
        Issued issued = issuer.get();
        Duration lifetime = issued.lifetime() == null || issued.lifetime().isNegative() || issued.lifetime().isZero()
                ? DEFAULT_LIFETIME : issued.lifetime();
        Duration usable = lifetime.minus(MARGIN).compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.minus(MARGIN)
                : lifetime.dividedBy(2);
        return new Token(issued.value(), clock.instant().plus(usable));
    }
}

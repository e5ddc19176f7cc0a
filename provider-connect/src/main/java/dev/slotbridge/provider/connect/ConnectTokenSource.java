package dev.slotbridge.provider.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.provider.connect.wire.TokenResponse;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.support.HttpTransport;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Connect's OAuth2 password-grant token ({@code POST {base-url}/token}, form-encoded), cached until shortly before
 * {@code expires_in} runs out (a minute, or half the lifetime if that is shorter), by the provider's clock. One
 * refresh at a time: callers that find the token stale wait for the one fetching it. The token is never logged.
 */
final class ConnectTokenSource {
    private static final long DEFAULT_LIFETIME_SECONDS = 3600;
    private static final long MARGIN_SECONDS = 60;

    private record Token(String value, Instant refreshAfter) {
    }

    private final ConnectSettings settings;
    private final HttpTransport transport;
    private final ObjectMapper json;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Token current;

    ConnectTokenSource(ConnectSettings settings, HttpTransport transport, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
        this.clock = clock;
    }

    /** A valid access token, fetched only when there is none or it is about to expire. */
    String token() {
        Token token = current;
        if (fresh(token)) {
            return token.value();
        }
        refreshing.lock();
        try {
            if (!fresh(current)) {
                current = fetch();
            }
            return current.value();
        } finally {
            refreshing.unlock();
        }
    }

    /**
     * Asks {@code /token} for a new token once, neither using nor replacing the cached one (the probe): a refusal of
     * the credentials is {@link SchedulerCredentialsRejectedException}.
     */
    void requestNew() {
        fetch();
    }

    /** Forgets {@code rejected} (Connect answered 401 to it), unless another caller already replaced it. */
    void invalidate(String rejected) {
        refreshing.lock();
        try {
            if (current != null && current.value().equals(rejected)) {
                current = null;
            }
        } finally {
            refreshing.unlock();
        }
    }

    private boolean fresh(Token token) {
        return token != null && clock.instant().isBefore(token.refreshAfter());
    }

    private Token fetch() {
        String form = "grant_type=password&username=" + encode(settings.username()) + "&password=" + encode(settings.password());
        HttpResponse<String> response = transport.send(transport.request(settings.token())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new SchedulerCredentialsRejectedException("Connect refused the configured username and password "
                    + "at /token (HTTP " + response.statusCode() + ")");
        }
        TokenResponse answer;
        try {
            answer = json.readValue(response.body(), TokenResponse.class);
        } catch (JsonProcessingException e) {
            throw new SchedulerResponseException("Connect answered /token with something that is not a token", e);
        }
        if (response.statusCode() != 200 || answer.accessToken() == null || answer.accessToken().isBlank()) {
            throw new SchedulerResponseException("Connect answered /token with HTTP " + response.statusCode()
                    + " and no access_token", null);
        }
        long lifetime = answer.expiresIn() == null || answer.expiresIn() <= 0 ? DEFAULT_LIFETIME_SECONDS : answer.expiresIn();
        long usable = Math.max(lifetime / 2, lifetime - MARGIN_SECONDS);
        return new Token(answer.accessToken(), clock.instant().plusSeconds(usable));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

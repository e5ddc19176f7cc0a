package dev.slotbridge.provider.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.provider.connect.wire.TokenResponse;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.support.AccessTokens;
import dev.slotbridge.spi.support.HttpTransport;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Connect's OAuth2 password-grant token ({@code POST {base-url}/token}, form-encoded), kept and renewed by the shared
 * {@link AccessTokens} rule (cached until shortly before {@code expires_in} runs out, one renewal at a time, forgotten
 * on a 401). The token is never logged.
 */
final class ConnectTokenSource {
    private final ConnectSettings settings;
    private final HttpTransport transport;
    private final ObjectMapper json;
    private final AccessTokens tokens;

    ConnectTokenSource(ConnectSettings settings, HttpTransport transport, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
        this.tokens = new AccessTokens(this::fetch, clock);
    }

    /** The cached token, and its renewal on a 401 ({@link AccessTokens#send}). */
    AccessTokens tokens() {
        return tokens;
    }

    /**
     * Asks {@code /token} for a new token once, neither using nor replacing the cached one (the probe): a refusal of
     * the credentials is {@link SchedulerCredentialsRejectedException}.
     */
    void requestNew() {
        tokens.issueNew();
    }

    private AccessTokens.Issued fetch() {
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
        return new AccessTokens.Issued(answer.accessToken(),
                answer.expiresIn() == null ? null : Duration.ofSeconds(answer.expiresIn()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

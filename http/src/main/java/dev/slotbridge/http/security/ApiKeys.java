package dev.slotbridge.http.security;

import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.ApiClients;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Requires {@code Authorization: Bearer <api-key>} on every {@code /v1} call ({@link ApiCallerFilter}) and finds its
 * {@link ApiClient}. No key or an unknown key is 401; two {@code Authorization} headers are 400 {@code malformed-request}
 * ({@link AuthorizationHeader}); failures past the limit of their address or key are 429 for a while
 * ({@link FailedAuthentications}), a valid key never is. The key itself is never logged.
 */
@Singleton
final class ApiKeys {
    private final ApiClients clients;
    private final FailedAuthentications failures;

    ApiKeys(ApiClients clients, FailedAuthentications failures) {
        this.clients = clients;
        this.failures = failures;
    }

    /** The request's client; a {@code ProblemException} (401, 400 or 429) when it has none. */
    ApiClient authenticate(HttpRequest<?> request) {
        String header = AuthorizationHeader.of(request);
        String key = AuthorizationHeader.bearerCredential(header);
        if (key == null) {
            throw failures.unauthenticated(request, header, "Send the API key as 'Authorization: Bearer <key>'");
        }
        return clients.authenticate(key).orElseThrow(() ->
                failures.unauthenticated(request, key, "The API key is not recognised"));
    }
}

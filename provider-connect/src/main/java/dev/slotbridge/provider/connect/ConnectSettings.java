package dev.slotbridge.provider.connect;

import dev.slotbridge.spi.ProviderSettings;

import java.net.URI;
import java.util.Set;

/**
 * A council's Connect settings.
 *
 * @param baseUrl        the {@code .../WS-API} root: {@code /token} and {@code /api/...} are under it
 * @param password       never shown
 * @param defaultPriority the {@code PriorityExternalId} when the caller gives no priority, or null
 * @param apiVersion     sent as {@code Accept: application/json;version=N}
 * @param numberOfWeeks  weeks per availability call, 1–5
 */
record ConnectSettings(URI baseUrl, String username, String password, String contractExternalId,
                       String organisationExternalId, String defaultPriority, int apiVersion, int numberOfWeeks) {
    static final Set<String> KEYS = Set.of("base-url", "username", "password", "contract-external-id",
            "organisation-external-id", "default-priority", "api-version", "number-of-weeks");

    static ConnectSettings from(ProviderSettings settings) {
        URI base = settings.httpUrl("base-url");
        return new ConnectSettings(URI.create(base.toString().replaceAll("/+$", "")), settings.require("username"),
                settings.require("password"), settings.require("contract-external-id"),
                settings.require("organisation-external-id"), settings.optional("default-priority").orElse(null),
                settings.integer("api-version", 3, 1, 9), settings.integer("number-of-weeks", 2, 1, 5));
    }

    URI token() {
        return URI.create(baseUrl + "/token");
    }

    URI api(String pathAndQuery) {
        return URI.create(baseUrl + "/api/" + pathAndQuery);
    }

    @Override
    public String toString() {
        return "ConnectSettings[baseUrl=" + baseUrl + ", username=" + username + ", password=***, contractExternalId="
                + contractExternalId + ", organisationExternalId=" + organisationExternalId + ", defaultPriority="
                + defaultPriority + ", apiVersion=" + apiVersion + ", numberOfWeeks=" + numberOfWeeks + "]";
    }
}

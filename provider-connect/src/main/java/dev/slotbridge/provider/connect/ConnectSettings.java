package dev.slotbridge.provider.connect;

import dev.slotbridge.spi.ProviderSettings;
import dev.slotbridge.spi.SettingDescriptor;

import java.net.URI;
import java.util.List;

import static dev.slotbridge.spi.SettingDescriptor.optional;
import static dev.slotbridge.spi.SettingDescriptor.required;

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
    static final SettingDescriptor BASE_URL = required("base-url",
            "the `.../WS-API` root; `/token` and `/api/...` are under it");
    static final SettingDescriptor USERNAME = required("username",
            "the OAuth2 password-grant user (`<account>@clouddialogs.com`)");
    static final SettingDescriptor PASSWORD = required("password", "the OAuth2 password-grant password").asSecret();
    static final SettingDescriptor CONTRACT_EXTERNAL_ID = required("contract-external-id",
            "`ContractExternalId` of every order");
    static final SettingDescriptor ORGANISATION_EXTERNAL_ID = required("organisation-external-id",
            "the customer's `OrganisationExternalId`");
    static final SettingDescriptor DEFAULT_PRIORITY = optional("default-priority", null,
            "`PriorityExternalId` when the caller gives no `priority` (without either: 400 naming `priority`)");
    static final SettingDescriptor API_VERSION = optional("api-version", "3",
            "`Accept: application/json;version=N` (1–9)");
    static final SettingDescriptor NUMBER_OF_WEEKS = optional("number-of-weeks", "2", "weeks per availability call, 1–5");
    static final List<SettingDescriptor> DESCRIPTORS = List.of(BASE_URL, USERNAME, PASSWORD, CONTRACT_EXTERNAL_ID,
            ORGANISATION_EXTERNAL_ID, DEFAULT_PRIORITY, API_VERSION, NUMBER_OF_WEEKS);

    static ConnectSettings from(ProviderSettings settings) {
        URI base = settings.httpUrl(BASE_URL);
        return new ConnectSettings(URI.create(base.toString().replaceAll("/+$", "")), settings.string(USERNAME),
                settings.string(PASSWORD), settings.string(CONTRACT_EXTERNAL_ID),
                settings.string(ORGANISATION_EXTERNAL_ID), settings.optional(DEFAULT_PRIORITY).orElse(null),
                settings.integer(API_VERSION, 1, 9), settings.integer(NUMBER_OF_WEEKS, 1, 5));
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

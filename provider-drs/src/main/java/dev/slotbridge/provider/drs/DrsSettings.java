package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.ProviderSettings;

import java.net.URI;
import java.util.Set;

/**
 * A council's DRS settings.
 *
 * @param endpoint        the Web Services Gateway SOAP URL
 * @param password        never shown
 * @param contract        the DRS contract ({@code 0} at Lincoln)
 * @param userId          the {@code userId} sent on every request
 * @param defaultPriority the DRS priority when the caller gives none, or null
 * @param targetDays      days from today to the order's {@code targetDate}
 */
record DrsSettings(URI endpoint, String username, String password, String contract, String userId,
                   String defaultPriority, int targetDays) {
    static final Set<String> KEYS = Set.of("endpoint", "username", "password", "contract", "user-id",
            "default-priority", "target-days");

    static DrsSettings from(ProviderSettings settings) {
        return new DrsSettings(settings.httpUrl("endpoint"), settings.require("username"), settings.require("password"),
                settings.require("contract"), settings.string("user-id", "slotbridge"),
                settings.optional("default-priority").orElse(null), settings.integer("target-days", 20, 0, 366));
    }

    @Override
    public String toString() {
        return "DrsSettings[endpoint=" + endpoint + ", username=" + username + ", password=***, contract=" + contract
                + ", userId=" + userId + ", defaultPriority=" + defaultPriority + ", targetDays=" + targetDays + "]";
    }
}

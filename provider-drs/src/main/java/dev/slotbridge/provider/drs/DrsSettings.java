package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.ProviderSettings;
import dev.slotbridge.spi.SettingDescriptor;

import java.net.URI;
import java.util.List;

import static dev.slotbridge.spi.SettingDescriptor.optional;
import static dev.slotbridge.spi.SettingDescriptor.required;

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
    static final SettingDescriptor ENDPOINT = required("endpoint", "the Web Services Gateway's SOAP URL");
    static final SettingDescriptor USERNAME = required("username", "the `openSession` login");
    static final SettingDescriptor PASSWORD = required("password", "the `openSession` password").asSecret();
    static final SettingDescriptor CONTRACT = required("contract", "the DRS contract (`0` at Lincoln)");
    static final SettingDescriptor USER_ID = optional("user-id", "slotbridge", "`userId` sent on every request");
    static final SettingDescriptor DEFAULT_PRIORITY = optional("default-priority", null,
            "the DRS priority when the caller gives none (booking without either: 400 naming `job.priority`)");
    static final SettingDescriptor TARGET_DAYS = optional("target-days", "20",
            "the order's `targetDate` is today + this many days (0–366), 23:59:59 local");
    static final List<SettingDescriptor> DESCRIPTORS =
            List.of(ENDPOINT, USERNAME, PASSWORD, CONTRACT, USER_ID, DEFAULT_PRIORITY, TARGET_DAYS);

    static DrsSettings from(ProviderSettings settings) {
        return new DrsSettings(settings.httpUrl(ENDPOINT), settings.string(USERNAME), settings.string(PASSWORD),
                settings.string(CONTRACT), settings.string(USER_ID), settings.optional(DEFAULT_PRIORITY).orElse(null),
                settings.integer(TARGET_DAYS, 0, 366));
    }

    @Override
    public String toString() {
        return "DrsSettings[endpoint=" + endpoint + ", username=" + username + ", password=***, contract=" + contract
                + ", userId=" + userId + ", defaultPriority=" + defaultPriority + ", targetDays=" + targetDays + "]";
    }
}

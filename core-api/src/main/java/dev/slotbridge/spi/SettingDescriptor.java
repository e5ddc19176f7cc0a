package dev.slotbridge.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting a provider understands ({@code slotbridge.councils.<id>.settings.<key>}): the single place its key,
 * whether it is required, its default, whether it is a secret and its one-line meaning are written. A provider's
 * {@link ProviderFactory#settings()} lists them; {@link ProviderSettings} validates and reads values through them;
 * the server keeps secret values out of its logs; the TCK checks the provider's documentation table against them.
 *
 * @param key          lower-case words joined by {@code -}
 * @param required     absent or blank refuses the council at start-up
 * @param defaultValue the value used when the setting is absent, or null for none (never for a required setting)
 * @param secret       a password, token or key: its value is never logged nor shown
 * @param description  one line, for the documentation table
 */
public record SettingDescriptor(String key, boolean required, String defaultValue, boolean secret, String description) {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public SettingDescriptor {
        Objects.requireNonNull(key, "key is null");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("setting key '" + key + "' must be lower-case words joined by '-'");
        }
        if (description == null || description.isBlank() || description.contains("\n") || description.contains("|")) {
            throw new IllegalArgumentException("setting '" + key + "' needs a one-line description without '|'");
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("required setting '" + key + "' cannot have a default");
        }
        if (secret && defaultValue != null) {
            throw new IllegalArgumentException("secret setting '" + key + "' cannot have a default");
        }
    }

    /** A setting that must be given. */
    public static SettingDescriptor required(String key, String description) {
        return new SettingDescriptor(key, true, null, false, description);
    }

    /** A setting that may be left out, then taking {@code defaultValue} (null: no value). */
    public static SettingDescriptor optional(String key, String defaultValue, String description) {
        return new SettingDescriptor(key, false, defaultValue, false, description);
    }

    /** This setting, as a secret. */
    public SettingDescriptor asSecret() {
        return new SettingDescriptor(key, required, defaultValue, true, description);
    }

    /** The default, when there is one. */
    public Optional<String> defaultIfAbsent() {
        return Optional.ofNullable(defaultValue);
    }
}

package dev.slotbridge.spi;

import dev.slotbridge.spi.error.InvalidSettingsException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A council's provider settings ({@code slotbridge.councils.<id>.settings}) with typed, validated accessors.
 * Every failure is an {@link InvalidSettingsException} naming the council and the key.
 */
public final class ProviderSettings {
    private final String councilId;
    private final Map<String, String> values;

    private ProviderSettings(String councilId, Map<String, String> values) {
        this.councilId = Objects.requireNonNull(councilId, "councilId is null");
        this.values = Map.copyOf(values);
    }

    /**
     * Settings for one council, refusing any key not in {@code knownKeys}.
     *
     * @throws InvalidSettingsException naming the first unknown key (in sorted order)
     */
    public static ProviderSettings of(String councilId, Map<String, String> values, Set<String> knownKeys) {
        Objects.requireNonNull(values, "values is null");
        for (String key : new TreeSet<>(values.keySet())) {
            if (!knownKeys.contains(key)) {
                throw new InvalidSettingsException(councilId, key, "unknown setting; known: " + new TreeSet<>(knownKeys));
            }
        }
        return new ProviderSettings(councilId, values);
    }

    public String councilId() {
        return councilId;
    }

    /** The value, or empty when absent or blank. */
    public Optional<String> optional(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The value; absent or blank is an error. */
    public String require(String key) {
        return optional(key).orElseThrow(() -> invalid(key, "is required"));
    }

    public String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    /** A whole number within {@code [min, max]}, or the default when absent. */
    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a whole number");
        }
        if (value < min || value > max) {
            throw invalid(key, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** A whole number (64 bit), or the default when absent. */
    public long longValue(String key, long defaultValue) {
        Optional<String> raw = optional(key);
        try {
            return raw.map(Long::parseLong).orElse(defaultValue);
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a whole number");
        }
    }

    /** A required absolute http or https URL. */
    public URI httpUrl(String key) {
        String raw = require(key);
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw invalid(key, "must be an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(key, "must be an absolute http or https URL");
        }
    }

    /** An error naming this council and {@code key}; the value itself is never included (it may be a secret). */
    public InvalidSettingsException invalid(String key, String problem) {
        return new InvalidSettingsException(councilId, key, problem);
    }

    /** Lists the keys only: values may be secrets. */
    @Override
    public String toString() {
        return "ProviderSettings[council=" + councilId + ", keys=" + new TreeSet<>(values.keySet()) + "]";
    }
}

package dev.slotbridge.spi;

import dev.slotbridge.spi.error.InvalidSettingsException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A council's provider settings ({@code slotbridge.councils.<id>.settings}), checked against the provider's
 * {@link SettingDescriptor}s and read through them with typed accessors, defaults applied. Every failure is an
 * {@link InvalidSettingsException} naming the council and the key, never the value.
 */
public final class ProviderSettings {
    private final String councilId;
    private final Map<String, SettingDescriptor> descriptors;
    private final Map<String, String> values;

    private ProviderSettings(String councilId, Map<String, SettingDescriptor> descriptors, Map<String, String> values) {
        this.councilId = councilId;
        this.descriptors = descriptors;
        this.values = Map.copyOf(values);
    }

    /**
     * Settings for one council: any key not described is refused, then any required key that is absent or blank.
     *
     * @throws InvalidSettingsException naming the first unknown key (in sorted order), else the first missing
     *                                  required key (in the descriptors' order)
     */
    public static ProviderSettings of(String councilId, Map<String, String> values, List<SettingDescriptor> described) {
        Objects.requireNonNull(councilId, "councilId is null");
        Objects.requireNonNull(values, "values is null");
        Map<String, SettingDescriptor> descriptors = new LinkedHashMap<>();
        for (SettingDescriptor descriptor : described) {
            if (descriptors.put(descriptor.key(), descriptor) != null) {
                throw new IllegalArgumentException("setting '" + descriptor.key() + "' is described twice");
            }
        }
        for (String key : new TreeSet<>(values.keySet())) {
            if (!descriptors.containsKey(key)) {
                throw new InvalidSettingsException(councilId, key,
                        "unknown setting; known: " + new TreeSet<>(descriptors.keySet()));
            }
        }
        ProviderSettings settings = new ProviderSettings(councilId, Map.copyOf(descriptors), values);
        for (SettingDescriptor descriptor : described) {
            if (descriptor.required() && settings.given(descriptor).isEmpty()) {
                throw settings.invalid(descriptor, "is required");
            }
        }
        return settings;
    }

    public String councilId() {
        return councilId;
    }

    /** The values of the secret settings given, so that a host can keep them out of its logs. */
    public Set<String> secretValues() {
        return descriptors.values().stream().filter(SettingDescriptor::secret).map(this::given)
                .flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
    }

    /** The value given, else the default; empty when neither. */
    public Optional<String> optional(SettingDescriptor setting) {
        return given(setting).or(setting::defaultIfAbsent);
    }

    /** The value given, else the default; an error when neither. */
    public String string(SettingDescriptor setting) {
        return optional(setting).orElseThrow(() -> invalid(setting, "is required"));
    }

    /** A whole number within {@code [min, max]}. */
    public int integer(SettingDescriptor setting, int min, int max) {
        long value = longValue(setting);
        if (value < min || value > max) {
            throw invalid(setting, "must be between " + min + " and " + max);
        }
        return (int) value;
    }

    /** A whole number (64 bit). */
    public long longValue(SettingDescriptor setting) {
        try {
            return Long.parseLong(string(setting));
        } catch (NumberFormatException e) {
            throw invalid(setting, "must be a whole number");
        }
    }

    /** An absolute http or https URL. */
    public URI httpUrl(SettingDescriptor setting) {
        String raw = string(setting);
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw invalid(setting, "must be an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(setting, "must be an absolute http or https URL");
        }
    }

    /** An error naming this council and the setting's key; the value itself is never included (it may be a secret). */
    public InvalidSettingsException invalid(SettingDescriptor setting, String problem) {
        return new InvalidSettingsException(councilId, setting.key(), problem);
    }

    private Optional<String> given(SettingDescriptor setting) {
        if (!setting.equals(descriptors.get(setting.key()))) {
            throw new IllegalArgumentException("setting '" + setting.key() + "' is not among this provider's settings");
        }
        String value = values.get(setting.key());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** Lists the keys only: values may be secrets. */
    @Override
    public String toString() {
        return "ProviderSettings[council=" + councilId + ", keys=" + new TreeSet<>(values.keySet()) + "]";
    }
}

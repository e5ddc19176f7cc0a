package dev.slotbridge.engine.logging;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values of the provider settings described as secret (passwords, tokens, keys), registered when the councils
 * are built, so that a log line quoting one (a vendor's error echoing a password, a URL with a token) shows
 * {@code ***} instead. Values shorter than {@value #MIN_LENGTH} characters are not masked: masking them would blank
 * out ordinary words and numbers. Process-wide, as Logback's converters are not beans.
 */
public final class ConfiguredSecrets {
    static final int MIN_LENGTH = 4;
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    private ConfiguredSecrets() {
    }

    public static void register(Collection<String> secretValues) {
        secretValues.stream().filter(value -> value.length() >= MIN_LENGTH).forEach(VALUES::add);
    }

    /** The text with every registered secret value replaced by {@code ***}. */
    public static String mask(String text) {
        if (text == null || VALUES.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String value : VALUES) {
            if (masked.contains(value)) {
                masked = masked.replace(value, "***");
            }
        }
        return masked;
    }
}

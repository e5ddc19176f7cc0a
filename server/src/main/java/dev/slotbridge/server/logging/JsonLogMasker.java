package dev.slotbridge.server.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import dev.slotbridge.engine.logging.ConfiguredSecrets;
import dev.slotbridge.engine.logging.PersonalDataMasker;
import net.logstash.logback.mask.ValueMasker;

/**
 * Masks the JSON log format's values (installed in {@code logback.xml}): a field whose name is a personal-data or
 * secret field's ({@link PersonalDataMasker#isMaskedField}) is {@code ***} whatever it holds, at any depth; every
 * other string — the message, a stack trace, a field's text — goes through the same masking as the plain format's
 * {@code %msg} ({@link ConfiguredSecrets}, then {@link PersonalDataMasker}), so a phone number typed into free text is
 * masked too.
 */
public final class JsonLogMasker implements ValueMasker {
    static final String MASK = "***";

    @Override
    public Object mask(JsonStreamContext context, Object value) {
        if (PersonalDataMasker.isMaskedField(context.getCurrentName())) {
            return MASK;
        }
        if (value instanceof CharSequence text) {
            String given = text.toString();
            String masked = PersonalDataMasker.mask(ConfiguredSecrets.mask(given));
            return masked.equals(given) ? null : masked;
        }
        return null;
    }
}

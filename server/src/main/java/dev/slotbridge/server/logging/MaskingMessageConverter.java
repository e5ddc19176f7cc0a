package dev.slotbridge.server.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.slotbridge.engine.logging.ConfiguredSecrets;
import dev.slotbridge.engine.logging.PersonalDataMasker;

/** Logback's {@code %msg} with {@link ConfiguredSecrets} and {@link PersonalDataMasker} applied; installed as {@code %msg} in {@code logback.xml}. */
public final class MaskingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMasker.mask(ConfiguredSecrets.mask(super.convert(event)));
    }
}

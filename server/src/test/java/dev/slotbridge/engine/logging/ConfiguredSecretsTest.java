package dev.slotbridge.engine.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.slotbridge.server.logging.MaskingMessageConverter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A secret setting's value quoted in a log line (a vendor echoing it, a URL carrying it) is masked by value. */
final class ConfiguredSecretsTest {
    @Test
    void aRegisteredSecretIsMaskedWhereverItAppearsInALogLine() {
        ConfiguredSecrets.register(List.of("Zq7-gateway-pass"));
        var context = new LoggerContext();
        var event = new LoggingEvent("test", context.getLogger("dev.slotbridge.scheduler"), Level.WARN,
                "DRS said: login Zq7-gateway-pass refused for {}", null, new Object[]{"lincoln"});

        String line = new MaskingMessageConverter().convert(event);

        assertThat(line).isEqualTo("DRS said: login *** refused for lincoln");
    }

    @Test
    void veryShortValuesAreNotMaskedSoOrdinaryTextSurvives() {
        ConfiguredSecrets.register(List.of("abc"));

        assertThat(ConfiguredSecrets.mask("abc order 1234")).isEqualTo("abc order 1234");
    }
}

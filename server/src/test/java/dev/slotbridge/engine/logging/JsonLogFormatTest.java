package dev.slotbridge.engine.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.server.logging.LogFormat;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code logback.xml} with {@code SLOTBRIDGE_LOG_FORMAT=json}: one JSON object per line, structured
 * arguments as fields, {@code event_type} from the marker, personal-data and secret fields masked whole whatever they
 * hold, and free text (messages, stack traces, other fields) masked as the plain format masks it.
 */
final class JsonLogFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void linesAreJsonWithFieldsAndNothingPersonalOrSecret() throws Exception {
        ConfiguredSecrets.register(Set.of("drs-password-0001"));
        List<JsonNode> lines = logged(log -> {
            MDC.put("requestId", "portal-4711");
            log.info(Markers.append("event_type", "request"), "request {} {} {} {}", kv("request_id", "portal-4711"), kv("council", "lincoln"),
                    kv("status", 201), kv("scheduler_us", 211840));
            log.info(Markers.append("event_type", "audit"), "audit {} {} {}", kv("client", "portal"), kv("operation", "book"),
                    kv("bookingRef", "SBX-000001"));
            log.info("tenant typed 07700 900123 and ann.tenant@example.org into the description");
            log.info("a field {} {} {}", kv("contactName", "Ann Tenant"), kv("accessNotes", "blue door, key under mat"),
                    kv("password", "hunter2"));
            log.warn("DRS said: login drs-password-0001 refused",
                    new IllegalStateException("phone=07700900456 rejected"));
            MDC.clear();
        });

        assertThat(lines).hasSize(5);
        JsonNode request = lines.get(0);
        assertThat(request.get("event_type").asText()).isEqualTo("request");
        assertThat(request.get("council").asText()).isEqualTo("lincoln");
        assertThat(request.get("status").asInt()).isEqualTo(201);
        assertThat(request.get("scheduler_us").asLong()).isEqualTo(211840);
        assertThat(request.get("requestId").asText()).isEqualTo("portal-4711");
        assertThat(request.get("logger_name").asText()).isEqualTo("json-test");
        assertThat(request.get("message").asText()).isEqualTo("request request_id=portal-4711 council=lincoln status=201 scheduler_us=211840");
        assertThat(lines.get(1).get("event_type").asText()).isEqualTo("audit");
        assertThat(lines.get(1).get("bookingRef").asText()).isEqualTo("SBX-000001");
        assertThat(lines.get(2).get("message").asText()).isEqualTo("tenant typed ***23 and a***@example.org into the description");
        assertThat(lines.get(3).get("contactName").asText()).isEqualTo("***");
        assertThat(lines.get(3).get("accessNotes").asText()).isEqualTo("***");
        assertThat(lines.get(3).get("password").asText()).isEqualTo("***");
        assertThat(lines.get(4).get("stack_trace").asText()).contains("IllegalStateException");
        String all = lines.toString();
        assertThat(all).doesNotContain("900123", "900456", "ann.tenant", "Ann Tenant", "blue door", "hunter2",
                "drs-password-0001");
    }

    /** What the work logs through a logging context configured from the shipped {@code logback.xml}, a line each. */
    private static List<JsonNode> logged(java.util.function.Consumer<Logger> work) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            context.setMDCAdapter(MDC.getMDCAdapter());
            context.putProperty(LogFormat.VARIABLE, "json");
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(JsonLogFormatTest.class.getResource("/logback.xml"));
            work.accept(context.getLogger("json-test"));
        } finally {
            context.stop();
            System.setOut(out);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}

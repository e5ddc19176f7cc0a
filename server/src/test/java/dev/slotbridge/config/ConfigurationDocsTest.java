package dev.slotbridge.config;

import dev.slotbridge.engine.events.EventType;
import dev.slotbridge.engine.security.Permission;
import dev.slotbridge.provider.connect.ConnectProviderFactory;
import dev.slotbridge.provider.drs.DrsProviderFactory;
import dev.slotbridge.provider.rest.RestProviderFactory;
import dev.slotbridge.provider.sandbox.SandboxProviderFactory;
import dev.slotbridge.provider.servicemobility.ServiceMobilityProviderFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published descriptions of the configuration are written from the one in code: {@code docs/config-schema.json}
 * (the built-in providers' settings) and the key table of {@code docs/configuration.md}. Run with
 * {@code -Ddocs.write=true} to write them after changing a key.
 */
class ConfigurationDocsTest {
    static final Path DOCS = Path.of("../docs");
    private static final String TABLE_START = "<!-- keys: written by ConfigurationDocsTest from the configuration's description -->\n";
    private static final String TABLE_END = "<!-- /keys -->";
    private static final boolean WRITE = Boolean.getBoolean("docs.write");

    /** The description with the built-in providers only, as the docs show it. */
    static ConfigurationDescription builtIn() {
        return ConfigurationDescription.of(List.of(new SandboxProviderFactory(), new DrsProviderFactory(),
                        new ConnectProviderFactory(), new ServiceMobilityProviderFactory(), new RestProviderFactory()),
                Arrays.stream(Permission.values()).map(Permission::configName).toList(),
                Arrays.stream(EventType.values()).map(EventType::subscription).toList());
    }

    @Test
    void thePublishedSchemaIsTheOneInCode() throws IOException {
        Path file = DOCS.resolve("config-schema.json");
        String schema = new ConfigurationSchema(builtIn()).json();
        if (WRITE) {
            Files.writeString(file, schema);
        }
        assertThat(Files.readString(file)).as("docs/config-schema.json (write it with -Ddocs.write=true)")
                .isEqualTo(schema);
    }

    @Test
    void theReferenceTableListsEveryKeyOnce() throws IOException {
        Path file = DOCS.resolve("configuration.md");
        String page = Files.readString(file);
        int start = page.indexOf(TABLE_START);
        int end = page.indexOf(TABLE_END);
        assertThat(start).as("the table's start marker in docs/configuration.md").isNotNegative();
        assertThat(end).as("the table's end marker").isGreaterThan(start);
        String table = ConfigurationReference.table(builtIn());
        String written = page.substring(0, start + TABLE_START.length()) + table + page.substring(end);
        if (WRITE) {
            Files.writeString(file, written);
            page = written;
        }
        assertThat(page).as("docs/configuration.md (write it with -Ddocs.write=true)").isEqualTo(written);
    }
}

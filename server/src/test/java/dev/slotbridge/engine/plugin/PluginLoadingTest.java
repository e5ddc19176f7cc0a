package dev.slotbridge.engine.plugin;

import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.spi.SpiVersion;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Providers from plugin jars: found, isolated, and refused with a clear message when wrong. */
final class PluginLoadingTest {
    @TempDir
    Path plugins;

    private static Map<String, Object> serverWith(Path plugins, String provider) {
        return Map.of("slotbridge.plugins-dir", plugins.toString(),
                "slotbridge.clients.ops.councils", "plugged",
                "slotbridge.councils.plugged.provider", provider);
    }

    @Test
    void aPluginJarServesACouncilWithItsOwnLibrariesAndWithoutSeeingTheServer() {
        PluginJars.jar(plugins.resolve("probe.jar"),
                List.of(PluginJars.probeProvider("probe"), PluginJars.conflictingLibrary()));

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, serverWith(plugins, "probe"), "test")) {
            Api api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
            var slots = api.post(OPS_KEY, "/v1/councils/plugged/appointment-search",
                    Requests.search("2026-03-02", "2026-03-02")).list("slots");

            assertThat(slots).singleElement().satisfies(slot ->
                    assertThat(slot.get("label")).isEqualTo("plugin-yaml-0.1|micronaut-hidden"));
            assertThat(api.get(OPS_KEY, "/v1/councils").list("councils")).singleElement()
                    .satisfies(council -> assertThat(council).containsEntry("provider", "probe"));
        }
    }

    @Test
    void aFolderIsOnePluginWithItsLibrariesBesideIt() throws IOException {
        Path folder = Files.createDirectory(plugins.resolve("probe-with-libs"));
        PluginJars.jar(folder.resolve("yaml-0.1.jar"), null, false, List.of(PluginJars.conflictingLibrary()));
        PluginJars.jar(folder.resolve("probe.jar"), List.of(PluginJars.probeProvider("probe"), PluginJars.conflictingLibrary()));

        try (ApplicationContext context = ApplicationContext.run(serverWith(plugins, "probe"), "test")) {
            assertThat(context.getBean(PluginDirectory.class).plugins()).singleElement()
                    .satisfies(plugin -> assertThat(plugin.source()).isEqualTo(folder.toAbsolutePath()));
        }
    }

    @Test
    void twoProvidersWithOneNameStopStartUpNamingBothJars() {
        PluginJars.jar(plugins.resolve("a.jar"), List.of(PluginJars.probeProvider("probe"), PluginJars.conflictingLibrary()));
        PluginJars.jar(plugins.resolve("b.jar"), List.of(PluginJars.probeProvider("probe"), PluginJars.conflictingLibrary()));

        assertThatThrownBy(() -> ApplicationContext.run(serverWith(plugins, "probe"), "test"))
                .hasStackTraceContaining("two providers are named 'probe'")
                .hasStackTraceContaining("a.jar").hasStackTraceContaining("b.jar");
    }

    @Test
    void aPluginCannotTakeABuiltInProvidersName() {
        PluginJars.jar(plugins.resolve("fake-sandbox.jar"),
                List.of(PluginJars.probeProvider("sandbox"), PluginJars.conflictingLibrary()));

        assertThatThrownBy(() -> ApplicationContext.run(serverWith(plugins, "sandbox"), "test"))
                .hasStackTraceContaining("two providers are named 'sandbox': built in")
                .hasStackTraceContaining("fake-sandbox.jar");
    }

    @Test
    void aJarThatCannotBeReadStopsStartUpNamingIt() throws IOException {
        Files.writeString(plugins.resolve("broken.jar"), "this is not a zip file");

        assertThatThrownBy(() -> ApplicationContext.run(serverWith(plugins, "sandbox"), "test"))
                .hasStackTraceContaining("plugin " + plugins.resolve("broken.jar").toAbsolutePath() + " cannot be read");
    }

    @Test
    void aPluginForAnotherSpiVersionStopsStartUpNamingIt() {
        PluginJars.jar(plugins.resolve("future.jar"), "99", true,
                List.of(PluginJars.probeProvider("probe"), PluginJars.conflictingLibrary()));

        assertThatThrownBy(() -> ApplicationContext.run(serverWith(plugins, "probe"), "test"))
                .hasStackTraceContaining("future.jar was built for Slotbridge SPI version 99, but this server has SPI version " + SpiVersion.CURRENT);
    }

    @Test
    void aPluginThatDoesNotDeclareItsSpiVersionStopsStartUp() {
        PluginJars.jar(plugins.resolve("vague.jar"), null, true,
                List.of(PluginJars.probeProvider("probe"), PluginJars.conflictingLibrary()));

        assertThatThrownBy(() -> ApplicationContext.run(serverWith(plugins, "probe"), "test"))
                .hasStackTraceContaining("vague.jar does not declare Slotbridge-Spi-Version");
    }

    @Test
    void aJarWithoutProvidersStopsStartUp() {
        PluginJars.jar(plugins.resolve("library.jar"), null, false, List.of(PluginJars.conflictingLibrary()));

        assertThatThrownBy(() -> ApplicationContext.run(serverWith(plugins, "sandbox"), "test"))
                .hasStackTraceContaining("library.jar has no META-INF/services/dev.slotbridge.spi.ProviderFactory");
    }

    @Test
    void noPluginsFolderMeansBuiltInProvidersOnly() {
        try (ApplicationContext context = ApplicationContext.run(
                Map.of("slotbridge.plugins-dir", plugins.resolve("absent").toString()), "test")) {
            assertThat(context.getBean(PluginDirectory.class).plugins()).isEmpty();
        }
    }
}

package dev.slotbridge.tck;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.SettingDescriptor;
import dev.slotbridge.spi.error.InvalidSettingsException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link ProviderFactory} passes, as the server relies on it: found by {@link ServiceLoader} under
 * its name; settings checked at creation against its {@link SettingDescriptor}s, an unknown key and each missing
 * required key refused naming the key and never the value; secret values never in the provider's text; the settings
 * documented exactly as described ({@link SettingsTable}). A provider module proves itself by extending this class.
 */
public abstract class ProviderFactoryContract {
    private static final String SECRET_LOOKING_VALUE = "s3cr3t-value-that-must-not-leak";

    /** The factory under test. */
    protected abstract ProviderFactory factory();

    /** Settings with which {@code create} succeeds (the provider is built, not called). */
    protected abstract Map<String, String> validSettings();

    /** The document (relative to the module's folder) holding the provider's settings table. */
    protected abstract Path settingsDocumentation();

    @Test
    public void isFoundByServiceLoaderUnderItsName() {
        assertThat(ServiceLoader.load(ProviderFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(found -> found.name().equals(factory().name())))
                .singleElement().isInstanceOf(factory().getClass());
        assertThat(factory().name()).matches("[a-z][a-z0-9-]*");
    }

    @Test
    public void buildsAProviderFromValidSettings() {
        factory().create(TestingProviderContext.of(factory(), validSettings())).close();
    }

    @Test
    public void refusesAnUnknownKeyNamingItButNotItsValue() {
        Map<String, String> settings = new HashMap<>(validSettings());
        settings.put("no-such-setting", SECRET_LOOKING_VALUE);

        assertThatThrownBy(() -> factory().create(TestingProviderContext.of(factory(), settings)))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("no-such-setting"))
                .hasMessageNotContaining(SECRET_LOOKING_VALUE);
    }

    @Test
    public void refusesEachMissingRequiredKeyNamingIt() {
        for (SettingDescriptor setting : factory().settings()) {
            if (!setting.required()) {
                continue;
            }
            Map<String, String> settings = new HashMap<>(validSettings());
            settings.remove(setting.key());

            assertThatThrownBy(() -> factory().create(TestingProviderContext.of(factory(), settings))).as(setting.key())
                    .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(setting.key()));
        }
    }

    @Test
    public void validSettingsGiveEveryRequiredKeyAndKeepSecretsOutOfTheProvidersText() {
        Map<String, String> settings = new HashMap<>(validSettings());
        for (SettingDescriptor setting : factory().settings()) {
            if (setting.required()) {
                assertThat(settings).as("validSettings()").containsKey(setting.key());
            }
            if (setting.secret()) {
                settings.put(setting.key(), SECRET_LOOKING_VALUE);
            }
        }
        var context = TestingProviderContext.of(factory(), settings);
        try (SchedulerProvider provider = factory().create(context)) {
            assertThat(provider.toString()).doesNotContain(SECRET_LOOKING_VALUE);
        }
        assertThat(context.settings().toString()).doesNotContain(SECRET_LOOKING_VALUE);
    }

    @Test
    public void documentsItsSettingsExactlyAsDescribed() throws IOException {
        Path document = settingsDocumentation();
        var expected = SettingsTable.lines(factory().settings());

        assertThat(SettingsTable.findIn(Files.readAllLines(document)))
                .as("the settings table in %s must read exactly:%n%s%n", document, String.join("\n", expected))
                .isEqualTo(expected);
    }
}

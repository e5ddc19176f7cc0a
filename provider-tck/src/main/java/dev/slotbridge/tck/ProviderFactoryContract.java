package dev.slotbridge.tck;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.error.InvalidSettingsException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link ProviderFactory} passes, as the server relies on it: found by {@link ServiceLoader} under
 * its name; settings checked at creation, an unknown key and each missing required key refused naming the key and
 * never the value; every secret key one it understands. A provider module proves itself by extending this class.
 */
public abstract class ProviderFactoryContract {
    private static final String SECRET_LOOKING_VALUE = "s3cr3t-value-that-must-not-leak";

    /** The factory under test. */
    protected abstract ProviderFactory factory();

    /** Settings with which {@code create} succeeds (the provider is built, not called). */
    protected abstract Map<String, String> validSettings();

    /** The keys that must be present. */
    protected abstract Set<String> requiredSettingKeys();

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
        for (String key : requiredSettingKeys()) {
            Map<String, String> settings = new HashMap<>(validSettings());
            settings.remove(key);

            assertThatThrownBy(() -> factory().create(TestingProviderContext.of(factory(), settings))).as(key)
                    .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key));
        }
    }

    @Test
    public void declaresItsSecretKeysAmongTheKeysItUnderstands() {
        assertThat(factory().settingKeys()).containsAll(factory().secretSettingKeys());
    }
}

package dev.slotbridge.server.testing;

import dev.slotbridge.config.ConfigurationDescription;
import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.engine.events.EventType;
import dev.slotbridge.engine.security.Permission;
import dev.slotbridge.spi.ProviderFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A YAML configuration read by Micronaut's own YAML loader — what {@code MICRONAUT_CONFIG_FILES} uses — and validated
 * as the server validates its configuration, without starting it.
 */
public final class OperatorYaml {
    private OperatorYaml() {
    }

    public static ConfigurationDescription description() {
        return ConfigurationDescription.of(ServiceLoader.load(ProviderFactory.class).stream().map(ServiceLoader.Provider::get).toList(),
                Arrays.stream(Permission.values()).map(Permission::configName).toList(),
                Arrays.stream(EventType.values()).map(EventType::subscription).toList());
    }

    /** YAML text as Micronaut's YAML loader reads a configuration file: flattened keys and their values. */
    public static Map<String, Object> read(String yaml) {
        try {
            return new YamlPropertySourceLoader().read("operator.yml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** YAML text as a property source, as a file of {@code MICRONAUT_CONFIG_FILES} is one. */
    public static PropertySource text(String yaml) {
        return PropertySource.of("operator.yml", read(yaml));
    }

    /** A YAML file on the class path ({@code classpath:} optional) as a property source, read as Micronaut reads one. */
    public static PropertySource propertySource(String classpathResource) {
        String path = classpathResource.replaceFirst("^classpath:", "");
        try (InputStream in = OperatorYaml.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException(classpathResource + " is not on the class path");
            }
            return PropertySource.of(path, read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the YAML, with the environment variables given, and validates it as outside the demo environment. */
    public static SlotbridgeConfiguration load(String yaml, Map<String, String> environment) {
        return load(description(), yaml, environment);
    }

    /** Loads the YAML and validates it against this description, as outside the demo environment. */
    public static SlotbridgeConfiguration load(ConfigurationDescription description, String yaml,
                                               Map<String, String> environment) {
        try (ApplicationContext context = ApplicationContext.builder().propertySources(text(yaml))
                .deduceEnvironment(false).enableDefaultPropertySources(false).build()) {
            context.getEnvironment().start();
            return SlotbridgeConfiguration.load(description, context.getEnvironment(), environment, false);
        }
    }

    /** Loads the YAML and validates it as outside the demo environment. */
    public static SlotbridgeConfiguration load(String yaml) {
        return load(yaml, Map.of());
    }

    /** The problems the configuration has, one line each; empty when it is valid. */
    public static List<String> problems(String yaml) {
        return problems(description(), yaml);
    }

    /** The problems the configuration has against this description, one line each; empty when it is valid. */
    public static List<String> problems(ConfigurationDescription description, String yaml) {
        try {
            load(description, yaml, Map.of());
            return List.of();
        } catch (io.micronaut.context.exceptions.ConfigurationException e) {
            return List.of(e.getMessage().split("\n"));
        }
    }
}

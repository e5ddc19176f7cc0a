package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.SettingDescriptor;
import dev.slotbridge.spi.support.HttpTransport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code provider: rest}: a JSON-over-HTTP scheduler whose paths, bodies, answers, errors and authentication are all
 * given in the council's settings, checked at start-up against {@value #SCHEMA} (published in the configuration's
 * schema) and compiled by {@link RestSettings}.
 */
public final class RestProviderFactory implements ProviderFactory {
    public static final String NAME = "rest";
    static final String SCHEMA = "rest-settings.schema.json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SettingDescriptor> settings() {
        return RestSettings.DESCRIPTORS;
    }

    @Override
    public Optional<String> settingsSchema() {
        try (InputStream schema = RestProviderFactory.class.getResourceAsStream(SCHEMA)) {
            if (schema == null) {
                throw new IllegalStateException(SCHEMA + " is missing from the provider's jar");
            }
            return Optional.of(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SchedulerProvider create(ProviderContext context) {
        RestSettings settings = RestSettings.from(context.settings(), context.zone());
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        RestClient client = new RestClient(settings, HttpTransport.forScheduler(settings.schedulerName(),
                context.callTimeout()), json, context.clock());
        return new RestSchedulerProvider(settings, client, context.memory(), context.clock(), context.zone());
    }
}

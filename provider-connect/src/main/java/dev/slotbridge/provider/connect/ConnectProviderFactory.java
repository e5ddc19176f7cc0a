package dev.slotbridge.provider.connect;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.SettingDescriptor;
import dev.slotbridge.spi.support.HttpTransport;

import java.util.List;

/** {@code provider: connect}: Totalmobile Connect web services v1.34. */
public final class ConnectProviderFactory implements ProviderFactory {
    public static final String NAME = "connect";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SettingDescriptor> settings() {
        return ConnectSettings.DESCRIPTORS;
    }

    @Override
    public SchedulerProvider create(ProviderContext context) {
        ConnectSettings settings = ConnectSettings.from(context.settings());
        HttpTransport transport = HttpTransport.forScheduler("Connect", context.callTimeout());
        ObjectMapper json = connectJson();
        var tokens = new ConnectTokenSource(settings, transport, json, context.clock());
        var client = new ConnectClient(settings, tokens, transport, json);
        return new ConnectSchedulerProvider(client, tokens, settings, new PlanningWindows(client::planningWindows),
                context.zone(), new ConnectCallbacks(json, context.zone()));
    }

    /** Connect's JSON: upper camel case names, absent fields left out, unknown fields ignored, any name casing read. */
    static ObjectMapper connectJson() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
                .build();
    }
}

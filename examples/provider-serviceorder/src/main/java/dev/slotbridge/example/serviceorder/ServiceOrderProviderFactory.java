package dev.slotbridge.example.serviceorder;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.SettingDescriptor;
import dev.slotbridge.spi.support.HttpTransport;

import java.util.List;

/** {@code provider: serviceorder}: the example plugin for the generic service-order REST API. */
public final class ServiceOrderProviderFactory implements ProviderFactory {
    @Override
    public String name() {
        return "serviceorder";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return ServiceOrderSettings.DESCRIPTORS;
    }

    @Override
    public SchedulerProvider create(ProviderContext context) {
        ServiceOrderSettings settings = ServiceOrderSettings.from(context.settings());
        HttpTransport transport = HttpTransport.forScheduler("service-order API", context.callTimeout());
        var client = new ServiceOrderClient(settings, transport, new ObjectMapper());
        return new ServiceOrderSchedulerProvider(client, settings, context.clock(), context.zone());
    }
}

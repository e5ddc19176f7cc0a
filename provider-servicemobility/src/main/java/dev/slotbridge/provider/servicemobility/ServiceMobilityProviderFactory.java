package dev.slotbridge.provider.servicemobility;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.SettingDescriptor;
import dev.slotbridge.spi.support.HttpTransport;

import java.util.List;

/** {@code provider: servicemobility}: backends implementing ServiceMobility's generic REST interfaces. */
public final class ServiceMobilityProviderFactory implements ProviderFactory {
    public static final String NAME = "servicemobility";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SettingDescriptor> settings() {
        return ServiceMobilitySettings.DESCRIPTORS;
    }

    @Override
    public SchedulerProvider create(ProviderContext context) {
        ServiceMobilitySettings settings = ServiceMobilitySettings.from(context.settings());
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        var client = new ServiceMobilityClient(settings, HttpTransport.forScheduler("ServiceMobility", context.callTimeout()), json);
        return new ServiceMobilitySchedulerProvider(client, settings.orderType(), context.clock(), context.zone());
    }
}

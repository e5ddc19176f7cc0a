package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.SettingDescriptor;
import dev.slotbridge.spi.support.HttpTransport;

import java.util.List;
import java.util.concurrent.Executors;

/** {@code provider: drs}: Kirona DRS through its SOAP Web Services Gateway. */
public final class DrsProviderFactory implements ProviderFactory {
    public static final String NAME = "drs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SettingDescriptor> settings() {
        return DrsSettings.DESCRIPTORS;
    }

    @Override
    public SchedulerProvider create(ProviderContext context) {
        DrsSettings settings = DrsSettings.from(context.settings());
        HttpTransport transport = HttpTransport.forScheduler("DRS", context.callTimeout());
        DrsGateway gateway = new DrsGateway(settings.endpoint(), transport);
        DrsSession session = new DrsSession(gateway, settings.username(), settings.password(), context.clock(), context.zone());
        return new DrsSchedulerProvider(session, settings, context.clock(), context.zone(),
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("drs-" + context.councilId() + "-", 0).factory()),
                context.permits(), new DrsCancellations(context.memory()));
    }
}

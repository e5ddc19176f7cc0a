package dev.slotbridge.server.edge;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;

/** Puts {@link AcceptEncodingFilter} in front of the server's request handling on every HTTP connection. */
@Singleton
final class ContentCodingCustomizer implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String NAME = "slotbridge-accept-encoding";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new OnChannel(null));
        return event.getBean();
    }

    private record OnChannel(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new OnChannel(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            var pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null && pipeline.get(NAME) == null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, NAME, AcceptEncodingFilter.INSTANCE);
            }
        }
    }
}

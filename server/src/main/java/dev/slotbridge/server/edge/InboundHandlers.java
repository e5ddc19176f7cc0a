package dev.slotbridge.server.edge;

import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;

import java.util.Map;

/** Puts Netty handlers in front of Micronaut's request handling on every HTTP connection, in the order given. */
public final class InboundHandlers {
    private InboundHandlers() {
    }

    /** @param handlers by pipeline name, in order; each must be {@link ChannelHandler.Sharable} */
    public static void installBeforeMicronaut(NettyServerCustomizer.Registry registry, Map<String, ChannelHandler> handlers) {
        registry.register(new OnChannel(null, handlers));
    }

    private record OnChannel(Channel channel, Map<String, ChannelHandler> handlers) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new OnChannel(channel, handlers);
        }

        @Override
        public void onStreamPipelineBuilt() {
            var pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) == null) {
                return;
            }
            handlers.forEach((name, handler) -> {
                if (pipeline.get(name) == null) {
                    pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, name, handler);
                }
            });
        }
    }
}

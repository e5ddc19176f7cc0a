package dev.slotbridge.http.edge;

import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;

import java.util.Map;
import java.util.function.Consumer;

/** Puts Netty handlers in front of Micronaut's request handling on every HTTP connection. */
public final class InboundHandlers {
    private InboundHandlers() {
    }

    /** @param handlers by pipeline name, in order, just before Micronaut's; each must be {@link ChannelHandler.Sharable} */
    public static void installBeforeMicronaut(NettyServerCustomizer.Registry registry, Map<String, ChannelHandler> handlers) {
        installOnEveryConnection(registry, pipeline -> handlers.forEach((name, handler) -> {
            if (pipeline.get(name) == null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, name, handler);
            }
        }));
    }

    /** Runs {@code install} on the pipeline of every connection Micronaut serves requests on, once it is built. */
    static void installOnEveryConnection(NettyServerCustomizer.Registry registry, Consumer<ChannelPipeline> install) {
        registry.register(new OnChannel(null, install));
    }

    private record OnChannel(Channel channel, Consumer<ChannelPipeline> install) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new OnChannel(channel, install);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null) {
                install.accept(channel.pipeline());
            }
        }
    }
}

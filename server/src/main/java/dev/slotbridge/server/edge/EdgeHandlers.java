package dev.slotbridge.server.edge;

import dev.slotbridge.server.config.SlotbridgeConfiguration;
import dev.slotbridge.server.security.ClientAddresses;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Puts the edge's own handlers into the server's pipelines: a {@link ConnectionsPerAddress} on each listener, where
 * connections are accepted, and in front of the server's request handling on every HTTP connection
 * {@link UnreadableRequestHandler} (requests the decoder could not read) and {@link AcceptEncodingFilter}.
 */
@Singleton
final class EdgeHandlers implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String NAME = "slotbridge-accept-encoding";
    private static final String UNREADABLE = "slotbridge-unreadable-request";
    private static final String CONNECTIONS = "slotbridge-connections-per-address";

    private final ClientAddresses addresses;
    private final SlotbridgeConfiguration configuration;

    EdgeHandlers(ClientAddresses addresses, SlotbridgeConfiguration configuration) {
        this.addresses = addresses;
        this.configuration = configuration;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        Map<String, ChannelHandler> handlers = new LinkedHashMap<>();
        handlers.put(UNREADABLE, UnreadableRequestHandler.INSTANCE);
        handlers.put(NAME, AcceptEncodingFilter.INSTANCE);
        InboundHandlers.installBeforeMicronaut(event.getBean(), handlers);
        event.getBean().register(new OnListeners(() -> new ConnectionsPerAddress(addresses, configuration)));
        return event.getBean();
    }

    /** Adds a handler of its own to each listener's pipeline, before the acceptor that hands connections on. */
    private record OnListeners(Supplier<ChannelHandler> handlers) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            if (role == ChannelRole.LISTENER) {
                channel.pipeline().addLast(CONNECTIONS, handlers.get());
            }
            return this;
        }
    }
}

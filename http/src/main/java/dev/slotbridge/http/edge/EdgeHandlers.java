package dev.slotbridge.http.edge;

import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.http.security.ClientAddresses;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Puts the edge's own handlers into the server's pipelines: a {@link ConnectionsPerAddress} on each listener, where
 * connections are accepted, and on every HTTP connection a {@link ConnectionGuard} (requests that cannot be read or
 * framed safely, and the read timeout, {@code slotbridge.edge.request-read-timeout}) and the
 * {@link AcceptEncodingFilter}.
 */
@Singleton
final class EdgeHandlers implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String ACCEPT_ENCODING = "slotbridge-accept-encoding";
    private static final String CONNECTIONS = "slotbridge-connections-per-address";

    private final ClientAddresses addresses;
    private final SlotbridgeConfiguration configuration;
    private final Duration requestReadTimeout;
    private final HttpDates dates;

    EdgeHandlers(ClientAddresses addresses, SlotbridgeConfiguration configuration, HttpDates dates) {
        this.addresses = addresses;
        this.dates = dates;
        this.configuration = configuration;
        this.requestReadTimeout = configuration.root().section("edge").duration("request-read-timeout").orElseThrow();
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        InboundHandlers.installOnEveryConnection(event.getBean(),
                pipeline -> ConnectionGuard.install(pipeline, requestReadTimeout, dates));
        InboundHandlers.installBeforeMicronaut(event.getBean(), Map.of(ACCEPT_ENCODING, AcceptEncodingFilter.INSTANCE));
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

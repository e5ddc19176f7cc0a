package dev.slotbridge.server.edge;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Puts the edge's own handlers on every HTTP connection: a {@link ConnectionGuard} (requests that cannot be read or
 * framed safely) and the {@link AcceptEncodingFilter}.
 */
@Singleton
final class EdgeHandlers implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String ACCEPT_ENCODING = "slotbridge-accept-encoding";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        InboundHandlers.installOnEveryConnection(event.getBean(), ConnectionGuard::install);
        InboundHandlers.installBeforeMicronaut(event.getBean(), Map.of(ACCEPT_ENCODING, AcceptEncodingFilter.INSTANCE));
        return event.getBean();
    }
}

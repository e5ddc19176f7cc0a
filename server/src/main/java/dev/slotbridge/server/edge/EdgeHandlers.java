package dev.slotbridge.server.edge;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.ChannelHandler;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the edge's own handlers in front of the server's request handling on every HTTP connection:
 * {@link UnreadableRequestHandler} (requests the decoder could not read) and {@link AcceptEncodingFilter}.
 */
@Singleton
final class EdgeHandlers implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String NAME = "slotbridge-accept-encoding";
    private static final String UNREADABLE = "slotbridge-unreadable-request";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        Map<String, ChannelHandler> handlers = new LinkedHashMap<>();
        handlers.put(UNREADABLE, UnreadableRequestHandler.INSTANCE);
        handlers.put(NAME, AcceptEncodingFilter.INSTANCE);
        InboundHandlers.installBeforeMicronaut(event.getBean(), handlers);
        return event.getBean();
    }
}

package dev.slotbridge.server.edge;

import dev.slotbridge.server.config.SlotbridgeConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;

/**
 * Puts the edge's own handlers on every HTTP connection: a {@link ConnectionGuard} (requests that cannot be read or
 * framed safely, and the read timeout, {@code slotbridge.edge.request-read-timeout}) and the
 * {@link AcceptEncodingFilter}.
 */
@Singleton
final class EdgeHandlers implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String ACCEPT_ENCODING = "slotbridge-accept-encoding";

    private final Duration requestReadTimeout;

    EdgeHandlers(SlotbridgeConfiguration configuration) {
        this.requestReadTimeout = configuration.root().section("edge").duration("request-read-timeout").orElseThrow();
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        InboundHandlers.installOnEveryConnection(event.getBean(),
                pipeline -> ConnectionGuard.install(pipeline, requestReadTimeout));
        InboundHandlers.installBeforeMicronaut(event.getBean(), Map.of(ACCEPT_ENCODING, AcceptEncodingFilter.INSTANCE));
        return event.getBean();
    }
}

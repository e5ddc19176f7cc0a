package dev.slotbridge.door.hro;

import dev.slotbridge.http.edge.InboundHandlers;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The HRO client's availability call is a GET with a JSON body, and Micronaut reads no body on a GET. On each
 * connection, before Micronaut sees it, such a request — to {@code .../Appointments/AvailableAppointments}, with a
 * body — is handed on as a POST, which {@link HroRoutes} serves the same way; logs and metrics show it as a POST.
 * Any other GET is left alone.
 */
@Singleton
@Requires(property = HroFrontEnds.FRONT_ENDS)
final class HroGetWithBody implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    static final String PATH = "/Appointments/AvailableAppointments";
    private static final String NAME = "slotbridge-hro-get-with-body";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        InboundHandlers.installBeforeMicronaut(event.getBean(), Map.of(NAME, AsPost.INSTANCE));
        return event.getBean();
    }

    @ChannelHandler.Sharable
    static final class AsPost extends ChannelInboundHandlerAdapter {
        static final AsPost INSTANCE = new AsPost();

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request && request.method().equals(HttpMethod.GET) && hasBody(request)
                    && pathOf(request.uri()).endsWith(PATH)) {
                request.setMethod(HttpMethod.POST);
            }
            context.fireChannelRead(message);
        }

        private static boolean hasBody(HttpRequest request) {
            return HttpUtil.getContentLength(request, 0L) > 0 || HttpUtil.isTransferEncodingChunked(request)
                    || request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
        }

        private static String pathOf(String uri) {
            int query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }
    }
}

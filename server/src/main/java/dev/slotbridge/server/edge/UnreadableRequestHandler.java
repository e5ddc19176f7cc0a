package dev.slotbridge.server.edge;

import dev.slotbridge.server.problem.ProblemType;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Answers a request the HTTP decoder could not read before the server tries to: headers over the limit are 431, an
 * over-long request line 414, anything else malformed (a bad request line, a bare CR or NUL in a header, a bad
 * {@code Content-Length}) 400 {@code malformed-request}. Each answer is a problem document with an
 * {@code X-Request-Id}, gets an access-log line like every other answer (with the TCP peer's address), and closes the
 * connection (what follows cannot be trusted to be a request).
 */
@ChannelHandler.Sharable
final class UnreadableRequestHandler extends ChannelInboundHandlerAdapter {
    static final UnreadableRequestHandler INSTANCE = new UnreadableRequestHandler();
    private static final Logger LOG = LoggerFactory.getLogger("dev.slotbridge.request");

    private UnreadableRequestHandler() {
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (!(message instanceof HttpRequest request) || request.decoderResult().isSuccess()) {
            context.fireChannelRead(message);
            return;
        }
        Throwable cause = request.decoderResult().cause();
        ReferenceCountUtil.release(message);
        ProblemType type = switch (cause) {
            case TooLongHttpHeaderException e -> ProblemType.HEADERS_TOO_LARGE;
            case TooLongHttpLineException e -> ProblemType.URI_TOO_LONG;
            case TooLongFrameException e -> ProblemType.HEADERS_TOO_LARGE;
            case null, default -> ProblemType.MALFORMED_REQUEST;
        };
        String id = UUID.randomUUID().toString();
        byte[] body = ("{\"type\":\"" + type.type() + "\",\"title\":\"" + type.title() + "\",\"status\":"
                + type.status().getCode() + "}").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(type.status().getCode()), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set("X-Request-Id", id)
                .set(HttpHeaderNames.CONNECTION, "close");
        LOG.info("request request_id={} method=- path=- status={} duration_ms=0 client=- address={} unreadable={}", id,
                type.status().getCode(), peer(context), cause == null ? "unknown" : cause.getClass().getSimpleName());
        context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** The TCP peer's address: the headers that could name a proxied client were not readable. */
    private static String peer(ChannelHandlerContext context) {
        return context.channel().remoteAddress() instanceof InetSocketAddress peer
                ? peer.getAddress().getHostAddress() : "-";
    }
}

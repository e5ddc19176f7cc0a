package dev.slotbridge.http.edge;

import dev.slotbridge.engine.error.ErrorTable;
import dev.slotbridge.engine.error.ProblemType;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Guards one HTTP/1 connection in front of the server's request handling, and ends it when what arrives cannot be
 * trusted to be the request it claims to be, or does not arrive in time:
 * <ul>
 *   <li>a request the decoder could not read: headers over the limit 431, an over-long request line 414, anything
 *       else (a bad request line, a bare CR or NUL in a header, a bad {@code Content-Length}, a body whose chunked
 *       framing breaks off) 400 {@code malformed-request};</li>
 *   <li>a {@code Transfer-Encoding} other than one {@code chunked}: 400 {@code malformed-request}, since a proxy in
 *       front may frame the body otherwise and would then see a request smuggled behind it that this server
 *       serves;</li>
 *   <li>a request whose head and body have not all arrived within the read timeout of its first byte: 408
 *       {@code request-timeout} (a client trickling bytes resets an idle timeout, never this one).</li>
 * </ul>
 * The answer is a problem document with an {@code X-Request-Id} and an access-log line, given in turn: after the
 * server's answers to the requests before it on the connection (HTTP/1.1 answers in order), and in place of the
 * server's answer to a request whose body broke off, unless that answer had begun. Then the connection is closed and
 * nothing more is read: what follows cannot be trusted to be a request. One guard per connection, on its event loop.
 */
final class ConnectionGuard extends ChannelDuplexHandler {
    private static final String NAME = "slotbridge-connection-guard";
    private static final String REQUEST_START = "slotbridge-request-start";
    private static final Logger LOG = LoggerFactory.getLogger("dev.slotbridge.request");

    /** How the connection ends: the server's answers still given, then the guard's own (none when null). */
    private record Ending(int serverAnswers, ProblemType answer, String reason) {
    }

    private final long readTimeoutNanos;
    private final HttpDates dates;
    private ChannelHandlerContext context;
    /** Requests handed on to the server; the server's answers begun and finished (interim 1xx ones not counted). */
    private int handedOn;
    private int answersBegun;
    private int answersFinished;
    /** Whether the body of the request handed on last is still arriving. */
    private boolean bodyArriving;
    /**
     * Whether a request is arriving, and since when ({@link System#nanoTime()}). One check is scheduled at a time and
     * moved on when it finds a later request arriving, so a request costs no scheduling of its own.
     */
    private boolean arriving;
    private long arrivingSince;
    private ScheduledFuture<?> deadlineCheck;
    private Ending ending;
    private boolean closing;
    private boolean droppingAnswer;

    private ConnectionGuard(Duration readTimeout, HttpDates dates) {
        this.readTimeoutNanos = readTimeout.toNanos();
        this.dates = dates;
    }

    /** Puts a new guard on an HTTP/1 connection: it sees bytes before the HTTP codec, and requests after it. */
    static void install(ChannelPipeline pipeline, Duration readTimeout, HttpDates dates) {
        String codec = ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC;
        if (pipeline.get(codec) == null || pipeline.get(NAME) != null) {
            return;
        }
        ConnectionGuard guard = new ConnectionGuard(readTimeout, dates);
        pipeline.addBefore(codec, REQUEST_START, guard.new RequestStart());
        pipeline.addAfter(codec, NAME, guard);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.context = context;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        stopDeadlineCheck();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        stopDeadlineCheck();
        context.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (ending != null) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpRequest request) {
            DecoderResult read = request.decoderResult();
            if (read.isFailure()) {
                ReferenceCountUtil.release(message);
                end(unreadable(read.cause()), reason(read.cause()));
                return;
            }
            if (request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING) && !chunkedOnly(request)) {
                ReferenceCountUtil.release(message);
                end(ProblemType.MALFORMED_REQUEST, "transfer-encoding");
                return;
            }
            handedOn++;
            bodyArriving = true;
        } else if (message instanceof HttpContent content && content.decoderResult().isFailure()) {
            ReferenceCountUtil.release(message);
            end(ProblemType.MALFORMED_REQUEST, reason(content.decoderResult().cause()));
            return;
        }
        if (message instanceof LastHttpContent) {
            bodyArriving = false;
            arriving = false;
        }
        context.fireChannelRead(message);
    }

    /** Nothing more is read once the connection is ending. */
    @Override
    public void read(ChannelHandlerContext context) {
        if (ending == null) {
            context.read();
        }
    }

    @Override
    public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
        if (message instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            context.write(message, promise);
            return;
        }
        if (message instanceof HttpResponse) {
            answersBegun++;
            droppingAnswer = ending != null && answersBegun > ending.serverAnswers();
        }
        if (droppingAnswer) {
            ReferenceCountUtil.release(message);
            if (!promise.isVoid()) {
                promise.tryFailure(new ClosedChannelException());
            }
            return;
        }
        context.write(message, promise);
        if (message instanceof LastHttpContent) {
            answersFinished++;
            closeWhenAnswered();
        }
    }

    private static boolean chunkedOnly(HttpRequest request) {
        List<String> codings = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        return codings.size() == 1 && HttpHeaderValues.CHUNKED.contentEqualsIgnoreCase(codings.getFirst());
    }

    /**
     * Ends the connection: the server still answers the requests handed on to it, except one whose body is arriving
     * and whose answer has not begun, which the guard answers instead.
     */
    private void end(ProblemType answer, String reason) {
        boolean serverAnswering = bodyArriving && answersBegun == handedOn;
        ending = new Ending(bodyArriving && !serverAnswering ? handedOn - 1 : handedOn, serverAnswering ? null : answer,
                reason);
        stopDeadlineCheck();
        closeWhenAnswered();
    }

    private void closeWhenAnswered() {
        if (ending == null || closing || answersFinished < ending.serverAnswers()) {
            return;
        }
        closing = true;
        Object last = ending.answer() == null ? Unpooled.EMPTY_BUFFER : problem(ending.answer(), ending.reason(), peer());
        context.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
    }

    private void checkDeadline() {
        deadlineCheck = null;
        if (!arriving || ending != null) {
            return;
        }
        long left = arrivingSince + readTimeoutNanos - System.nanoTime();
        if (left > 0) {
            scheduleDeadlineCheck(left);
        } else {
            end(ProblemType.REQUEST_TIMEOUT, "read-timeout");
        }
    }

    private void scheduleDeadlineCheck(long inNanos) {
        deadlineCheck = context.executor().schedule(this::checkDeadline, inNanos, TimeUnit.NANOSECONDS);
    }

    private void stopDeadlineCheck() {
        if (deadlineCheck != null) {
            deadlineCheck.cancel(false);
            deadlineCheck = null;
        }
    }

    /** Starts a request's read timeout at its first byte, before the HTTP codec has read a whole head. */
    private final class RequestStart extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (!arriving && ending == null && message instanceof ByteBuf bytes && bytes.isReadable()) {
                arriving = true;
                arrivingSince = System.nanoTime();
                if (deadlineCheck == null) {
                    scheduleDeadlineCheck(readTimeoutNanos);
                }
            }
            context.fireChannelRead(message);
        }
    }

    private static ProblemType unreadable(Throwable cause) {
        return switch (cause) {
            case TooLongHttpHeaderException e -> ProblemType.HEADERS_TOO_LARGE;
            case TooLongHttpLineException e -> ProblemType.URI_TOO_LONG;
            case TooLongFrameException e -> ProblemType.HEADERS_TOO_LARGE;
            case null, default -> ProblemType.MALFORMED_REQUEST;
        };
    }

    private static String reason(Throwable cause) {
        return cause == null ? "unreadable" : cause.getClass().getSimpleName();
    }

    /** The TCP peer's address: the headers that could name a proxied client were not readable. */
    private String peer() {
        return context.channel().remoteAddress() instanceof InetSocketAddress peer
                ? peer.getAddress().getHostAddress() : "-";
    }

    private FullHttpResponse problem(ProblemType type, String reason, String address) {
        String id = RequestIds.next();
        int status = ErrorTable.of(type).status();
        byte[] body = ("{\"type\":\"" + type.type() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status + "}")
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set("X-Request-Id", id)
                .set(HttpHeaderNames.DATE, dates.now())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        LOG.info("request request_id={} method=- path=- status={} duration_ms=0 client=- address={} refused={}", id, status,
                address, reason);
        return response;
    }
}

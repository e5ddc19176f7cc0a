package dev.slotbridge.http.edge;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Keeps in a request's {@code Accept-Encoding} only the codings the client names that every HTTP client can decode,
 * gzip and deflate (with their weights), before the server chooses how to compress the answer. Without it Netty's
 * compressor answers {@code Accept-Encoding: *} with Snappy framing, which no browser or ordinary HTTP library
 * decodes; {@code *}, {@code br}, {@code zstd} and anything else are dropped, so such a client gets the body as is.
 */
@ChannelHandler.Sharable
final class AcceptEncodingFilter extends ChannelInboundHandlerAdapter {
    static final AcceptEncodingFilter INSTANCE = new AcceptEncodingFilter();

    private AcceptEncodingFilter() {
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof HttpRequest request) {
            String accepted = request.headers().get(HttpHeaderNames.ACCEPT_ENCODING);
            if (accepted != null) {
                String kept = decodable(accepted);
                if (kept.isEmpty()) {
                    request.headers().remove(HttpHeaderNames.ACCEPT_ENCODING);
                } else if (!kept.equals(accepted)) {
                    request.headers().set(HttpHeaderNames.ACCEPT_ENCODING, kept);
                }
            }
        }
        context.fireChannelRead(message);
    }

    /** The gzip and deflate entries of an {@code Accept-Encoding} value, as written; the rest dropped. */
    static String decodable(String accepted) {
        StringJoiner kept = new StringJoiner(", ");
        for (String entry : accepted.split(",")) {
            String coding = entry.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("deflate")) {
                kept.add(entry.strip());
            }
        }
        return kept.toString();
    }
}

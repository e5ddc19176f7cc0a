package dev.slotbridge.spi.support;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a scheduler's answer, at most {@code maxBytes} of it: an answer announced or found to be larger fails with
 * {@link TooLarge} as soon as that is known, its connection dropped, so what a scheduler (or anything between it and
 * Slotbridge) sends can never take more memory than this bound. The bytes are gathered into one array, sized by the
 * {@code Content-Length} when there is one (no copy per network buffer); {@link #text} decodes them by the
 * {@code Content-Type}'s charset, UTF-8 when it names none, as the JDK's {@code BodyHandlers.ofString()} does;
 * {@link #bytes} hands them to a parser that reads bytes itself.
 */
final class BoundedAnswer<T> implements HttpResponse.BodyHandler<T> {
    private static final int FIRST_BUFFER = 8 * 1024;
    private final int maxBytes;
    private final Decoder<T> decoder;

    private interface Decoder<T> {
        T decode(byte[] bytes, int length, Charset charset);
    }

    private BoundedAnswer(int maxBytes, Decoder<T> decoder) {
        this.maxBytes = maxBytes;
        this.decoder = decoder;
    }

    /** The answer as text. */
    static BoundedAnswer<String> text(int maxBytes) {
        return new BoundedAnswer<>(maxBytes, (bytes, length, charset) -> new String(bytes, 0, length, charset));
    }

    /** The answer's bytes, undecoded. */
    static BoundedAnswer<byte[]> bytes(int maxBytes) {
        return new BoundedAnswer<>(maxBytes, (bytes, length, charset) -> length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
    }

    /** The answer is larger than the bound. */
    static final class TooLarge extends IOException {
        TooLarge(int maxBytes) {
            super("the answer is larger than " + maxBytes + " bytes");
        }
    }

    @Override
    public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo info) {
        Charset charset = charsetOf(info.headers().firstValue("Content-Type").orElse(""));
        long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Subscriber(announced > maxBytes ? 0 : maxBytes, announced, charset);
    }

    static Charset charsetOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] nameAndValue = parameter.trim().split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].trim().toLowerCase(Locale.ROOT).equals("charset")) {
                try {
                    return Charset.forName(nameAndValue[1].trim().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Collects the bytes while they stay within {@code limit}; with limit 0 it fails on the first (an announced excess). */
    private final class Subscriber implements HttpResponse.BodySubscriber<T> {
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final int limit;
        private final Charset charset;
        private byte[] bytes;
        private int size;
        private Flow.Subscription subscription;

        Subscriber(int limit, long announced, Charset charset) {
            this.limit = limit;
            this.charset = charset;
            this.bytes = new byte[announced >= 0 && announced <= limit ? (int) announced : Math.min(FIRST_BUFFER, limit)];
        }

        @Override
        public CompletionStage<T> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (limit == 0) {
                tooLarge();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int length = buffer.remaining();
                if (size + length > limit) {
                    tooLarge();
                    return;
                }
                if (size + length > bytes.length) {
                    bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(size + length, 2L * bytes.length)));
                }
                buffer.get(bytes, size, length);
                size += length;
            }
        }

        private void tooLarge() {
            subscription.cancel();
            result.completeExceptionally(new TooLarge(maxBytes));
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(decoder.decode(bytes, size, charset));
        }
    }
}

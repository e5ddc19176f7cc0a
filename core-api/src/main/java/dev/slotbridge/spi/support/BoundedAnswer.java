package dev.slotbridge.spi.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a scheduler's answer as text, at most {@code maxBytes} of it: an answer announced or found to be larger fails
 * with {@link TooLarge} as soon as that is known, its connection dropped, so what a scheduler (or anything between it
 * and Slotbridge) sends can never take more memory than this bound. The text is decoded by the {@code Content-Type}'s
 * charset, UTF-8 when it names none, as the JDK's {@code BodyHandlers.ofString()} does.
 */
final class BoundedAnswer implements HttpResponse.BodyHandler<String> {
    private final int maxBytes;

    BoundedAnswer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The answer is larger than the bound. */
    static final class TooLarge extends IOException {
        TooLarge(int maxBytes) {
            super("the answer is larger than " + maxBytes + " bytes");
        }
    }

    @Override
    public HttpResponse.BodySubscriber<String> apply(HttpResponse.ResponseInfo info) {
        Charset charset = charsetOf(info.headers().firstValue("Content-Type").orElse(""));
        long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Subscriber(announced > maxBytes ? 0 : maxBytes, charset);
    }

    private static Charset charsetOf(String contentType) {
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
    private final class Subscriber implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private final Charset charset;
        private Flow.Subscription subscription;

        Subscriber(int limit, Charset charset) {
            this.limit = limit;
            this.charset = charset;
        }

        @Override
        public CompletionStage<String> getBody() {
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
                if (bytes.size() + buffer.remaining() > limit) {
                    tooLarge();
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
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
            result.complete(bytes.toString(charset));
        }
    }
}

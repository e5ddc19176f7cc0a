package dev.slotbridge.spi.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/** A request's body as the bytes to send, gathered from its {@link HttpRequest.BodyPublisher}. */
final class RequestBodies {
    private static final byte[] NONE = new byte[0];

    private RequestBodies() {
    }

    /** The body's bytes; none when the request has no publisher. */
    static byte[] bytesOf(HttpRequest request) throws IOException {
        HttpRequest.BodyPublisher publisher = request.bodyPublisher().orElse(null);
        if (publisher == null || publisher.contentLength() == 0) {
            return NONE;
        }
        CompletableFuture<byte[]> gathered = new CompletableFuture<>();
        long announced = publisher.contentLength();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(announced > 0 && announced < Integer.MAX_VALUE ? (int) announced : 1024);
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                if (buffer.hasArray()) {
                    bytes.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                } else {
                    byte[] copy = new byte[buffer.remaining()];
                    buffer.get(copy);
                    bytes.writeBytes(copy);
                }
            }

            @Override
            public void onError(Throwable failure) {
                gathered.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                gathered.complete(bytes.toByteArray());
            }
        });
        try {
            return gathered.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the request's body was gathered");
        } catch (ExecutionException e) {
            throw new IOException("the request's body could not be read", e.getCause());
        }
    }
}

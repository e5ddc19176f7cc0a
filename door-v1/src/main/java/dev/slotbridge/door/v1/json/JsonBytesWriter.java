package dev.slotbridge.door.v1.json;

import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.body.ResponseBodyWriter;
import io.micronaut.http.body.TypedMessageBodyWriter;
import io.micronaut.http.codec.CodecException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Hands an answer's JSON bytes to the server as they are. Micronaut's writer for {@code byte[]} copies them into a
 * buffer taken from the network allocator, whose per-thread caches a virtual thread (every controller runs on one)
 * never has: JFR put that copy at about 7 % of a GET booking's virtual-thread time.
 */
@Singleton
final class JsonBytesWriter implements TypedMessageBodyWriter<JsonBytes>, ResponseBodyWriter<JsonBytes> {
    @Override
    public Argument<JsonBytes> getType() {
        return Argument.of(JsonBytes.class);
    }

    @Override
    public CloseableByteBody writePiece(ByteBodyFactory bodies, HttpRequest<?> request, HttpResponse<?> response,
                                        Argument<JsonBytes> type, MediaType mediaType, JsonBytes body) {
        return bodies.adapt(body.bytes());
    }

    @Override
    public void writeTo(Argument<JsonBytes> type, MediaType mediaType, JsonBytes body, MutableHeaders headers,
                        OutputStream out) {
        try {
            out.write(body.bytes());
        } catch (IOException e) {
            throw new CodecException("the answer could not be written", e);
        }
    }
}

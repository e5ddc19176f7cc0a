package dev.slotbridge.door.v1.json;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** An answer body already written as JSON (UTF-8) by {@link ResponseJson}; sent as it is by {@link JsonBytesWriter}. */
public record JsonBytes(byte[] bytes) {
    /** An {@code application/json} answer with this status and body. */
    public static MutableHttpResponse<JsonBytes> answer(HttpStatus status, byte[] json) {
        return HttpResponse.<JsonBytes>status(status).body(new JsonBytes(json)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

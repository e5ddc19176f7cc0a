package dev.slotbridge.http.edge;

import dev.slotbridge.server.testing.Api;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The server compresses only with codings the client names and can decode: gzip, deflate, else none. */
@MicronautTest
final class ContentCodingApiTest {
    @Inject
    EmbeddedServer server;

    @ParameterizedTest(name = "Accept-Encoding: {0}")
    @CsvSource(delimiter = '|', value = {"*|", "br, zstd, snappy|", "x-snappy-framed|", "identity|", "gzip|gzip",
            "deflate;q=0.5, *;q=0.1|deflate", "br;q=1.0, gzip;q=0.8, *|gzip"})
    void onlyCodingsTheClientNamesAndCanDecode(String accepted, String expected) throws Exception {
        String search = "{\"propertyRef\":\"3670010\",\"jobCodes\":[{\"code\":\"N373049\",\"quantity\":1}],"
                + "\"from\":\"2026-03-02\",\"to\":\"2026-03-13\"}";
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.getURI().resolve("/v1/councils/sandbox/appointment-search"))
                .header("Authorization", "Bearer " + Api.OPS_KEY).header("Content-Type", "application/json")
                .header("Accept-Encoding", accepted).POST(HttpRequest.BodyPublishers.ofString(search)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding").orElse(null)).isEqualTo(expected);
        assertThat(decode(response.body(), expected)).startsWith("{\"slots\":[{");
    }

    private static String decode(byte[] body, String coding) throws IOException {
        InputStream in = new ByteArrayInputStream(body);
        if ("gzip".equals(coding)) {
            in = new GZIPInputStream(in);
        } else if ("deflate".equals(coding)) {
            in = new InflaterInputStream(in);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}

package dev.slotbridge.server.startup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code OutOfMemoryError} ends the server started by {@code bin/slotbridge}, for its supervisor to restart:
 * a JVM that carried on after one answered 500s and hung while its health stayed UP. The error is provoked the way
 * production could meet it, with no hook in the server: a small heap ({@code JAVA_OPTS}) and body limits raised by
 * configuration ({@code operator/out-of-memory.yml}), then one search of millions of empty job codes whose text goes
 * beyond ASCII (a Welsh address), so that it is decoded before it is parsed: the body, its text and the decoder's
 * buffer need far more than the heap.
 */
final class OutOfMemoryExitIT {
    private static final int EMPTY_JOB_CODES = 4_000_000;

    @TempDir
    Path work;

    @Test
    void theLaunchedServerExitsOnOutOfMemory() throws Exception {
        ServerJar server = ServerJar.launch(work, Map.of("JAVA_OPTS", "-Xmx64m -XX:+UseSerialGC",
                "MICRONAUT_CONFIG_FILES", Path.of(getClass().getClassLoader().getResource("operator/out-of-memory.yml").toURI())
                        .toString())).awaitStarted();
        try (server; Socket client = new Socket(server.base.getHost(), server.base.getPort())) {
            sendHugeSearch(client);

            assertThat(server.awaitExit()).as(server.output()).isEqualTo(3);
            assertThat(server.output()).contains("Terminating due to java.lang.OutOfMemoryError");
        }
    }

    /** Sends the search and leaves the connection open, so the server reads it to the end. */
    private static void sendHugeSearch(Socket client) {
        StringBuilder body = new StringBuilder("{\"propertyRef\":\"Ty\u0177 Gwyn 1\",\"from\":\"2026-03-02\",\"to\":\"2026-03-02\",\"jobCodes\":[{}");
        body.append(",{}".repeat(EMPTY_JOB_CODES - 1)).append("]}");
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        try {
            OutputStream out = client.getOutputStream();
            out.write(("POST /v1/councils/sandbox/appointment-search HTTP/1.1\r\nHost: slotbridge\r\n"
                    + "Authorization: Bearer oom-test-key\r\nContent-Type: application/json\r\nContent-Length: "
                    + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        } catch (IOException endedWhileReading) {
            // the process may end before it has read the whole body: its exit status says why
        }
    }
}

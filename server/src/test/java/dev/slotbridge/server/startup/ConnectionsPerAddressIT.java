package dev.slotbridge.server.startup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real jar limits open connections per peer address ({@code slotbridge.connections.max-per-address: 3}): a fourth
 * connection from 127.0.0.1 is reset without an answer, while 127.0.0.2, the trusted proxy 127.0.0.3 (any number)
 * and the management port's readiness are still served; once one of 127.0.0.1's closes, it may open another.
 */
final class ConnectionsPerAddressIT {
    private static final String DEMO_KEY = "sandbox-demo-key";

    @TempDir
    Path work;

    @Test
    void oneAddressCannotOpenMoreThanTheLimitWhileOthersAndTheManagementPortStillCan() throws Exception {
        int management = ServerJar.freePort();
        Path config = Files.writeString(work.resolve("connections.yml"), """
                slotbridge:
                  trusted-proxies: [127.0.0.3]
                  connections:
                    max-per-address: 3
                endpoints:
                  all:
                    port: %d
                """.formatted(management));
        try (ServerJar server = ServerJar.start(work, Map.of("MICRONAUT_ENVIRONMENTS", "demo",
                "MICRONAUT_CONFIG_FILES", config.toString())).awaitStarted()) {
            int api = server.base.getPort();
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    held.add(connect("127.0.0.1", api));
                    assertThat(answer(held.getLast(), "/v1/councils")).contains(200);
                }

                assertThat(resetUnanswered("127.0.0.1", api)).as("a fourth from that address is reset, never answered")
                        .isTrue();
                try (Socket other = connect("127.0.0.2", api)) {
                    assertThat(answer(other, "/v1/councils")).contains(200);
                }
                for (int i = 0; i < 5; i++) {
                    held.add(connect("127.0.0.3", api));
                    assertThat(answer(held.getLast(), "/v1/councils")).as("a trusted proxy").contains(200);
                }
                try (Socket readiness = connect("127.0.0.1", management)) {
                    assertThat(answer(readiness, "/health/readiness")).as("a port of its own").contains(200);
                }
                assertThat(answer(held.getFirst(), "/v1/councils")).as("the first three are still served").contains(200);

                held.removeFirst().close();
                assertThat(answeredWithin10s("127.0.0.1", api)).as("a place freed").isTrue();
                assertThat(server.output()).contains("127.0.0.1 has 3 connections open to");
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    private static Socket connect(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** The status of a GET on this connection (kept open), or empty when the server closed or reset it instead. */
    private static Optional<Integer> answer(Socket socket, String path) throws IOException {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + DEMO_KEY + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            if (status == null) {
                return Optional.empty();
            }
            int length = 0;
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
            }
            for (int read = 0; read < length && in.read() >= 0; read++) {
                // the body, so that the connection's next answer starts at its status line
            }
            return Optional.of(Integer.parseInt(status.split(" ")[1]));
        } catch (java.net.SocketException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a new connection from the address is reset without an answer: the reset may reach the client while it is
     * still connecting, or after, when it asks.
     */
    private static boolean resetUnanswered(String from, int port) throws IOException {
        try (Socket socket = connect(from, port)) {
            return answer(socket, "/v1/councils").isEmpty();
        } catch (java.net.SocketException resetWhileConnecting) {
            return true;
        }
    }

    /** Whether a new connection from the address is answered within 10 s (the server counts a close as it sees it). */
    private static boolean answeredWithin10s(String from, int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = connect(from, port)) {
                if (answer(socket, "/v1/councils").isPresent()) {
                    return true;
                }
            } catch (java.net.SocketException resetWhileConnecting) {
                // refused as the limit still counted the closed connection: try again
            }
        }
        return false;
    }
}

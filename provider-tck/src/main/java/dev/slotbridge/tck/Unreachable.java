package dev.slotbridge.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** For provider tests of a scheduler that cannot be reached: an address where nothing listens. */
public final class Unreachable {
    private Unreachable() {
    }

    /** {@code http://127.0.0.1:<port>} on a loopback port just closed, so a connection to it is refused at once. */
    public static String baseUrl() {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + closed.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

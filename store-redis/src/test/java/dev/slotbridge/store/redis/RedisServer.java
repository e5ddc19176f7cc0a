package dev.slotbridge.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's package, installed by {@code scripts/test-tools}) on a free loopback port,
 * with its own folder and no persistence. {@link #shared()} is one per test JVM, stopped when it exits.
 */
public final class RedisServer implements AutoCloseable {
    private static RedisServer shared;

    private final int port;
    private final Path folder;
    private Process process;

    private RedisServer(int port, Path folder) {
        this.port = port;
        this.folder = folder;
    }

    /** The test JVM's Redis, started on first use. */
    public static synchronized RedisServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A Redis of its own, for a test that stops and starts it. */
    public static RedisServer start() {
        try {
            RedisServer server = new RedisServer(freePort(), Files.createTempDirectory("slotbridge-redis"));
            server.startProcess();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** Stops the server at once (SIGKILL), as a crash or a network cut would look to clients. */
    public synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts it again on the same port, empty. */
    public synchronized void restart() {
        stop();
        startProcess();
    }

    /** Forgets every key. */
    public void flushAll() {
        command("*1\r\n$8\r\nFLUSHALL\r\n");
    }

    private synchronized void startProcess() {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", folder.toString(), "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(folder.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server could not be started (scripts/test-tools installs it)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                if (command("*1\r\n$4\r\nPING\r\n").startsWith("+PONG")) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server did not start on port " + port, notYet);
                }
                try {
                    process.waitFor(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Sends one command in Redis's protocol and returns the first line of the answer. */
    private String command(String resp) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(resp.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        stop();
    }
}

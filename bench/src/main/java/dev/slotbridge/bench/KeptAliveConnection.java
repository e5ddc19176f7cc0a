package dev.slotbridge.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection to the server, kept alive from request to request, written and read by hand so the bench
 * knows exactly what was sent (a body's size to the byte) and how many connections it took: when the server closes
 * the connection ({@code Connection: close}, or the socket ends) the next request opens another, and {@link #opened()}
 * counts them. Not thread-safe: one per client thread.
 */
final class KeptAliveConnection implements AutoCloseable {
    /** One answer: status, headers (names in lower case) and body, and how long it took from writing to the last byte. */
    record Answer(int status, Map<String, String> headers, String body, long micros) {
    }

    private final URI base;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int opened;

    KeptAliveConnection(URI base) {
        this.base = base;
    }

    /** The request's bytes: head and body, with Host and Content-Length set. */
    static byte[] request(URI base, String method, String path, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return request;
    }

    /** Sends the request on this connection (opening one if the last was closed) and reads the whole answer. */
    Answer send(byte[] request) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(request);
        } catch (IOException closedWhileIdle) {
            if (!reused) {
                throw closedWhileIdle;
            }
            drop();
            return exchange(request); // the server may close an idle kept-alive connection at any time: once more, fresh
        }
    }

    private Answer exchange(byte[] request) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
            opened++;
        }
        long started = System.nanoTime();
        out.write(request);
        out.flush();
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        long micros = (System.nanoTime() - started) / 1000;
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            drop();
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), micros);
    }

    /** Connections opened so far (1 when the server kept the first one alive throughout). */
    int opened() {
        return opened;
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
             size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
            // trailers are not used
        }
        return body.toByteArray();
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void drop() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        socket = null;
    }

    @Override
    public void close() {
        drop();
    }
}

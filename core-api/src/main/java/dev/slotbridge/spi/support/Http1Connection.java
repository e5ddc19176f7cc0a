package dev.slotbridge.spi.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 connection to a scheduler, used by one exchange at a time: the calling thread writes the request and
 * reads the answer itself (a virtual thread parks in the socket read), so an exchange costs no hand-over between
 * threads. Reads are untimed: {@link ExchangeDeadlines} closes the connection of an exchange past its deadline, which
 * ends the read (then a {@link SocketTimeoutException}); connecting and the TLS handshake have timeouts of their own. An answer is read whole, within a byte bound, and its
 * framing (status line, headers, {@code Content-Length} or chunked body) is checked, anything else being
 * {@link MalformedAnswer}.
 */
final class Http1Connection implements AutoCloseable {
    private static final int BUFFER_BYTES = 16 * 1024;
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int FIRST_BODY_BUFFER = 8 * 1024;
    private static final byte[] NO_BYTES = new byte[0];

    final Origin origin;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean answerStarted;
    private long idleSince;
    private long keepAliveNanos;

    /** Where a connection goes: scheme, host and port. */
    record Origin(boolean tls, String host, int port) {
    }

    /** The answer is not HTTP/1.1 as RFC 9112 frames it. */
    static final class MalformedAnswer extends IOException {
        MalformedAnswer(String message) {
            super(message);
        }
    }

    /** The answer is larger than the bound. */
    static final class TooLarge extends IOException {
        TooLarge(int maxBytes) {
            super("the answer is larger than " + maxBytes + " bytes");
        }
    }

    /** Connecting failed: the request was never sent. */
    static final class NotConnected extends IOException {
        NotConnected(IOException cause) {
            super(cause.getClass().getSimpleName(), cause);
        }
    }

    /** A whole answer: status, headers (names case-insensitive), body bytes, and whether the connection may be reused. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, int length, boolean reusable,
                  long keepAliveSeconds) {
    }

    private Http1Connection(Origin origin, Socket socket) throws IOException {
        this.origin = origin;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects (and for https shakes hands, checking the certificate against the host name) within
     * {@code connectMillis}, never past {@code deadline} ({@link System#nanoTime()}).
     *
     * @throws NotConnected when the scheduler could not be reached; the request was not sent
     */
    static Http1Connection open(Origin origin, int connectMillis, long deadline, SSLContext tls) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(origin.host(), origin.port()), (int) Math.min(connectMillis, millisUntil(deadline)));
            if (origin.tls()) {
                SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(socket, origin.host(), origin.port(), true);
                SSLParameters parameters = secured.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secured.setSSLParameters(parameters);
                secured.setSoTimeout((int) millisUntil(deadline));
                secured.startHandshake();
                secured.setSoTimeout(0);
                socket = secured;
            }
            return new Http1Connection(origin, socket);
        } catch (IOException e) {
            socket.close();
            throw Thread.currentThread().isInterrupted() ? e : new NotConnected(e);
        }
    }

    /** Milliseconds until {@code deadline}, at least 1 (a socket timeout of 0 would mean none). */
    private static long millisUntil(long deadline) throws SocketTimeoutException {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new SocketTimeoutException("the exchange's time is up");
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
    }

    /**
     * Sends {@code request} (head and body, already serialised) and reads its answer, at most {@code maxBytes} of body.
     *
     * @param noBody the request is a {@code HEAD}: its answer has no body whatever its headers say
     */
    Answer exchange(byte[] request, boolean noBody, long deadline, int maxBytes) throws IOException {
        this.answerStarted = false;
        ExchangeDeadlines.Watch watch = ExchangeDeadlines.watch(this, deadline);
        try {
            out.write(request);
            out.flush();
            while (true) {
                String statusLine = line();
                int status = status(statusLine);
                Map<String, List<String>> headers = headers();
                if (status >= 100 && status < 200 && status != 101) {
                    continue; // an interim answer (100 Continue, 103 Early Hints): the final one follows
                }
                return answer(statusLine, status, headers, noBody, maxBytes);
            }
        } catch (IOException e) {
            if (watch.passed()) {
                SocketTimeoutException timedOut = new SocketTimeoutException("the exchange's time is up");
                timedOut.initCause(e);
                throw timedOut;
            }
            throw e;
        } finally {
            watch.close();
        }
    }

    private Answer answer(String statusLine, int status, Map<String, List<String>> headers, boolean noBody, int maxBytes)
            throws IOException {
        boolean http10 = statusLine.startsWith("HTTP/1.0");
        String connection = joined(headers, "Connection");
        boolean keepAlive = http10 ? hasToken(connection, "keep-alive") : !hasToken(connection, "close");
        if (noBody || status == 204 || status == 304 || status == 101) {
            return new Answer(status, headers, NO_BYTES, 0, keepAlive && status != 101 && position == limit, keepAliveSeconds(headers));
        }
        String transferEncoding = joined(headers, "Transfer-Encoding");
        Body body = new Body(maxBytes);
        boolean delimited;
        if (transferEncoding != null) {
            delimited = transferEncoding.toLowerCase(Locale.ROOT).trim().endsWith("chunked");
            if (delimited) {
                chunked(body);
            } else {
                untilClosed(body);
            }
        } else {
            List<String> lengths = headers.get("Content-Length");
            delimited = lengths != null;
            if (delimited) {
                fixed(body, contentLength(lengths, maxBytes));
            } else {
                untilClosed(body);
            }
        }
        return new Answer(status, headers, body.bytes, body.size, keepAlive && delimited && position == limit,
                keepAliveSeconds(headers));
    }

    private static int status(String statusLine) throws MalformedAnswer {
        // "HTTP/1.1 200 OK": a space, three digits, then a space or the end of the line
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ' || statusLine.length() > 12 && statusLine.charAt(12) != ' ') {
            throw new MalformedAnswer("not an HTTP/1.x status line");
        }
        int status = 0;
        for (int i = 9; i < 12; i++) {
            char digit = statusLine.charAt(i);
            if (digit < '0' || digit > '9') {
                throw new MalformedAnswer("not an HTTP/1.x status line");
            }
            status = status * 10 + digit - '0';
        }
        if (status < 100) {
            throw new MalformedAnswer("not an HTTP/1.x status line");
        }
        return status;
    }

    private Map<String, List<String>> headers() throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int bytes = 0;
        String previous = null;
        for (String line = line(); !line.isEmpty(); line = line()) {
            bytes += line.length() + 2;
            if (bytes > MAX_HEAD_BYTES) {
                throw new MalformedAnswer("the answer's headers are larger than " + MAX_HEAD_BYTES + " bytes");
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && previous != null) {
                List<String> values = headers.get(previous); // obsolete line folding: the value goes on
                values.set(values.size() - 1, values.getLast() + ' ' + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(colon - 1) == ' ' || line.charAt(colon - 1) == '\t') {
                throw new MalformedAnswer("a header line without a name");
            }
            previous = line.substring(0, colon);
            headers.computeIfAbsent(previous, name -> new ArrayList<>(1)).add(line.substring(colon + 1).trim());
        }
        return headers;
    }

    private static String joined(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? null : String.join(",", values);
    }

    private static boolean hasToken(String list, String token) {
        if (list == null) {
            return false;
        }
        for (String element : list.split(",")) {
            if (element.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code timeout} the answer's {@code Keep-Alive} header gives, in seconds; -1 when it gives none. */
    private static long keepAliveSeconds(Map<String, List<String>> headers) {
        String keepAlive = joined(headers, "Keep-Alive");
        if (keepAlive != null) {
            for (String parameter : keepAlive.split(",")) {
                String[] nameAndValue = parameter.trim().split("=", 2);
                if (nameAndValue.length == 2 && nameAndValue[0].trim().equalsIgnoreCase("timeout")) {
                    try {
                        return Long.parseLong(nameAndValue[1].trim());
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    private static int contentLength(List<String> values, int maxBytes) throws IOException {
        long length = -1;
        for (String value : values) {
            for (String element : value.split(",")) {
                long one;
                try {
                    one = Long.parseLong(element.trim());
                } catch (NumberFormatException e) {
                    throw new MalformedAnswer("an invalid Content-Length");
                }
                if (one < 0 || length >= 0 && one != length) {
                    throw new MalformedAnswer("an invalid Content-Length");
                }
                length = one;
            }
        }
        if (length > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        return (int) length;
    }

    /** The answer's body as it is read, never more than the bound. */
    private static final class Body {
        private final int maxBytes;
        byte[] bytes = NO_BYTES;
        int size;

        Body(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        /** Room for {@code more} bytes after {@code size}. */
        void reserve(long more) throws TooLarge {
            long needed = size + more;
            if (needed > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(needed, Math.max(FIRST_BODY_BUFFER, 2L * bytes.length))));
            }
        }
    }

    private void fixed(Body body, int length) throws IOException {
        body.bytes = length == 0 ? NO_BYTES : new byte[length];
        read(body, length);
    }

    private void chunked(Body body) throws IOException {
        while (true) {
            String sizeLine = line();
            int extension = sizeLine.indexOf(';');
            String hex = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim();
            long size;
            try {
                size = hex.isEmpty() || hex.length() > 8 ? -1 : Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 0) {
                throw new MalformedAnswer("an invalid chunk size");
            }
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailer fields: not used
                }
                return;
            }
            body.reserve(size);
            read(body, (int) size);
            if (!line().isEmpty()) {
                throw new MalformedAnswer("a chunk longer than its size");
            }
        }
    }

    private void untilClosed(Body body) throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                return;
            }
            int length = limit - position;
            body.reserve(length);
            System.arraycopy(buffer, position, body.bytes, body.size, length);
            body.size += length;
            position = limit;
        }
    }

    /** Reads exactly {@code length} bytes into the body (room for them reserved). */
    private void read(Body body, int length) throws IOException {
        int buffered = Math.min(length, limit - position);
        System.arraycopy(buffer, position, body.bytes, body.size, buffered);
        position += buffered;
        body.size += buffered;
        int remaining = length - buffered;
        while (remaining > 0) {
            int read = in.read(body.bytes, body.size, remaining);
            if (read < 0) {
                throw new MalformedAnswer("the connection closed within the answer's body");
            }
            body.size += read;
            remaining -= read;
        }
    }

    /** One line of the head, without its CRLF (a bare LF is accepted), as ISO-8859-1 text. */
    private String line() throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = position + scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                    position = i + 1;
                    return line;
                }
            }
            if (limit - position == buffer.length) {
                throw new MalformedAnswer("a line of the answer's head is too long");
            }
            scanned = limit - position;
            if (!fill()) {
                if (!answerStarted) {
                    throw new java.io.EOFException("the connection closed before an answer");
                }
                throw new MalformedAnswer("the connection closed within the answer's head");
            }
        }
    }

    /** Reads more bytes after what is buffered (moving those to the front first); false at the end of the stream. */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            return false;
        }
        answerStarted = true;
        limit += read;
        return true;
    }

    /** Whether any byte of the current exchange's answer has arrived: before that, a reused connection may have been closed idle. */
    boolean answerStarted() {
        return answerStarted;
    }

    /** Marks the connection idle from now, to be reused within {@code keepAliveNanos}. */
    void idle(long now, long keepAliveNanos) {
        this.idleSince = now;
        this.keepAliveNanos = keepAliveNanos;
    }

    long idleSince() {
        return idleSince;
    }

    boolean expired(long now) {
        return now - idleSince >= keepAliveNanos;
    }

    long expiresAt() {
        return idleSince + keepAliveNanos;
    }

    /**
     * Whether an idle connection still looks open: a read that may wait 1 ms finds neither the end of the stream nor
     * stray bytes. Only worth its millisecond for a connection idle long enough for the scheduler to have closed it.
     */
    boolean stillOpen() {
        try {
            socket.setSoTimeout(1);
            in.read(); // the end of the stream, or bytes no request asked for: either way not reusable
            return false;
        } catch (SocketTimeoutException quiet) {
            try {
                socket.setSoTimeout(0);
                return true;
            } catch (IOException e) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing what is already broken
        }
    }
}

package org.stackratings.sandbox.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One HTTP/1.1 connection over a plain socket, read byte by byte as the test decides: for answers that never end. */
final class RawHttp implements AutoCloseable {

    /** The status line and header lines of an answer. */
    record Head(int status, List<String> lines, int bytes) {

        List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return lines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).toList();
        }

        String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    private RawHttp(int port, Duration readTimeout) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) readTimeout.toMillis());
            in = socket.getInputStream();
            out = socket.getOutputStream();
            host = "127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection whose reads fail with a {@link java.net.SocketTimeoutException} after {@code readTimeout}. */
    static RawHttp connect(int port, Duration readTimeout) {
        return new RawHttp(port, readTimeout);
    }

    /** Sends one request; {@code token} and {@code body} may be null. */
    void send(String method, String path, String token, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        if (token != null) {
            request.append("X-Auth-Token: ").append(token).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Type: application/json\r\n");
        }
        request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
    }

    /** Reads the status line and headers (at most {@code limit} bytes). */
    Head readHead(int limit) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed inside the head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
            if (head.size() > limit) {
                throw new IOException("head longer than " + limit + " bytes");
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.substring(0, text.length() - 4).split("\r\n")));
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        return new Head(status, lines, head.size());
    }

    /** Reads one chunk of a chunked body (its data; empty for the last chunk). */
    byte[] readChunk() throws IOException {
        String sizeLine = line();
        int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
        byte[] data = in.readNBytes(size);
        if (data.length < size) {
            throw new IOException("the connection closed inside a chunk");
        }
        String crlf = line();
        if (!crlf.isEmpty()) {
            throw new IOException("chunk not followed by CRLF: " + crlf);
        }
        return data;
    }

    /** Reads exactly {@code n} bytes of body. */
    byte[] readBytes(int n) throws IOException {
        byte[] data = in.readNBytes(n);
        if (data.length < n) {
            throw new IOException("the connection closed after " + data.length + " of " + n + " bytes");
        }
        return data;
    }

    /** Reads one byte (-1 at the end of the stream); fails with a timeout when none comes in time. */
    int read() throws IOException {
        return in.read();
    }

    /** Reads and drops everything until the server closes the connection; the number of bytes read. */
    long readToEnd() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
        }
        return total;
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed inside a line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package io.chaintill.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent event stream read on a thread of its own: each event block with the moment it arrived.
 *
 * <p>Over a plain socket, not {@code HttpURLConnection}: closing that one while its reader thread waits in a read
 * waits for the same lock, until the server sends something or the read times out (45 s per stream in
 * CheckoutPageIT). Closing a socket ends the blocked read at once.
 */
public final class EventStreamReader implements AutoCloseable {
    /** One event block ({@code event: ...\ndata: ...\n}) and {@link System#nanoTime()} when its last line arrived. */
    public record Event(String text, long arrivedNanos) {
    }

    private static final int TIMEOUT_MS = 60_000;
    private final Socket socket;
    private final InputStream in;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private EventStreamReader(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
        Thread reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static EventStreamReader open(String url) {
        URI u = URI.create(url);
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(u.getHost(), u.getPort()), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + u.getRawPath() + " HTTP/1.1\r\nHost: " + u.getHost() + ":" + u.getPort()
                    + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new EventStreamReader(socket, new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connect failed; nothing is open
            }
            throw new UncheckedIOException(e);
        }
    }

    /** The next event with data (comments skipped), or null after {@code wait}. */
    public Event next(Duration wait) throws InterruptedException {
        return events.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void read() {
        try {
            String status = line(in);
            if (status == null || !status.startsWith("HTTP/1.1 200")) {
                return;
            }
            boolean chunked = false;
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                chunked |= h.toLowerCase(Locale.ROOT).replace(" ", "").equals("transfer-encoding:chunked");
            }
            InputStream body = chunked ? new Dechunked(in) : in;
            StringBuilder event = new StringBuilder();
            for (String line = line(body); line != null; line = line(body)) {
                if (!line.isEmpty()) {
                    event.append(line).append('\n');
                } else if (event.indexOf("data:") >= 0) {
                    events.add(new Event(event.toString(), System.nanoTime()));
                    event.setLength(0);
                } else {
                    event.setLength(0);
                }
            }
        } catch (IOException e) {
            // closed by close() or by the server: the queue simply gets nothing more
        }
    }

    /** A line without its CR LF (or LF), UTF-8; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.UTF_8);
            }
            bytes.write(b);
        }
        String s = bytes.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** The body of a chunked response: each chunk's bytes without its size line. */
    private static final class Dechunked extends InputStream {
        private final InputStream in;
        private long left;

        Dechunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (left == 0) {
                String size = line(in);
                if (size != null && size.isEmpty()) {
                    size = line(in); // the CR LF that ends the previous chunk
                }
                if (size == null) {
                    return -1;
                }
                int semicolon = size.indexOf(';');
                left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (left == 0) {
                    return -1;
                }
            }
            left--;
            return in.read();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that was asked
        }
    }
}

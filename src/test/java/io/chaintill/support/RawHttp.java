package io.chaintill.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request, written byte for byte: for what java.net.http will
 * not send (a path with {@code %zz} or raw non-ASCII, control characters in headers, a POST without Content-Type)
 * and for requests from a chosen loopback address (127.0.0.x), so that the per-address login throttle one test
 * class trips does not lock 127.0.0.1 for the others. A server-sent event stream is read up to its headers.
 */
public final class RawHttp {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private final String host;
    private final int port;
    private final String from;

    private RawHttp(String host, int port, String from) {
        this.host = host;
        this.port = port;
        this.from = from;
    }

    /** Requests to the server behind {@code base} (http://127.0.0.1:port), sent from local address {@code from}. */
    public static RawHttp to(String base, String from) {
        URI u = URI.create(base);
        return new RawHttp(u.getHost(), u.getPort(), from);
    }

    /** What the server answered; header names lower-cased, repeated headers joined with ", ". */
    public record Answer(int status, Map<String, String> headers, byte[] bytes) {
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** {@code headers} as name, value pairs; Content-Length is added for a body. */
    public Answer send(String method, String path, String body, String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return send(method, path, h, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code target} and header values go out as UTF-8 bytes, unchecked; a {@code null} body sends no
     * Content-Length. A server that answers (413) and closes before reading a large body is still heard.
     */
    public Answer send(String method, String target, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
        head.writeBytes(target.getBytes(StandardCharsets.UTF_8));
        head.writeBytes((" HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            head.writeBytes((h.getKey() + ": ").getBytes(StandardCharsets.ISO_8859_1));
            head.writeBytes(h.getValue().getBytes(StandardCharsets.UTF_8));
            head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (body != null) {
            head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            out.write(head.toByteArray());
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // the server may answer (413) and close before reading a large body: read what it said
                }
            }
            out.flush();
            return read(s.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new AssertionError(method + " " + shortTarget(target) + ": no answer within " + READ_TIMEOUT_MS + " ms", e);
        } catch (IOException e) {
            throw new AssertionError(method + " " + shortTarget(target) + " failed: " + e, e);
        }
    }

    private static String shortTarget(String target) {
        return target.length() > 200 ? target.substring(0, 200) + "...(" + target.length() + " chars)" : target;
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.merge(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        byte[] body;
        if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Math.min(MAX_BODY, Integer.parseInt(headers.get("content-length"))));
        } else {
            body = in.readNBytes(MAX_BODY);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (body.size() < MAX_BODY) {
            String size = line(in);
            if (size == null) {
                break;
            }
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                break;
            }
            body.writeBytes(in.readNBytes(n));
            line(in);
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}

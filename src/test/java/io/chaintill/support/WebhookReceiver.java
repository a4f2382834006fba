package io.chaintill.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP server standing in for a merchant's webhook endpoint: listens on 127.0.0.1 on a random port,
 * records every request (path, headers, raw body bytes) the moment it arrives, and answers from a script per
 * path: {@code script("/hook", Reply.status(500), Reply.status(500), Reply.ok())}, then the default reply (200)
 * once that path's script runs out. Scripts are per path so tests sharing one receiver do not consume each
 * other's replies. A reply can carry Retry-After or a delay (longer than the sender's timeout: a hang).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it came over the wire. Header names are lower-cased. */
    public record Request(String path, Map<String, List<String>> headers, byte[] body, Instant receivedAt) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How to answer one request. */
    public record Reply(int status, String retryAfter, Duration delay) {
        public static Reply ok() {
            return status(200);
        }

        public static Reply status(int status) {
            return new Reply(status, null, Duration.ZERO);
        }

        /** Never answers within any sane timeout. */
        public static Reply hang() {
            return new Reply(200, null, Duration.ofMinutes(10));
        }

        public Reply retryAfter(String value) {
            return new Reply(status, value, delay);
        }

        public Reply after(Duration wait) {
            return new Reply(status, retryAfter, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "webhook-receiver");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new HashMap<>();
    private Reply defaultReply = Reply.ok();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** http://127.0.0.1:port + path */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Replies for the next requests to {@code path}, in order. */
    public synchronized WebhookReceiver script(String path, Reply... replies) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    public synchronized WebhookReceiver defaultReply(Reply reply) {
        defaultReply = reply;
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits until at least {@code count} requests match, and returns all that match. */
    public List<Request> await(Predicate<Request> filter, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Request> matching = requests().stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("expected " + count + " matching webhook requests within " + timeout
                        + ", got " + matching.size() + "; all requests: " + requests().stream().map(Request::bodyText).toList());
            }
            sleep(Duration.ofMillis(50));
        }
    }

    public List<Request> await(String path, int count, Duration timeout) {
        return await(r -> r.path().equals(path), count, timeout);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        Reply reply;
        synchronized (this) {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, headers, body, Instant.now()));
            Deque<Reply> script = scripts.get(path);
            reply = script == null || script.isEmpty() ? defaultReply : script.poll();
        }
        try {
            if (!reply.delay().isZero()) {
                sleep(reply.delay());
            }
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
            }
            exchange.sendResponseHeaders(reply.status(), -1);
        } finally {
            exchange.close();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

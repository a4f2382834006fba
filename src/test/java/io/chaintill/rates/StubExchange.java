package io.chaintill.rates;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 that answers exchange ticker requests with recorded responses, counts
 * requests and can be told to stall. Routes match on path plus query, e.g. "/0/public/Ticker?pair=XBTUSD".
 */
final class StubExchange implements AutoCloseable {

    private record Reply(int status, String body, long delayMillis) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    StubExchange() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // One thread per request so a stalled answer does not hold up the others.
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    StubExchange serve(String pathAndQuery, int status, String resource) {
        return serveText(pathAndQuery, status, recorded(resource), 0);
    }

    StubExchange serveSlowly(String pathAndQuery, String resource, long delayMillis) {
        return serveText(pathAndQuery, 200, recorded(resource), delayMillis);
    }

    StubExchange serveText(String pathAndQuery, int status, String body, long delayMillis) {
        replies.put(pathAndQuery, new Reply(status, body, delayMillis));
        return this;
    }

    /** Every request received so far, as path plus query. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    long count(String pathAndQuery) {
        return requests.stream().filter(pathAndQuery::equals).count();
    }

    static String recorded(String resource) {
        try (InputStream in = StubExchange.class.getResourceAsStream("/rates/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded response rates/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String key = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        requests.add(key);
        Reply reply = replies.getOrDefault(key, new Reply(404, "{\"error\":\"no stub for " + key + "\"}", 0));
        try {
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    reply.body().startsWith("<") ? "text/html" : "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (timeout test); nothing to answer.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

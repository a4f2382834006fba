package io.chaintill.web.authorize;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A shop on another origin (127.0.0.1, its own port), in the place of the WooCommerce plugin: a page with a
 * "connect" link to the authorize URL, and callbacks that record each form the server posts to them.
 */
final class ShopServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, BlockingQueue<Map<String, List<String>>>> received = new ConcurrentHashMap<>();

    private ShopServer(HttpServer server) {
        this.server = server;
    }

    static ShopServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ShopServer shop = new ShopServer(http);
            http.createContext("/shop", shop::page);
            http.createContext("/callback/", shop::callback);
            http.start();
            return shop;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The shop's settings page, whose link sends the merchant to {@code authorizeUrl}. */
    String page(String authorizeUrl) {
        return origin() + "/shop?to=" + URLEncoder.encode(authorizeUrl, StandardCharsets.UTF_8);
    }

    String callback(String name) {
        return origin() + "/callback/" + name;
    }

    /** The next form posted to the named callback, waiting for it. */
    Map<String, List<String>> await(String name, Duration wait) throws InterruptedException {
        Map<String, List<String>> form = queue(name).poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (form == null) {
            throw new AssertionError("the shop received no post on " + name + " within " + wait);
        }
        return form;
    }

    /** A form posted to the named callback already, or null. */
    Map<String, List<String>> poll(String name) {
        return queue(name).poll();
    }

    private BlockingQueue<Map<String, List<String>>> queue(String name) {
        return received.computeIfAbsent(name, k -> new LinkedBlockingQueue<>());
    }

    private void page(HttpExchange ex) throws IOException {
        String to = form(ex.getRequestURI().getRawQuery()).getOrDefault("to", List.of("")).get(0);
        respond(ex, "<!doctype html><html><body><h1>Shop settings</h1><a id=\"connect\" href=\""
                + to.replace("&", "&amp;").replace("\"", "&quot;") + "\">Generate API key</a></body></html>");
    }

    private void callback(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(405, -1);
            ex.close();
            return;
        }
        String name = URI.create(ex.getRequestURI().getPath()).getPath().substring("/callback/".length());
        queue(name).add(form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        respond(ex, "<!doctype html><html><body><p id=\"received\">Key received</p></body></html>");
    }

    private static Map<String, List<String>> form(String encoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static void respond(HttpExchange ex, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

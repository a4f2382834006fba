package io.chaintill.web.checkout;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A shop's own site on another origin (a JDK HTTP server on 127.0.0.1): serves the pages a test puts on it. */
final class ShopSite implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    ShopSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    void put(String path, String html) {
        pages.put(path, html);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A shop's page: what the test puts in its body, in a document with no favicon request. */
    static String page(String title, String body) {
        return "<!doctype html><html lang=en><head><meta charset=utf-8><title>" + title + "</title>"
                + "<link rel=icon href=data:,></head><body>" + body + "</body></html>";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

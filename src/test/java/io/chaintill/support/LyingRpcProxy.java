package io.chaintill.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on 127.0.0.1 in front of a real bitcoind's JSON-RPC: passes everything through until told to lie,
 * then serves one block with a forged header (another nonce, so it misses its proof-of-work target) under the
 * forged header's own hash: every answer has the real hash and header replaced by the forged ones, and every
 * request the forged hash replaced by the real one, so the lie is consistent to the client (a "lying source").
 * While {@link #hold()} is in force requests wait, so a block can be forged before the client hears of it.
 */
public final class LyingRpcProxy implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private volatile String[] lie; // {real hash, forged hash, real header hex, forged header hex}
    private volatile boolean held;

    private LyingRpcProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** @param rpcUrl the node's RPC URL, e.g. http://127.0.0.1:18443 */
    public static LyingRpcProxy start(String rpcUrl) {
        try {
            return new LyingRpcProxy(URI.create(rpcUrl));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized void hold() {
        held = true;
    }

    public synchronized void release() {
        held = false;
        notifyAll();
    }

    /**
     * From now on the block {@code realHash} with raw header {@code realHeaderHex} is served with a forged header that
     * misses the proof-of-work target; returns the forged hash.
     */
    public String forge(String realHash, String realHeaderHex) {
        byte[] header = HexFormat.of().parseHex(realHeaderHex);
        for (int nonce = 0; ; nonce++) {
            header[76] = (byte) nonce;
            header[77] = (byte) (nonce >>> 8);
            header[78] = (byte) (nonce >>> 16);
            header[79] = (byte) (nonce >>> 24);
            String hash = displayHash(header);
            // regtest's target is just under 2^255: a hash with the top bit set misses it
            if (Character.digit(hash.charAt(0), 16) >= 8 && !hash.equals(realHash)) {
                lie = new String[] {realHash, hash, realHeaderHex, HexFormat.of().formatHex(header)};
                return hash;
            }
        }
    }

    public void stopLying() {
        lie = null;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            awaitRelease();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String[] l = lie;
            if (l != null) {
                body = body.replace(l[1], l[0]);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getPath()))
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                request.header("Authorization", auth);
            }
            request.header("Content-Type", "application/json");
            HttpResponse<String> answer;
            try {
                answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return; // the node is gone: the client sees the connection close without an answer
            }
            String out = answer.body();
            if (l != null) {
                out = out.replace(l[0], l[1]).replace(l[2], l[3]);
            }
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void awaitRelease() throws InterruptedException {
        while (held) {
            wait();
        }
    }

    private static String displayHash(byte[] header) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = sha.digest(sha.digest(header));
            byte[] reversed = new byte[h.length];
            for (int i = 0; i < h.length; i++) {
                reversed[i] = h[h.length - 1 - i];
            }
            return HexFormat.of().formatHex(reversed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}

package io.chaintill.chain.bitcoin.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a fake bitcoind: every way an answer can go wrong. */
class BitcoindRpcClientTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private HttpServer server;
    private final AtomicReference<Responder> responder = new AtomicReference<>();
    private final AtomicReference<String> lastBody = new AtomicReference<>();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private final AtomicReference<String> lastPath = new AtomicReference<>();

    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange) throws IOException, InterruptedException;
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            lastBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            lastPath.set(exchange.getRequestURI().getPath());
            try {
                responder.get().respond(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private BitcoindRpcClient client() {
        return new BitcoindRpcClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                "alice", "s3cret:pw", Duration.ofMillis(500), TIMEOUT);
    }

    private void answer(int status, String body) {
        responder.set(exchange -> send(exchange, status, body));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Test
    void sendsJsonRpcWithBasicAuthAndReturnsResult() {
        answer(200, "{\"result\":812345,\"error\":null,\"id\":1}");

        assertEquals(812345, client().blockCount());

        JsonObject request = Json.createReader(new java.io.StringReader(lastBody.get())).readObject();
        assertEquals("getblockcount", request.getString("method"));
        assertEquals("1.0", request.getString("jsonrpc"));
        assertEquals(0, request.getJsonArray("params").size());
        String expected = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret:pw".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, lastAuthorization.get());
    }

    @Test
    void typedCallsDecodeTheirResults() {
        BitcoindRpcClient client = client();
        answer(200, "{\"result\":{\"chain\":\"regtest\",\"pruned\":true},\"error\":null,\"id\":1}");
        assertEquals("regtest", client.chain());
        assertTrue(client.isPruned());

        answer(200, "{\"result\":\"00ff10\",\"error\":null,\"id\":1}");
        assertArrayEquals(new byte[] {0x00, (byte) 0xff, 0x10}, client.rawBlock("ab"));
        assertTrue(lastBody.get().contains("\"params\":[\"ab\",0]"), lastBody.get());

        answer(200, "{\"result\":[\"aa\",\"bb\"],\"error\":null,\"id\":1}");
        assertEquals(List.of("aa", "bb"), client.rawMempool());
    }

    @Test
    void walletCallsGoToTheWalletPath() {
        answer(200, "{\"result\":\"bcrt1qxyz\",\"error\":null,\"id\":1}");
        client().forWallet("shop one").call("getnewaddress");
        assertEquals("/wallet/shop one", lastPath.get());
    }

    @Test
    void rpcErrorKeepsTheNodesCodeAndMessage() {
        // bitcoind's JSON-RPC 1.0 error answer: HTTP 500 with an error object
        answer(500, "{\"result\":null,\"error\":{\"code\":-5,\"message\":\"Block not found\"},\"id\":1}");

        BitcoindRpcException e = assertThrows(BitcoindRpcException.class, () -> client().rawBlock("00"));

        assertEquals(BitcoindRpcException.Kind.RPC_ERROR, e.kind());
        assertEquals(-5, e.rpcCode().orElseThrow());
        assertTrue(e.getMessage().contains("Block not found"), e.getMessage());
        assertTrue(e.getMessage().contains("getblock"), e.getMessage());
        assertFalse(e.isTransient());
    }

    @Test
    void unknownMethodComesAs404WithErrorObject() {
        answer(404, "{\"result\":null,\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}");

        BitcoindRpcException e = assertThrows(BitcoindRpcException.class, () -> client().call("nosuchmethod"));

        assertEquals(BitcoindRpcErrorCodes.METHOD_NOT_FOUND, e.rpcCode().orElseThrow());
    }

    @Test
    void warmupIsTransient() {
        answer(500, "{\"result\":null,\"error\":{\"code\":-28,\"message\":\"Loading block index...\"},\"id\":1}");

        BitcoindRpcException e = assertThrows(BitcoindRpcException.class, () -> client().blockCount());

        assertTrue(e.isTransient());
    }

    @Test
    void badCredentialsSaySo() {
        answer(401, "");

        BitcoindRpcException e = assertThrows(BitcoindRpcException.class, () -> client().blockCount());

        assertEquals(BitcoindRpcException.Kind.UNAUTHORIZED, e.kind());
        assertTrue(e.getMessage().contains("bad credentials"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), "password must not leak into messages");
    }

    @Test
    void forbiddenClientSaysSo() {
        answer(403, "");

        BitcoindRpcException e = assertThrows(BitcoindRpcException.class, () -> client().blockCount());

        assertEquals(BitcoindRpcException.Kind.FORBIDDEN, e.kind());
        assertTrue(e.getMessage().contains("rpcallowip"), e.getMessage());
    }

    @Test
    void nonJsonAnswerIsMalformed() {
        answer(200, "<html>proxy says hello</html>");

        BitcoindRpcException e = assertThrows(BitcoindRpcException.class, () -> client().blockCount());

        assertEquals(BitcoindRpcException.Kind.MALFORMED_RESPONSE, e.kind());
        assertTrue(e.getMessage().contains("proxy says hello"), e.getMessage());
    }

    @Test
    void truncatedJsonIsMalformed() {
        answer(200, "{\"result\":{\"chain\":\"main\"");

        BitcoindRpcException e = assertThrows(BitcoindRpcException.class, () -> client().chain());

        assertEquals(BitcoindRpcException.Kind.MALFORMED_RESPONSE, e.kind());
    }

    @Test
    void answerWithoutResultIsMalformed() {
        answer(200, "{\"id\":1}");

        BitcoindRpcException e = assertThrows(BitcoindRpcException.class, () -> client().blockCount());

        assertEquals(BitcoindRpcException.Kind.MALFORMED_RESPONSE, e.kind());
    }

    @Test
    void resultOfTheWrongShapeIsMalformed() {
        answer(200, "{\"result\":\"not a number\",\"error\":null,\"id\":1}");
        assertEquals(BitcoindRpcException.Kind.MALFORMED_RESPONSE,
                assertThrows(BitcoindRpcException.class, () -> client().blockCount()).kind());

        answer(200, "{\"result\":\"zz\",\"error\":null,\"id\":1}");
        assertEquals(BitcoindRpcException.Kind.MALFORMED_RESPONSE,
                assertThrows(BitcoindRpcException.class, () -> client().rawTransaction("00")).kind());
    }

    @Test
    void otherHttpStatusWithoutJsonIsReported() {
        answer(502, "Bad Gateway");

        BitcoindRpcException e = assertThrows(BitcoindRpcException.class, () -> client().blockCount());

        assertEquals(BitcoindRpcException.Kind.HTTP_STATUS, e.kind());
        assertTrue(e.getMessage().contains("502"), e.getMessage());
    }

    @Test
    void slowAnswerTimesOut() {
        responder.set(exchange -> {
            Thread.sleep(3_000);
            send(exchange, 200, "{\"result\":1,\"error\":null,\"id\":1}");
        });

        long start = System.nanoTime();
        BitcoindRpcException e = assertThrows(BitcoindRpcException.class, () -> client().blockCount());
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(BitcoindRpcException.Kind.TIMEOUT, e.kind());
        assertTrue(e.isTransient());
        assertTrue(elapsedMillis < 2_000, "took " + elapsedMillis + " ms");
    }

    @Test
    void bodyThatStallsAfterHeadersTimesOut() {
        responder.set(exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write("{\"result\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            Thread.sleep(3_000);
        });

        long start = System.nanoTime();
        BitcoindRpcException e = assertThrows(BitcoindRpcException.class, () -> client().blockCount());
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(BitcoindRpcException.Kind.TIMEOUT, e.kind());
        assertTrue(elapsedMillis < 2_000, "took " + elapsedMillis + " ms");
    }

    @Test
    void refusedConnectionIsAConnectionError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BitcoindRpcClient client = new BitcoindRpcClient(URI.create("http://127.0.0.1:" + closedPort + "/"),
                "u", "p", TIMEOUT, TIMEOUT);

        BitcoindRpcException e = assertThrows(BitcoindRpcException.class, client::blockCount);

        assertEquals(BitcoindRpcException.Kind.CONNECTION, e.kind());
        assertTrue(e.isTransient());
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
    }
}

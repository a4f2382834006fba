package io.chaintill.chain.bitcoin.rpc;

import io.chaintill.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC 1.0 client for bitcoind (Core or Knots) over HTTP with Basic auth. Thread-safe.
 * Every call is bounded by the request timeout, including a node that sends headers and then
 * stalls, so a chain follower never hangs on a sick node. All failures are
 * {@link BitcoindRpcException}s; passwords never appear in messages.
 */
public class BitcoindRpcClient {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final int BODY_EXCERPT_CHARS = 200;

    private final URI url;
    private final String authorization;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final AtomicLong ids;

    public BitcoindRpcClient(URI url, String user, String password) {
        this(url, user, password, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public BitcoindRpcClient(URI url, String user, String password, Duration connectTimeout, Duration requestTimeout) {
        this(url, basicAuthorization(user, password), requestTimeout,
                HttpClient.newBuilder().connectTimeout(connectTimeout).build(), new AtomicLong());
    }

    private BitcoindRpcClient(URI url, String authorization, Duration requestTimeout, HttpClient http, AtomicLong ids) {
        this.url = Objects.requireNonNull(url, "url");
        this.authorization = authorization;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = http;
        this.ids = ids;
    }

    private static String basicAuthorization(String user, String password) {
        String pair = Objects.requireNonNull(user, "user") + ":" + Objects.requireNonNull(password, "password");
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The same node and credentials, but wallet RPCs go to the named wallet (URL /wallet/NAME). */
    public BitcoindRpcClient forWallet(String wallet) {
        String base = url.toString().replaceAll("/+$", "");
        URI walletUrl = URI.create(base + "/wallet/" + URLEncoder.encode(wallet, StandardCharsets.UTF_8).replace("+", "%20"));
        return new BitcoindRpcClient(walletUrl, authorization, requestTimeout, http, ids);
    }

    public URI url() {
        return url;
    }

    /** Chain name as the node reports it: main, test, testnet4, signet or regtest. */
    public String chain() {
        return blockchainInfo().getString("chain");
    }

    public boolean isPruned() {
        return blockchainInfo().getBoolean("pruned");
    }

    public JsonObject blockchainInfo() {
        return expect(call("getblockchaininfo"), JsonObject.class, "getblockchaininfo");
    }

    public int blockCount() {
        return expect(call("getblockcount"), JsonNumber.class, "getblockcount").intValueExact();
    }

    public String bestBlockHash() {
        return string(call("getbestblockhash"), "getbestblockhash");
    }

    public String blockHash(int height) {
        return string(call("getblockhash", Json.createValue(height)), "getblockhash");
    }

    /** Serialized block (getblock verbosity 0). On a pruned node old blocks fail with code -1. */
    public byte[] rawBlock(String hash) {
        return hex(call("getblock", Json.createValue(hash), Json.createValue(0)), "getblock");
    }

    public List<String> rawMempool() {
        JsonArray txids = expect(call("getrawmempool"), JsonArray.class, "getrawmempool");
        List<String> result = new ArrayList<>(txids.size());
        for (JsonValue txid : txids) {
            result.add(string(txid, "getrawmempool"));
        }
        return result;
    }

    /** Mempool or (with -txindex) any transaction; without txindex, confirmed ones need {@link #rawTransaction(String, String)}. */
    public byte[] rawTransaction(String txid) {
        return hex(call("getrawtransaction", Json.createValue(txid), JsonValue.FALSE), "getrawtransaction");
    }

    /** A confirmed transaction looked up in a known block: works without -txindex. */
    public byte[] rawTransaction(String txid, String blockHash) {
        return hex(call("getrawtransaction", Json.createValue(txid), JsonValue.FALSE, Json.createValue(blockHash)),
                "getrawtransaction");
    }

    /** Broadcasts a signed transaction; returns its txid. */
    public String sendRawTransaction(String hex) {
        return string(call("sendrawtransaction", Json.createValue(hex)), "sendrawtransaction");
    }

    /** Any RPC; returns the "result" member (JsonValue.NULL for methods that return nothing). */
    public JsonValue call(String method, JsonValue... params) {
        long id = ids.incrementAndGet();
        JsonObject request = Json.createObjectBuilder()
                .add("jsonrpc", "1.0")
                .add("id", id)
                .add("method", method)
                .add("params", Json.createArrayBuilder(List.of(params)))
                .build();
        HttpResponse<String> response = post(method, request.toString());
        return resultOf(method, response);
    }

    private HttpResponse<String> post(String method, String body) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<String>> pending =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            // The request timeout only covers the wait for headers; this bounds the body as well.
            return pending.get(requestTimeout.toMillis() + 100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timeout(method, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw failure(BitcoindRpcException.Kind.CONNECTION, method, "interrupted", null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timeout(method, cause);
            }
            String reason = cause instanceof ConnectException
                    ? "cannot connect (is bitcoind running and rpcbind/rpcport right?)"
                    : "connection failed: " + describe(cause);
            throw failure(BitcoindRpcException.Kind.CONNECTION, method, reason, null, cause);
        }
    }

    private JsonValue resultOf(String method, HttpResponse<String> response) {
        int status = response.statusCode();
        // bitcoind sends 401/403 with an empty body, so these are decided by status alone.
        if (status == 401) {
            throw failure(BitcoindRpcException.Kind.UNAUTHORIZED, method,
                    "bad credentials (HTTP 401): rpc user/password do not match the node's rpcuser/rpcpassword or rpcauth",
                    null, null);
        }
        if (status == 403) {
            throw failure(BitcoindRpcException.Kind.FORBIDDEN, method,
                    "the node refuses this client (HTTP 403): check its rpcallowip", null, null);
        }
        // JSON-RPC 1.0 errors come with HTTP 500 (404 for unknown methods) and a JSON body.
        JsonObject answer = parseAnswer(method, response.body(), status);
        JsonValue error = answer.get("error");
        if (error != null && error.getValueType() != JsonValue.ValueType.NULL) {
            throw rpcError(method, error);
        }
        if (status != 200) {
            throw failure(BitcoindRpcException.Kind.HTTP_STATUS, method,
                    "HTTP " + status + ": " + excerpt(response.body()), null, null);
        }
        JsonValue result = answer.get("result");
        if (result == null) {
            throw failure(BitcoindRpcException.Kind.MALFORMED_RESPONSE, method,
                    "answer has neither result nor error: " + excerpt(response.body()), null, null);
        }
        return result;
    }

    private JsonObject parseAnswer(String method, String body, int status) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException | IllegalStateException e) {
            // handled below: status decides between HTTP_STATUS and MALFORMED_RESPONSE
        }
        BitcoindRpcException.Kind kind = status == 200
                ? BitcoindRpcException.Kind.MALFORMED_RESPONSE
                : BitcoindRpcException.Kind.HTTP_STATUS;
        String what = status == 200 ? "answer is not a JSON-RPC object: " : "HTTP " + status + ": ";
        throw failure(kind, method, what + excerpt(body), null, null);
    }

    private BitcoindRpcException rpcError(String method, JsonValue error) {
        if (error instanceof JsonObject object
                && object.get("code") instanceof JsonNumber code
                && object.get("message") instanceof JsonString message) {
            return failure(BitcoindRpcException.Kind.RPC_ERROR, method,
                    "node error " + code.intValue() + ": " + message.getString(), code.intValue(), null);
        }
        return failure(BitcoindRpcException.Kind.RPC_ERROR, method, "node error " + error, null, null);
    }

    private BitcoindRpcException timeout(String method, Throwable cause) {
        return failure(BitcoindRpcException.Kind.TIMEOUT, method,
                "no answer within " + requestTimeout.toMillis() + " ms", null, cause);
    }

    private BitcoindRpcException failure(BitcoindRpcException.Kind kind, String method, String reason,
                                         Integer rpcCode, Throwable cause) {
        return new BitcoindRpcException(kind, "bitcoind RPC " + method + " at " + url + ": " + reason, rpcCode, cause);
    }

    private <T extends JsonValue> T expect(JsonValue value, Class<T> type, String method) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw failure(BitcoindRpcException.Kind.MALFORMED_RESPONSE, method,
                "expected a " + type.getSimpleName() + " result, got " + excerpt(String.valueOf(value)), null, null);
    }

    private String string(JsonValue value, String method) {
        return expect(value, JsonString.class, method).getString();
    }

    private byte[] hex(JsonValue value, String method) {
        String hex = string(value, method);
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw failure(BitcoindRpcException.Kind.MALFORMED_RESPONSE, method,
                    "result is not hex: " + excerpt(hex), null, e);
        }
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "unknown";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String excerpt(String text) {
        if (text == null || text.isBlank()) {
            return "(empty body)";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= BODY_EXCERPT_CHARS ? flat : flat.substring(0, BODY_EXCERPT_CHARS) + "...";
    }
}

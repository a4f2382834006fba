package io.chaintill.chain.ethereum;

import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.ChainTip;
import io.chaintill.chain.integrity.BlockHeader;
import io.chaintill.chain.integrity.ChainWitness;
import io.chaintill.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An Ethereum (or any EVM chain's) JSON-RPC node as an integrity witness: eth_chainId, eth_getBlockByNumber,
 * eth_getBlockByHash and eth_getTransactionReceipt (a receipt exists only for a transaction in the node's canonical
 * chain). Chain-neutral within EVM chains: it is told the chain id it must serve. Credentials from the URL's user
 * info go into a Basic authorization header and never into {@link #describe()} or errors.
 */
public final class EthereumWitness implements ChainWitness {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final long chainId;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong ids = new AtomicLong();

    /** {@code url} without user info; {@code user} empty for none. */
    public EthereumWitness(URI url, String user, String password, long chainId) {
        this.url = url;
        this.chainId = chainId;
        this.authorization = user.isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String describe() {
        return "ethereum " + url;
    }

    @Override
    public Optional<String> networkMismatch() {
        long served = quantity(call("eth_chainId", Json.createArrayBuilder()), "eth_chainId");
        return served == chainId ? Optional.empty() : Optional.of("serves chain id " + served + ", not " + chainId);
    }

    @Override
    public ChainTip tip() {
        JsonObject block = block("eth_getBlockByNumber", Json.createValue("latest"))
                .orElseThrow(() -> new ChainSourceException(describe() + " has no latest block"));
        return new ChainTip((int) quantity(block.get("number"), "number"), block.getString("hash"));
    }

    @Override
    public Optional<String> blockHash(int height) {
        return block("eth_getBlockByNumber", Json.createValue("0x" + Integer.toHexString(height)))
                .map(b -> b.getString("hash"));
    }

    @Override
    public BlockHeader header(String hash) {
        JsonObject b = block("eth_getBlockByHash", Json.createValue(hash))
                .orElseThrow(() -> new ChainSourceException(describe() + " does not know block " + hash));
        return new BlockHeader((int) quantity(b.get("number"), "number"), b.getString("hash"), b.getString("parentHash"),
                Instant.ofEpochSecond(quantity(b.get("timestamp"), "timestamp")), null);
    }

    @Override
    public boolean includes(String txid, String blockHash) {
        if (EtherBalanceReconciler.isSynthetic(txid)) {
            // ether credited from a balance change has no transaction of its own: its block must be canonical
            Optional<JsonObject> block = block("eth_getBlockByHash", Json.createValue(blockHash));
            return block.isPresent() && blockHash(Math.toIntExact(quantity(block.get().get("number"), "number")))
                    .map(h -> h.equalsIgnoreCase(blockHash)).orElse(false);
        }
        JsonValue receipt = call("eth_getTransactionReceipt", Json.createArrayBuilder().add(txid));
        return receipt instanceof JsonObject r && r.get("blockHash") instanceof JsonString h
                && h.getString().toLowerCase(Locale.ROOT).equals(blockHash.toLowerCase(Locale.ROOT));
    }

    private Optional<JsonObject> block(String method, JsonValue which) {
        JsonValue v = call(method, Json.createArrayBuilder().add(which).add(JsonValue.FALSE));
        if (v instanceof JsonObject o) {
            return Optional.of(o);
        }
        return Optional.empty();
    }

    private long quantity(JsonValue v, String what) {
        if (!(v instanceof JsonString s) || !s.getString().startsWith("0x")) {
            throw new ChainSourceException(describe() + " sent no hex quantity for " + what);
        }
        return new BigInteger(s.getString().substring(2), 16).longValueExact();
    }

    private JsonValue call(String method, JsonArrayBuilder params) {
        String body = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", ids.incrementAndGet())
                .add("method", method).add("params", params).build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new ChainSourceException(method + " at " + url + " answered HTTP " + r.statusCode());
            }
            try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
                JsonObject answer = reader.readObject();
                if (answer.containsKey("error") && answer.get("error") instanceof JsonObject error) {
                    throw new ChainSourceException(method + " failed at " + url + ": " + error.getString("message", "error"));
                }
                return answer.getOrDefault("result", JsonValue.NULL);
            }
        } catch (JsonException | ClassCastException | ArithmeticException e) {
            throw new ChainSourceException(method + " at " + url + " answered something that does not parse", e);
        } catch (IOException e) {
            throw new ChainSourceException(method + " failed at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainSourceException("interrupted while calling " + method + " at " + url, e);
        }
    }
}

package io.chaintill.chain.bitcoin;

import io.chaintill.chain.BroadcastRejectedException;
import io.chaintill.chain.ChainBlock;
import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.ChainTip;
import io.chaintill.chain.ChainTransaction;
import io.chaintill.chain.bitcoin.rpc.RawBlockParser;
import io.chaintill.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Esplora HTTP API (mempool.space, blockstream.info, or a self-hosted electrs). Blocks come raw
 * ({@code /block/:hash/raw}) and are parsed with bitcoinj like bitcoind's, so both sources match outputs identically.
 * The network is recognised by its genesis block, since Esplora does not name it.
 */
public class EsploraChainSource implements ChainSource {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final Map<ChainNetwork, List<String>> GENESIS = Map.of(
            ChainNetwork.MAINNET, List.of("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"),
            ChainNetwork.TESTNET, List.of("000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943",
                    "00000000da84f2bafbbc53dee25a72ae507ff4914b867c565be350b0da8bf043"),
            ChainNetwork.SIGNET, List.of("00000008819873e925422c1ff0f99f7cc9bbb232af63a077a480a3633bee1ef6"),
            ChainNetwork.REGTEST, List.of("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206"));

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public EsploraChainSource(URI base) {
        this.base = base.toString().replaceAll("/+$", "");
    }

    @Override
    public String describe() {
        return "esplora " + base;
    }

    @Override
    public boolean runsOn(ChainNetwork network) {
        return blockHash(0).map(GENESIS.get(network)::contains).orElse(false);
    }

    @Override
    public ChainTip tip() {
        // hash first: if a block arrives between the calls, the height may be one ahead and the next pass fixes it
        String hash = text(get("/blocks/tip/hash")).strip();
        int height = parseInt(text(get("/blocks/tip/height")).strip(), "/blocks/tip/height");
        return new ChainTip(height, hash);
    }

    @Override
    public Optional<String> blockHash(int height) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri("/block-height/" + height)).GET(), "/block-height");
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(text(ok(r, "/block-height")).strip());
    }

    @Override
    public ChainBlock block(String hash) {
        byte[] raw = ok(get("/block/" + hash + "/raw"), "/block/raw");
        try {
            return BitcoinTransactions.block(RawBlockParser.parse(raw, hash));
        } catch (IllegalArgumentException e) {
            throw new ChainSourceException("esplora sent a block that does not parse: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> mempoolTxids() {
        return parseTxids(text(get("/mempool/txids")));
    }

    static List<String> parseTxids(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            List<String> out = new ArrayList<>(array.size());
            for (JsonValue v : array) {
                if (!(v instanceof JsonString s)) {
                    throw new ChainSourceException("esplora /mempool/txids holds a non-string: " + v);
                }
                out.add(s.getString());
            }
            return out;
        } catch (JsonException | IllegalStateException e) {
            throw new ChainSourceException("esplora /mempool/txids is not a JSON array of txids", e);
        }
    }

    @Override
    public Optional<ChainTransaction> mempoolTransaction(String txid) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri("/tx/" + txid + "/hex")).GET(), "/tx/hex");
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        try {
            byte[] raw = HexFormat.of().parseHex(text(ok(r, "/tx/hex")).strip());
            return Optional.of(BitcoinTransactions.transaction(BitcoinTransactions.parse(raw)));
        } catch (IllegalArgumentException e) {
            throw new ChainSourceException("esplora sent a transaction that does not parse: " + e.getMessage(), e);
        }
    }

    @Override
    public String broadcast(String hex) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri("/tx"))
                .POST(HttpRequest.BodyPublishers.ofString(hex, StandardCharsets.UTF_8)), "/tx");
        if (r.statusCode() == 400) {
            throw new BroadcastRejectedException(text(r).strip());
        }
        return text(ok(r, "/tx")).strip();
    }

    private HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), path);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String what) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ChainSourceException("esplora " + base + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainSourceException("esplora " + base + what + ": interrupted", e);
        }
    }

    private byte[] ok(HttpResponse<byte[]> r, String what) {
        if (r.statusCode() != 200) {
            String body = text(r);
            throw new ChainSourceException("esplora " + base + what + ": HTTP " + r.statusCode() + " "
                    + (body.length() > 200 ? body.substring(0, 200) : body));
        }
        return r.body();
    }

    private static String text(HttpResponse<byte[]> r) {
        return text(r.body());
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static int parseInt(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ChainSourceException("esplora " + what + " is not a number: " + s);
        }
    }
}

package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.ChainTip;
import io.chaintill.chain.integrity.BlockHeader;
import io.chaintill.chain.integrity.ChainWitness;
import io.chaintill.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An Esplora HTTP API as an integrity witness: tip and hashes as the Esplora chain source reads them, plus
 * {@code /block/:hash/header} and {@code /tx/:txid/status}.
 */
public final class EsploraWitness implements ChainWitness {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EsploraChainSource chain;
    private final String base;
    private final ChainNetwork network;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public EsploraWitness(URI base, ChainNetwork network) {
        this.chain = new EsploraChainSource(base);
        this.base = base.toString().replaceAll("/+$", "");
        this.network = network;
    }

    @Override
    public String describe() {
        return chain.describe();
    }

    @Override
    public Optional<String> networkMismatch() {
        return chain.runsOn(network) ? Optional.empty() : Optional.of("its genesis block is not " + network.id() + "'s");
    }

    @Override
    public ChainTip tip() {
        return chain.tip();
    }

    @Override
    public Optional<String> blockHash(int height) {
        return chain.blockHash(height);
    }

    @Override
    public BlockHeader header(String hash) {
        try {
            return BitcoinHeaders.parse(HexFormat.of().parseHex(get("/block/" + hash + "/header").strip()), hash);
        } catch (IllegalArgumentException e) {
            throw new ChainSourceException("esplora " + base + " sent a header that does not parse", e);
        } catch (NotFound e) {
            throw new ChainSourceException("esplora " + base + " has no header for block " + hash);
        }
    }

    @Override
    public boolean includes(String txid, String blockHash) {
        try (JsonReader reader = Json.createReader(new StringReader(get("/tx/" + txid + "/status")))) {
            JsonObject status = reader.readObject();
            return status.getBoolean("confirmed", false) && blockHash.equals(status.getString("block_hash", ""));
        } catch (JsonException | ClassCastException e) {
            throw new ChainSourceException("esplora " + base + " sent a transaction status that does not parse", e);
        } catch (NotFound e) {
            return false;
        }
    }

    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    private String get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() == 404 || r.statusCode() == 400) {
                throw new NotFound();
            }
            if (r.statusCode() != 200) {
                throw new ChainSourceException("esplora " + base + path + " answered HTTP " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new ChainSourceException("esplora " + base + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainSourceException("interrupted while asking esplora " + base, e);
        }
    }
}

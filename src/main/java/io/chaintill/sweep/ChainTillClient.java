package io.chaintill.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls the offline tools make to ChainTill: the store's deposit addresses and the server's chain facts (sweep);
 * the store's payouts and the payment proof of one (payouts).
 */
public final class ChainTillClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String apiKey;
    // HTTP/1.1: Payara's listener can answer the JDK client's h2c upgrade attempt with RST_STREAM
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public ChainTillClient(String base, String apiKey) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.apiKey = apiKey;
    }

    /** Every address the store handed out for {@code method} from its current key (all=true), by index. */
    public List<HandedOutAddress> depositAddresses(String storeId, String method) {
        String path = addressesPath(storeId, method);
        JsonNode body = get(path, false).orElseThrow(() -> new SweepException("the server answered 403 for " + path
                + ": the API key needs btcpay.store.canviewstoresettings on store " + storeId));
        return addresses(path, body);
    }

    /**
     * Like {@link #depositAddresses}, for another method of the chain the batch sweep takes along: empty if the store
     * does not have {@code method} configured (HTTP 404) or the key may not list it.
     */
    public List<HandedOutAddress> depositAddressesIfConfigured(String storeId, String method) {
        String path = addressesPath(storeId, method);
        return get(path, true).map(body -> addresses(path, body)).orElse(List.of());
    }

    private static String addressesPath(String storeId, String method) {
        return "/api/v1/stores/" + encode(storeId) + "/payment-methods/" + encode(method) + "/addresses?all=true";
    }

    private static List<HandedOutAddress> addresses(String path, JsonNode body) {
        if (!body.isArray()) {
            throw new SweepException("the server's answer to " + path + " is not a list: is --server a ChainTill server?");
        }
        List<HandedOutAddress> out = new ArrayList<>();
        for (JsonNode a : body) {
            out.add(new HandedOutAddress(a.path("index").asInt(-1), a.path("address").asText(null),
                    a.path("invoiceId").asText(null), a.path("received").asText("0")));
        }
        return out;
    }

    /**
     * The chain {@code method} lives on, from server/info's {@code evmChains} (older servers: its {@code ethereum}
     * object); empty if the key may not read server/info or no chain carries the method.
     */
    public Optional<ServerChainInfo> chainInfo(String method) {
        Optional<JsonNode> info = get("/api/v1/server/info", false);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode chain : info.get().path("evmChains")) {
            Map<String, String> tokens = tokens(chain);
            String nativeMethod = chain.path("nativePaymentMethodId").asText();
            if (nativeMethod.equals(method) || tokens.containsKey(method)) {
                return Optional.of(new ServerChainInfo(chain.path("chainId").asLong(), tokens, nativeMethod));
            }
        }
        JsonNode eth = info.get().path("ethereum");
        return eth.isObject() ? Optional.of(new ServerChainInfo(eth.path("chainId").asLong(), tokens(eth), "ETH-CHAIN"))
                : Optional.empty();
    }

    /** One payout as the payouts command needs it (Greenfield's PayoutData). */
    public record RemotePayout(String id, String state, String payoutMethodId, String destination, String payoutAmount,
                               String proofTransaction) {
    }

    /** {@code GET /api/v1/stores/{store}/payouts}: the store's payouts (not cancelled). */
    public List<RemotePayout> payouts(String storeId) {
        String path = "/api/v1/stores/" + encode(storeId) + "/payouts";
        JsonNode body = get(path, false).orElseThrow(() -> new SweepException("the server answered 403 for " + path
                + ": the API key needs btcpay.store.canmanagepullpayments on store " + storeId));
        if (!body.isArray()) {
            throw new SweepException("the server's answer to " + path + " is not a list: is --server a ChainTill server?");
        }
        List<RemotePayout> out = new ArrayList<>();
        for (JsonNode p : body) {
            JsonNode proof = p.path("paymentProof");
            out.add(new RemotePayout(p.path("id").asText(null), p.path("state").asText(""),
                    p.path("payoutMethodId").asText(""), p.path("destination").asText(null),
                    p.path("payoutAmount").isTextual() ? p.path("payoutAmount").asText() : null,
                    proof.path("transactionId").isTextual() ? proof.path("transactionId").asText() : null));
        }
        return out;
    }

    /**
     * Greenfield's {@code POST /api/v1/payouts/{id}/mark} to InProgress with the transaction as payment proof; the
     * server confirms it on chain. Returns the server's refusal (e.g. another proof recorded already), or empty.
     */
    public Optional<String> markInProgress(String payoutId, String transactionHash) {
        String path = "/api/v1/payouts/" + encode(payoutId) + "/mark";
        String body = "{\"state\":\"InProgress\",\"paymentProof\":{\"proofType\":\"PayoutTransactionOnChainBlob\","
                + "\"transactionId\":\"" + transactionHash + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT)
                .header("Authorization", "token " + apiKey).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 200) {
            return Optional.empty();
        }
        return Optional.of("HTTP " + response.statusCode() + ": " + message(response.body()));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SweepException("cannot reach the ChainTill server at " + base + " (--server): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SweepException("interrupted while asking the server");
        }
    }

    private static Map<String, String> tokens(JsonNode chain) {
        Map<String, String> tokens = new LinkedHashMap<>();
        chain.path("tokens").forEach(t -> tokens.put(t.path("paymentMethodId").asText(), t.path("contract").asText()));
        return tokens;
    }

    /** The JSON body of a 200, empty on 403 (and on 404 if {@code missingIsEmpty}), and a clear error for anything else. */
    private Optional<JsonNode> get(String path, boolean missingIsEmpty) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT)
                .header("Authorization", "token " + apiKey).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SweepException("cannot reach the ChainTill server at " + base + " (--server): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SweepException("interrupted while asking the server");
        }
        int status = response.statusCode();
        if (status == 403 || status == 404 && missingIsEmpty) {
            return Optional.empty();
        }
        if (status == 401) {
            throw new SweepException("the server did not accept the API key (HTTP 401): check CHAINTILL_API_KEY or --api-key-file");
        }
        if (status != 200) {
            throw new SweepException("the server answered HTTP " + status + " to GET " + path + ": " + message(response.body()));
        }
        try {
            return Optional.of(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new SweepException("the server's answer to " + path + " is not JSON: is --server a ChainTill server?");
        }
    }

    private URI uri(String path) {
        try {
            return URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new SweepException("--server: '" + base + "' is not a URL (e.g. https://pay.example.com)");
        }
    }

    /** Greenfield errors: {code, message} or [{path, message}]. */
    private static String message(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode first = node.isArray() && node.size() > 0 ? node.get(0) : node;
            String path = first.path("path").asText("");
            String message = first.path("message").asText(body);
            return path.isEmpty() ? message : path + ": " + message;
        } catch (IOException e) {
            return body.length() > 200 ? body.substring(0, 200) + "..." : body;
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

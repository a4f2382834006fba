package io.chaintill.chain.bitcoin;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Greenfield calls the tracking test needs: bootstrap an admin, key and store; invoices; raw calls for errors. */
final class TrackingApi {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String authorization;
    String storeId;

    TrackingApi(String base) {
        this.base = base;
    }

    record Answer(int status, String body) {
        JsonObject object() {
            return (JsonObject) parse(body);
        }

        JsonArray array() {
            return (JsonArray) parse(body);
        }
    }

    static JsonStructure parse(String body) {
        return Json.createReader(new StringReader(body)).read();
    }

    /** Admin user, unrestricted key, a store with the given account key on BTC-CHAIN. */
    void bootstrap(String accountKey) {
        String email = "admin@chaintill.test";
        String password = "tracking-test-password";
        expect(200, send("POST", "/api/v1/users", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
        authorization = "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        String key = expect(200, send("POST", "/api/v1/api-keys", "{\"permissions\":[\"unrestricted\"]}")).object().getString("apiKey");
        authorization = "token " + key;
        storeId = expect(200, send("POST", "/api/v1/stores", "{\"name\":\"Tracking\",\"defaultCurrency\":\"BTC\"}"))
                .object().getString("id");
        expect(200, send("PUT", "/api/v1/stores/" + storeId + "/payment-methods/BTC-CHAIN",
                "{\"enabled\":true,\"config\":\"" + accountKey + "\"}"));
    }

    /** A BTC-priced invoice; returns its JSON. */
    JsonObject createInvoice(String btc, String speedPolicy, int expirationMinutes) {
        String body = "{\"amount\":\"" + btc + "\",\"currency\":\"BTC\",\"checkout\":{\"speedPolicy\":\"" + speedPolicy
                + "\",\"expirationMinutes\":" + expirationMinutes + "}}";
        return expect(200, send("POST", "/api/v1/stores/" + storeId + "/invoices", body)).object();
    }

    JsonObject invoice(String id) {
        return expect(200, send("GET", "/api/v1/stores/" + storeId + "/invoices/" + id, null)).object();
    }

    JsonObject btcPrompt(String invoiceId) {
        return expect(200, send("GET", "/api/v1/stores/" + storeId + "/invoices/" + invoiceId + "/payment-methods", null))
                .array().getJsonObject(0);
    }

    JsonObject storePaymentMethod() {
        return expect(200, send("GET", "/api/v1/stores/" + storeId + "/payment-methods/BTC-CHAIN", null)).object();
    }

    Answer send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code 200} accepts any 2xx (create calls answer 201 or 200). */
    static Answer expect(int status, Answer a) {
        boolean ok = status == 200 ? a.status() / 100 == 2 : a.status() == status;
        if (!ok) {
            throw new AssertionError("expected HTTP " + status + " but got " + a.status() + ": " + a.body());
        }
        return a;
    }
}

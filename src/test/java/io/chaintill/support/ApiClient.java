package io.chaintill.support;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small Greenfield client for tests: JSON over HTTP with an API key or Basic auth, plus the set-up steps
 * every test needs (first admin, a key, a store with a Bitcoin xpub).
 */
public final class ApiClient {
    public static final String ADMIN_EMAIL = "admin@chaintill.test";
    public static final String ADMIN_PASSWORD = "admin-password-1";
    /** BIP84 account 0 of the "abandon ... about" test mnemonic on test networks (m/84'/1'/0'). */
    public static final String TEST_VPUB =
            "vpub5Y6cjg78GGuNLsaPhmYsiw4gYX3HoQiRBiSwDaBXKUafCt9bNwWQiitDk5VZ5BVxYnQdwoTyXSs2JHRPAgjAvtbBrf8ZhDYe2jWAqvZVnsc";
    /** Its first receive address on regtest (m/84'/1'/0'/0/0). */
    public static final String TEST_VPUB_ADDRESS_0 = "bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;

    private ApiClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** Arquillian hands out a URL on the first non-loopback interface; tests talk to 127.0.0.1 only. */
    public static ApiClient at(URL url) {
        return at(URI.create(url.toString().replaceFirst("//[^:/]+", "//127.0.0.1")).toString());
    }

    public static ApiClient at(String base) {
        return new ApiClient(base.endsWith("/") ? base.substring(0, base.length() - 1) : base, null);
    }

    public String base() {
        return base;
    }

    public ApiClient anonymous() {
        return new ApiClient(base, null);
    }

    public ApiClient withKey(String apiKey) {
        return new ApiClient(base, "token " + apiKey);
    }

    public ApiClient withLogin(String email, String password) {
        SecretLedger.record(SecretLedger.Kind.PASSWORD, password);
        String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(base, "Basic " + basic);
    }

    /** Logs in as the server's first user, creating it if this is a fresh server. */
    public ApiClient admin() {
        ApiResponse r = anonymous().post("/api/v1/users",
                "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        if (r.status() != 201 && r.status() != 401) {
            throw new AssertionError("cannot bootstrap the admin: HTTP " + r.status() + " " + r.body());
        }
        return withLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Creates an API key with these permissions (as the current caller) and returns a client using it. */
    public ApiClient newKey(String... permissions) {
        StringBuilder json = new StringBuilder("{\"label\":\"test\",\"permissions\":[");
        for (int i = 0; i < permissions.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(permissions[i]).append('"');
        }
        String key = post("/api/v1/api-keys", json.append("]}").toString()).expect(200).object().getString("apiKey");
        return withKey(key);
    }

    public String apiKey() {
        return authorization != null && authorization.startsWith("token ") ? authorization.substring(6) : null;
    }

    /** A new store with the test vpub enabled for BTC-CHAIN; returns its id. */
    public String storeWithBitcoin(String name) {
        String storeId = post("/api/v1/stores", "{\"name\":\"" + name + "\",\"defaultCurrency\":\"USD\"}")
                .expect(200).object().getString("id");
        put("/api/v1/stores/" + storeId + "/payment-methods/BTC-CHAIN", "{\"enabled\":true,\"config\":\"" + TEST_VPUB + "\"}")
                .expect(200);
        return storeId;
    }

    /** Registers a webhook to {@code url} on the store, expecting 200; the answer holds its id and secret. */
    public ApiResponse addWebhook(String storeId, URI url) {
        return post("/api/v1/stores/" + storeId + "/webhooks", "{\"url\":\"" + url + "\"}").expect(200);
    }

    public JsonObject createInvoice(String storeId, String json) {
        return post("/api/v1/stores/" + storeId + "/invoices", json).expect(200).object();
    }

    public ApiResponse get(String path) {
        return send("GET", path, null);
    }

    public ApiResponse post(String path, String json) {
        return send("POST", path, json);
    }

    public ApiResponse put(String path, String json) {
        return send("PUT", path, json);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null);
    }

    public ApiResponse send(String method, String path, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            SecretLedger.recordRequest(json);
            b.header("Content-Type", "application/json");
            // like curl: ask before sending a large body, so a server refusing it (413) can say so cleanly
            b.expectContinue(json.length() > 64 * 1024);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(r.body(), StandardCharsets.UTF_8);
            SecretLedger.recordAnswer(body);
            return new ApiResponse(r.statusCode(), body, r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

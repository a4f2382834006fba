package io.chaintill.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.ApiClient;
import io.chaintill.support.ChainTillDeployment;
import io.chaintill.support.WebhookReceiver;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The routes as BTCPay's clients call them: literals in any casing (greenfield-php's {@code OnChain}, the WooCommerce
 * plugin's {@code onchain}), the store-less invoice and webhook forms (the store is the thing's own, other stores'
 * things are 404), Greenfield 2's {@code wallet/preview}, enable-only payment-method updates and server/info.
 */
@ExtendWith(ArquillianExtension.class)
class GreenfieldRoutesIT {
    private static ApiClient owner;
    private static ApiClient otherUser;
    private static String storeA;
    private static String storeB;
    private static WebhookReceiver shop;

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ChainTillDeployment.war();
    }

    @BeforeEach
    void connect() {
        if (owner == null) {
            ApiClient admin = ApiClient.at(url).admin();
            admin.post("/api/v1/users", "{\"email\":\"routes-other@example.com\",\"password\":\"password-1\"}").expect(201);
            otherUser = admin.withLogin("routes-other@example.com", "password-1").newKey("btcpay.store.canmodifystoresettings");
            shop = WebhookReceiver.start();
            ApiClient key = admin.newKey("unrestricted");
            storeA = key.storeWithBitcoin("Routes A");
            storeB = key.storeWithBitcoin("Routes B");
            owner = key;
        }
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void pathLiteralsMatchInAnyCasingAndIdsAreLeftAsSent() {
        String legacy = "/api/v1/stores/" + storeA + "/payment-methods/OnChain/BTC";
        JsonObject put = owner.put(legacy, "{\"enabled\":true,\"derivationScheme\":\"" + ApiClient.TEST_VPUB + "\"}")
                .expect(200).object();
        assertEquals("BTC", put.getString("paymentMethod"), "BTCPay 1.x's paymentMethod");
        assertEquals("BTC", put.getString("cryptoCode"));
        assertEquals("BTC", owner.get(legacy).expect(200).object().getString("paymentMethod"));
        JsonArray list = owner.get("/api/v1/stores/" + storeA + "/payment-methods/OnChain").expect(200).array();
        assertEquals(1, list.size());
        assertEquals(ApiClient.TEST_VPUB, list.getJsonObject(0).getString("derivationScheme"));
        assertEquals(1, owner.get("/api/v1/stores/" + storeA + "/payment-methods/onchain?enabled=true").expect(200).array().size());
        assertEquals(0, owner.get("/api/v1/stores/" + storeA + "/payment-methods/onchain?enabled=false").expect(200).array().size());
        JsonObject preview = owner.get("/api/v1/stores/" + storeA + "/payment-methods/onchain/BTC/preview?amount=2")
                .expect(200).object();
        assertEquals(ApiClient.TEST_VPUB_ADDRESS_0, preview.getJsonArray("addresses").getJsonObject(0).getString("address"));

        JsonObject invoice = owner.post("/API/V1/Stores/" + storeA + "/Invoices", "{\"amount\":\"3\"}").expect(200).object();
        assertEquals(storeA, invoice.getString("storeId"));
        assertEquals(invoice.getString("id"), owner.get("/api/v1/stores/" + storeA + "/Invoices/" + invoice.getString("id"))
                .expect(200).object().getString("id"));
        owner.get("/api/v1/stores/" + storeA + "/invoices/Export.csv").expect(200);
        owner.get("/api/v1/Server/Info").expect(200);

        // ids are case-sensitive: the same letters in another casing name nothing
        owner.get("/api/v1/stores/" + swapCase(storeA) + "/invoices").expect(404);
        owner.get("/api/v1/invoices/" + swapCase(invoice.getString("id"))).expect(404);
    }

    @Test
    void aMalformedPercentEncodingIsA400() {
        for (String path : new String[] {"/api/v1/stores/%zz", "/api/v1/stores/%zz/invoices", "/api/v1/invoices/%4"}) {
            String answer = rawGet(path);
            assertTrue(answer.startsWith("HTTP/1.1 400"), path + ": " + answer);
            assertTrue(answer.contains("\"code\":\"invalid-path\""), answer);
        }
    }

    @Test
    void storelessInvoiceRoutesFindTheStoreAndCheckThePermissionThere() {
        String id = owner.createInvoice(storeA, "{\"amount\":\"4\",\"metadata\":{\"orderId\":\"routes-1\"}}").getString("id");
        String path = "/api/v1/invoices/" + id;
        assertEquals(storeA, owner.get(path).expect(200).object().getString("storeId"));
        assertEquals("BTC-CHAIN", owner.get("/api/v1/Invoices/" + id + "/Payment-Methods").expect(200).array()
                .getJsonObject(0).getString("paymentMethodId"));
        JsonObject updated = owner.put(path, "{\"metadata\":{\"orderId\":\"routes-2\"}}").expect(200).object();
        assertEquals("routes-2", updated.getJsonObject("metadata").getString("orderId"));
        owner.delete(path).expect(200);
        assertTrue(owner.get(path).expect(200).object().getBoolean("archived"));
        assertFalse(owner.post(path + "/unarchive", null).expect(200).object().getBoolean("archived"));
        assertEquals("Invalid", owner.post(path + "/status", "{\"status\":\"Invalid\"}").expect(200).object().getString("status"));

        ApiClient viewerOfA = owner.newKey("btcpay.store.canviewinvoices:" + storeA);
        assertEquals(id, viewerOfA.get(path).expect(200).object().getString("id"));
        viewerOfA.put(path, "{\"metadata\":{}}").expect(403);
        viewerOfA.post(path + "/status", "{\"status\":\"Settled\"}").expect(403);

        // another store's key and another user see nothing, exactly as for an unknown invoice
        ApiClient modifierOfB = owner.newKey("btcpay.store.canmodifyinvoices:" + storeB);
        for (ApiClient stranger : new ApiClient[] {modifierOfB, otherUser}) {
            assertEquals("invoice-not-found", stranger.get(path).expect(404).object().getString("code"));
            stranger.get(path + "/payment-methods").expect(404);
            stranger.put(path, "{\"metadata\":{}}").expect(404);
            stranger.delete(path).expect(404);
            stranger.post(path + "/unarchive", null).expect(404);
            stranger.post(path + "/status", "{\"status\":\"Settled\"}").expect(404);
        }
        owner.get("/api/v1/invoices/1111111111111111111111").expect(404);
        owner.get("/api/v1/stores/" + storeB + "/invoices/" + id).expect(404);
        owner.anonymous().get(path).expect(401);
    }

    @Test
    void storelessWebhookRoutesFindTheStoreAndCheckThePermissionThere() {
        String webhookId = owner.addWebhook(storeA, shop.url("/routes")).object().getString("id");
        owner.createInvoice(storeA, "{\"amount\":\"2\"}");
        shop.await("/routes", 1, Duration.ofSeconds(60));
        String path = "/api/v1/webhooks/" + webhookId;
        assertEquals(webhookId, owner.get("/api/v1/Webhooks/" + webhookId).expect(200).object().getString("id"));
        JsonArray deliveries = owner.get(path + "/Deliveries").expect(200).array();
        assertFalse(deliveries.isEmpty());
        String deliveryId = deliveries.getJsonObject(0).getString("id");
        assertEquals(deliveryId, owner.get(path + "/deliveries/" + deliveryId).expect(200).object().getString("id"));
        assertTrue(owner.get(path + "/deliveries/" + deliveryId + "/Request").expect(200).object().containsKey("type"));
        String again = owner.post(path + "/deliveries/" + deliveryId + "/redeliver", null).expect(200).body();
        assertTrue(again.startsWith("\""), again);
        assertEquals(webhookId, owner.get("/api/v1/stores/" + storeA + "/webhooks/" + webhookId).expect(200).object().getString("id"));
        JsonObject updated = owner.put(path, "{\"url\":\"" + shop.url("/routes-2") + "\",\"enabled\":false}").expect(200).object();
        assertFalse(updated.getBoolean("enabled"));

        ApiClient invoicesOfA = owner.newKey("btcpay.store.canmodifyinvoices:" + storeA);
        invoicesOfA.get(path).expect(403);
        ApiClient webhooksOfB = owner.newKey("btcpay.store.webhooks.canmodifywebhooks:" + storeB);
        for (ApiClient stranger : new ApiClient[] {webhooksOfB, otherUser}) {
            assertEquals("webhook-not-found", stranger.get(path).expect(404).object().getString("code"));
            stranger.get(path + "/deliveries").expect(404);
            stranger.get(path + "/deliveries/" + deliveryId).expect(404);
            stranger.get(path + "/deliveries/" + deliveryId + "/request").expect(404);
            stranger.post(path + "/deliveries/" + deliveryId + "/redeliver", null).expect(404);
            stranger.put(path, "{\"url\":\"" + shop.url("/x") + "\"}").expect(404);
            stranger.delete(path).expect(404);
        }
        owner.get("/api/v1/stores/" + storeB + "/webhooks/" + webhookId).expect(404);
        owner.delete(path).expect(200);
        owner.get(path).expect(404);
    }

    @Test
    void greenfield2WalletPreviewListsTheKeysAddresses() {
        String base = "/api/v1/stores/" + storeA + "/payment-methods/BTC-CHAIN/Wallet/Preview";
        JsonArray saved = owner.get(base + "?offset=0&count=2").expect(200).object().getJsonArray("addresses");
        assertEquals(2, saved.size());
        assertEquals("0/0", saved.getJsonObject(0).getString("keyPath"));
        assertEquals(ApiClient.TEST_VPUB_ADDRESS_0, saved.getJsonObject(0).getString("address"));
        JsonArray proposed = owner.post(base + "?count=1", "{\"derivationScheme\":\"" + ApiClient.TEST_VPUB + "\"}")
                .expect(200).object().getJsonArray("addresses");
        assertEquals(ApiClient.TEST_VPUB_ADDRESS_0, proposed.getJsonObject(0).getString("address"));
        assertEquals("derivationScheme", owner.post(base, "{}").expect(422).errorPath());
        assertEquals("count", owner.get(base + "?count=1001").expect(422).errorPath());
        otherUser.get(base).expect(403);
    }

    @Test
    void enabledAloneTogglesAPaymentMethodAndKeepsItsKey() {
        String store = owner.storeWithBitcoin("Routes toggle");
        String path = "/api/v1/stores/" + store + "/payment-methods/BTC-CHAIN";
        JsonObject on = owner.get(path).expect(200).object();
        JsonObject off = owner.put(path, "{\"enabled\":false}").expect(200).object();
        assertFalse(off.getBoolean("enabled"));
        assertEquals(on.getJsonObject("config"), off.getJsonObject("config"));
        assertFalse(owner.get(path).expect(200).object().getBoolean("enabled"));
        assertTrue(owner.put(path, "{\"enabled\":true}").expect(200).object().getBoolean("enabled"));

        String bare = owner.post("/api/v1/stores", "{\"name\":\"Routes bare\"}").expect(200).object().getString("id");
        assertEquals("config", owner.put("/api/v1/stores/" + bare + "/payment-methods/BTC-CHAIN", "{\"enabled\":false}")
                .expect(422).errorPath());
        owner.newKey("btcpay.store.canviewstoresettings:" + store).put(path, "{\"enabled\":false}").expect(403);
    }

    @Test
    void serverInfoIsForAnyAuthenticatedCallerInBtcpaysShape() {
        ApiClient storeScoped = owner.newKey("btcpay.store.canviewinvoices:" + storeA);
        JsonObject info = storeScoped.get("/api/v1/server/info").expect(200).object();
        assertEquals("2.4.1", info.getString("version"));
        assertFalse(info.getString("chaintillVersion").isBlank());
        assertTrue(info.isNull("onion"));
        assertTrue(info.getJsonArray("supportedPaymentMethods").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(s -> s.getString().equals("BTC-CHAIN")));
        JsonObject btc = info.getJsonArray("syncStatus").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("paymentMethodId").equals("BTC-CHAIN")).findFirst().orElseThrow();
        assertTrue(btc.containsKey("available"));
        assertTrue(btc.containsKey("syncHeight"));
        assertEquals(info.getBoolean("fullySynched"), info.getJsonArray("syncStatus").getValuesAs(JsonObject.class).stream()
                .allMatch(s -> s.getBoolean("available")));
        owner.anonymous().get("/api/v1/server/info").expect(401);
    }

    /** Java's HttpClient refuses to send a malformed URI, so this one goes over a plain socket as a client could. */
    private String rawGet(String path) {
        URI base = URI.create(owner.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: token " + owner.apiKey() + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String swapCase(String id) {
        StringBuilder out = new StringBuilder();
        for (char c : id.toCharArray()) {
            out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }
}

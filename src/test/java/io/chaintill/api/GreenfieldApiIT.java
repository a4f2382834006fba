package io.chaintill.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.chaintill.support.ApiClient;
import io.chaintill.support.ApiResponse;
import io.chaintill.support.ChainTillDeployment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation flow over HTTP against the real server (Payara Micro, the shipped WAR, H2 or PostgreSQL):
 * users, API keys and permissions, stores, Bitcoin xpubs, invoices, QR codes, expiry, and the bad-input list.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GreenfieldApiIT {
    private static ApiClient admin;
    private static ApiClient key;
    private static String storeId;
    private static String expiringInvoiceId;

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ChainTillDeployment.war();
    }

    @BeforeEach
    void connect() {
        if (admin == null) {
            admin = ApiClient.at(url).admin();
            key = admin.newKey("unrestricted");
            storeId = key.storeWithBitcoin("Main shop");
        }
    }

    @Test
    @Order(1)
    void anInvoiceThatExpiresInOneMinuteIsCreatedFirst() {
        JsonObject invoice = key.createInvoice(storeId, "{\"amount\":\"5\",\"checkout\":{\"expirationMinutes\":1}}");
        expiringInvoiceId = invoice.getString("id");
        assertEquals("New", invoice.getString("status"));
        assertEquals(invoice.getInt("createdTime") + 60, invoice.getInt("expirationTime"));
    }

    @Test
    @Order(2)
    void healthIsPublicButServerInfoNeedsCredentials() {
        ApiClient anon = key.anonymous();
        assertTrue(anon.get("/api/v1/health").expect(200).object().getBoolean("synchronized"));
        anon.get("/api/v1/server/info").expect(401);
        JsonObject info = key.get("/api/v1/server/info").expect(200).object();
        assertEquals("regtest", info.getString("network"));
        assertTrue(info.getJsonArray("supportedPaymentMethods").getString(0).equals("BTC-CHAIN"));
        String openapi = anon.get("/openapi").expect(200).body();
        for (String path : List.of("/api/v1/stores/{storeId}/invoices", "/api/v1/api-keys", "/api/v1/users",
                "/api/v1/stores/{storeId}/payment-methods/onchain/{cryptoCode}/preview", "/i/{invoiceId}/{paymentMethodId}/qr.svg")) {
            assertTrue(openapi.contains(path), "OpenAPI lists " + path);
        }
    }

    @Test
    @Order(3)
    void onlyTheFirstUserNeedsNoCredentialsAndBecomesAdmin() {
        ApiClient anon = key.anonymous();
        anon.post("/api/v1/users", "{\"email\":\"eve@example.com\",\"password\":\"password-1\"}").expect(401);
        JsonObject me = admin.get("/api/v1/users/me").expect(200).object();
        assertEquals("ServerAdmin", me.getJsonArray("roles").getString(0));
        JsonObject bob = admin.post("/api/v1/users", "{\"email\":\"bob@example.com\",\"password\":\"password-1\"}").expect(201).object();
        assertEquals(0, bob.getJsonArray("roles").size());
        ApiClient bobKey = anon.withLogin("bob@example.com", "password-1").newKey("btcpay.store.canmodifystoresettings");
        bobKey.get("/api/v1/stores/" + storeId).expect(403);
        bobKey.post("/api/v1/users", "{\"email\":\"carol@example.com\",\"password\":\"password-1\"}").expect(403);
        anon.withLogin("bob@example.com", "wrong-password").get("/api/v1/stores").expect(401);
        assertEquals("email", admin.post("/api/v1/users", "{\"email\":\"bob@example.com\",\"password\":\"password-1\"}").errorPath());
        assertEquals("password", admin.post("/api/v1/users", "{\"email\":\"dan@example.com\",\"password\":\"short\"}").errorPath());
    }

    @Test
    @Order(4)
    void apiKeysAreShownOnceCheckedOnEveryEndpointAndRevocable() {
        ApiResponse created = admin.post("/api/v1/api-keys",
                "{\"label\":\"pos\",\"permissions\":[\"btcpay.store.cancreateinvoice:" + storeId + "\"]}").expect(200);
        String raw = created.object().getString("apiKey");
        assertTrue(raw.matches("[0-9a-f]{40}"), "160-bit key in Greenfield's hex form");
        ApiClient pos = key.withKey(raw);
        JsonObject current = pos.get("/api/v1/api-keys/current").expect(200).object();
        assertEquals(raw, current.getString("apiKey"), "as BTCPay: the key the caller sent");
        assertEquals("btcpay.store.cancreateinvoice:" + storeId, current.getJsonArray("permissions").getString(0));

        pos.createInvoice(storeId, "{\"amount\":\"1\"}");
        pos.get("/api/v1/stores/" + storeId + "/invoices").expect(403);
        pos.post("/api/v1/stores", "{\"name\":\"x\"}").expect(403);
        String otherStore = key.storeWithBitcoin("Other shop");
        pos.post("/api/v1/stores/" + otherStore + "/invoices", "{\"amount\":\"1\"}").expect(403);
        assertEquals("permissions", admin.post("/api/v1/api-keys", "{\"permissions\":[\"btcpay.store.canfly:x\"]}").errorPath());
        assertEquals("btcpay.store.canfly", admin.post("/api/v1/api-keys", "{\"permissions\":[\"btcpay.store.canfly\"]}")
                .expect(200).object().getJsonArray("permissions").getString(0), "a valid name without a feature is kept");
        pos.post("/api/v1/api-keys", "{\"permissions\":[\"unrestricted\"]}").expect(403);

        pos.delete("/api/v1/api-keys/current").expect(200);
        pos.post("/api/v1/stores/" + storeId + "/invoices", "{\"amount\":\"1\"}").expect(401);
        key.anonymous().post("/api/v1/stores/" + storeId + "/invoices", "{\"amount\":\"1\"}").expect(401);
        key.anonymous().get("/api/v1/stores").expect(401);
    }

    @Test
    @Order(5)
    void storesCanBeCreatedListedUpdatedAndDeleted() {
        JsonObject store = key.post("/api/v1/stores",
                "{\"name\":\"Euro shop\",\"defaultCurrency\":\"EUR\",\"speedPolicy\":\"LowSpeed\",\"invoiceExpiration\":1800}")
                .expect(200).object();
        String id = store.getString("id");
        assertEquals("EUR", store.getString("defaultCurrency"));
        assertEquals("LowSpeed", store.getString("speedPolicy"));
        assertTrue(key.get("/api/v1/stores").expect(200).array().stream()
                .anyMatch(s -> s.asJsonObject().getString("id").equals(id)));
        JsonObject updated = key.put("/api/v1/stores/" + id, "{\"name\":\"Renamed\"}").expect(200).object();
        assertEquals("Renamed", updated.getString("name"));
        assertEquals("EUR", updated.getString("defaultCurrency"), "fields left out keep their values");
        assertEquals("defaultCurrency", key.put("/api/v1/stores/" + id, "{\"defaultCurrency\":\"XYZ\"}").errorPath());
        assertEquals("speedPolicy", key.put("/api/v1/stores/" + id, "{\"speedPolicy\":\"Warp\"}").errorPath());
        assertEquals("name", key.post("/api/v1/stores", "{}").errorPath());
        assertEquals("rateProviders", key.put("/api/v1/stores/" + id, "{\"rateProviders\":[\"nope\"]}").errorPath());
        key.delete("/api/v1/stores/" + id).expect(200);
        key.get("/api/v1/stores/" + id).expect(404);
    }

    @Test
    @Order(6)
    void bitcoinIsConfiguredFromAnXpubAndPreviewShowsItsAddresses() {
        JsonObject legacy = key.get("/api/v1/stores/" + storeId + "/payment-methods/onchain/BTC").expect(200).object();
        assertTrue(legacy.getBoolean("enabled"));
        JsonArray preview = key.get("/api/v1/stores/" + storeId + "/payment-methods/onchain/BTC/preview?amount=3")
                .expect(200).object().getJsonArray("addresses");
        assertEquals(3, preview.size());
        assertEquals(ApiClient.TEST_VPUB_ADDRESS_0, preview.getJsonObject(0).getString("address"));
        assertEquals("0/2", preview.getJsonObject(2).getString("keyPath"));
        JsonObject unsaved = key.post("/api/v1/stores/" + storeId + "/payment-methods/onchain/BTC/preview?amount=1",
                "{\"derivationScheme\":\"" + ApiClient.TEST_VPUB + "\"}").expect(200).object();
        assertEquals(ApiClient.TEST_VPUB_ADDRESS_0, unsaved.getJsonArray("addresses").getJsonObject(0).getString("address"));
        assertEquals("amount", key.get("/api/v1/stores/" + storeId + "/payment-methods/onchain/BTC/preview?amount=5000").errorPath());
    }

    @Test
    @Order(7)
    void privateKeysSeedsAndWrongNetworkKeysAreRefusedWithoutEchoingThem() {
        String base = "/api/v1/stores/" + storeId + "/payment-methods/onchain/BTC";
        String tprv = "tprv8ZgxMBicQKsPd7Uf69XL1XwhmjHopUGep8GuEiJDZmbQz6o58LninorQAfcKZWARbtRtfnLcJ5MQ2AtHcQJCCRUcMRvmDUjyEmNUWwx8UbK";
        String seed = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
        String zpub = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";
        for (String secret : List.of(tprv, seed)) {
            ApiResponse r = key.put(base, "{\"derivationScheme\":\"" + secret + "\"}");
            assertEquals("derivationScheme", r.errorPath());
            assertFalse(r.body().contains(secret.substring(4, 20)), "the secret is never echoed");
            assertTrue(r.body().contains("PUBLIC"));
        }
        ApiResponse wrongNet = key.put(base, "{\"derivationScheme\":\"" + zpub + "\"}");
        assertEquals("derivationScheme", wrongNet.errorPath());
        assertTrue(wrongNet.body().contains("mainnet"), wrongNet.body());
        assertEquals("derivationScheme", key.put(base, "{\"derivationScheme\":\"xpubNOTAKEY\"}").errorPath());
        assertEquals("paymentMethodId", key.put("/api/v1/stores/" + storeId + "/payment-methods/DOGE-LIGHTNING",
                "{\"config\":\"" + ApiClient.TEST_VPUB + "\"}").errorPath());
        // the store still has its original key
        assertEquals(ApiClient.TEST_VPUB_ADDRESS_0, key.get(base + "/preview?amount=1").expect(200).object()
                .getJsonArray("addresses").getJsonObject(0).getString("address"));
    }

    @Test
    @Order(8)
    void invoicesArePricedGivenAnAddressAndCanBeFoundEditedMarkedAndArchived() throws Exception {
        JsonObject invoice = key.createInvoice(storeId, "{\"amount\":\"12.50\",\"currency\":\"USD\","
                + "\"metadata\":{\"orderId\":\"order-42\",\"buyerEmail\":\"alice@example.com\",\"itemDesc\":\"Blue mug\"},"
                + "\"checkout\":{\"speedPolicy\":\"HighSpeed\",\"redirectURL\":\"https://shop.example/thanks/{OrderId}\"}}");
        String id = invoice.getString("id");
        assertEquals("12.5", invoice.getString("amount"));
        assertEquals("HighSpeed", invoice.getJsonObject("checkout").getString("speedPolicy"));
        assertTrue(invoice.getString("checkoutLink").endsWith("/i/" + id));

        JsonObject btc = key.get("/api/v1/stores/" + storeId + "/invoices/" + id + "/payment-methods").expect(200)
                .array().getJsonObject(0);
        assertEquals("BTC-CHAIN", btc.getString("paymentMethodId"));
        assertEquals("50000", btc.getString("rate"));
        assertEquals("0.00025", btc.getString("amount"), "12.50 USD at 50000 USD/BTC");
        assertEquals("bitcoin:" + btc.getString("destination") + "?amount=0.00025", btc.getString("paymentLink"));

        byte[] png = key.anonymous().get("/i/" + id + "/BTC-CHAIN/qr.png?size=300").expect(200).bytes();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertEquals(btc.getString("paymentLink"), decoded, "the QR code is exactly the BIP21 link");
        String svg = key.anonymous().get("/i/" + id + "/BTC-CHAIN/qr.svg").expect(200).body();
        assertTrue(svg.startsWith("<svg") || svg.startsWith("<?xml"), svg.substring(0, 40));
        assertEquals("size", key.anonymous().get("/i/" + id + "/BTC-CHAIN/qr.png?size=100000").errorPath());
        key.anonymous().get("/i/nosuchinvoice/BTC-CHAIN/qr.png").expect(404);
        // the checkout page's read model on this database (the browser tests run on one database only)
        JsonObject status = key.anonymous().get("/checkout/" + id + "/status").expect(200).object();
        assertEquals("New", status.getString("status"));
        assertEquals(btc.getString("paymentLink"), status.getJsonArray("methods").getJsonObject(0).getString("paymentLink"));
        assertTrue(key.anonymous().get("/i/" + id).expect(200).body().contains(btc.getString("destination")));

        assertEquals(1, key.get("/api/v1/stores/" + storeId + "/invoices?orderId=order-42").expect(200).array().size());
        assertEquals(id, key.get("/api/v1/stores/" + storeId + "/invoices?textSearch=ALICE@example").expect(200)
                .array().getJsonObject(0).getString("id"));
        // the text search: a prefix of a value or of one of its words, of the id, without regard to case; a prefix
        // and not a substring, as BTCPay's; LIKE's own wildcards are plain characters
        String texts = "/api/v1/stores/" + storeId + "/invoices?textSearch=";
        for (String found : List.of("mug", "blue+m", "BLUE+MUG", id.substring(0, 6), "order-4")) {
            assertTrue(ids(key.get(texts + found).expect(200).array()).contains(id), found);
        }
        for (String notFound : List.of("example.com", "order_42", "order%25", "lue")) {
            assertFalse(ids(key.get(texts + notFound).expect(200).array()).contains(id), notFound);
        }
        assertTrue(key.get("/api/v1/stores/" + storeId + "/invoices?status=Settled").expect(200).array().isEmpty());
        assertEquals("status", key.get("/api/v1/stores/" + storeId + "/invoices?status=Paid").errorPath());
        assertEquals(2, key.get("/api/v1/stores/" + storeId + "/invoices?take=2").expect(200).array().size());
        long now = invoice.getJsonNumber("createdTime").longValue();
        assertTrue(key.get("/api/v1/stores/" + storeId + "/invoices?startDate=" + (now + 3600)).expect(200).array().isEmpty());

        JsonObject edited = key.put("/api/v1/stores/" + storeId + "/invoices/" + id,
                "{\"metadata\":{\"orderId\":\"order-43\"}}").expect(200).object();
        assertEquals("order-43", edited.getJsonObject("metadata").getString("orderId"));
        assertEquals(1, key.get("/api/v1/stores/" + storeId + "/invoices?orderId=order-43").expect(200).array().size());
        assertTrue(ids(key.get(texts + "order-43").expect(200).array()).contains(id), "the new metadata's terms");
        assertFalse(ids(key.get(texts + "alice").expect(200).array()).contains(id), "the old metadata's terms are gone");

        JsonObject settled = key.post("/api/v1/stores/" + storeId + "/invoices/" + id + "/status", "{\"status\":\"Settled\"}")
                .expect(200).object();
        assertEquals("Settled", settled.getString("status"));
        assertEquals("Marked", settled.getString("additionalStatus"));
        assertEquals(422, key.post("/api/v1/stores/" + storeId + "/invoices/" + id + "/status", "{\"status\":\"Settled\"}").status());

        key.delete("/api/v1/stores/" + storeId + "/invoices/" + id).expect(200);
        assertTrue(key.get("/api/v1/stores/" + storeId + "/invoices?orderId=order-43").expect(200).array().isEmpty());
        assertEquals(1, key.get("/api/v1/stores/" + storeId + "/invoices?orderId=order-43&includeArchived=true").expect(200).array().size());
        assertTrue(key.get("/api/v1/stores/" + storeId + "/invoices/" + id).expect(200).object().getBoolean("archived"));
    }

    @Test
    @Order(9)
    void topUpAndBitcoinDenominatedInvoicesAndIdempotentCreation() {
        JsonObject topUp = key.createInvoice(storeId, "{\"amount\":null,\"currency\":\"USD\"}");
        assertEquals("TopUp", topUp.getString("type"));
        JsonObject prompt = key.get("/api/v1/stores/" + storeId + "/invoices/" + topUp.getString("id") + "/payment-methods")
                .expect(200).array().getJsonObject(0);
        assertEquals("bitcoin:" + prompt.getString("destination"), prompt.getString("paymentLink"));

        JsonObject inBtc = key.createInvoice(storeId, "{\"amount\":\"0.00012345\",\"currency\":\"BTC\"}");
        JsonObject btcPrompt = key.get("/api/v1/stores/" + storeId + "/invoices/" + inBtc.getString("id") + "/payment-methods")
                .expect(200).array().getJsonObject(0);
        assertEquals("0.00012345", btcPrompt.getString("amount"));
        assertEquals("1", btcPrompt.getString("rate"));

        String body = "{\"amount\":\"3\",\"metadata\":{\"orderId\":\"idem-1\"}}";
        String first = key.send("POST", "/api/v1/stores/" + storeId + "/invoices", body, "Idempotency-Key", "abc-1")
                .expect(200).object().getString("id");
        String again = key.send("POST", "/api/v1/stores/" + storeId + "/invoices", body, "Idempotency-Key", "abc-1")
                .expect(200).object().getString("id");
        assertEquals(first, again);
        assertEquals(1, key.get("/api/v1/stores/" + storeId + "/invoices?orderId=idem-1").expect(200).array().size());
    }

    @Test
    @Order(10)
    void badInputGetsAClearClientErrorNamingTheField() {
        String invoices = "/api/v1/stores/" + storeId + "/invoices";
        assertEquals("amount", key.post(invoices, "{\"amount\":\"-1\"}").errorPath());
        assertEquals("amount", key.post(invoices, "{\"amount\":\"0\"}").errorPath());
        assertEquals("amount", key.post(invoices, "{\"amount\":\"NaN\"}").errorPath());
        assertEquals("amount", key.post(invoices, "{\"amount\":\"1e9\"}").errorPath());
        assertEquals("amount", key.post(invoices, "{\"amount\":\"99999999999999999\"}").errorPath());
        assertEquals("amount", key.post(invoices, "{\"amount\":\"1.001\",\"currency\":\"USD\"}").errorPath());
        assertEquals("amount", key.post(invoices, "{\"amount\":\"1.5\",\"currency\":\"JPY\"}").errorPath());
        assertEquals("amount", key.post(invoices, "{\"amount\":true}").errorPath());
        assertEquals("currency", key.post(invoices, "{\"amount\":\"1\",\"currency\":\"ABC\"}").errorPath());
        assertEquals("checkout.paymentMethods", key.post(invoices, "{\"amount\":\"1\",\"checkout\":{\"paymentMethods\":[\"LTC-CHAIN\"]}}").errorPath());
        assertEquals("checkout.expirationMinutes", key.post(invoices, "{\"amount\":\"1\",\"checkout\":{\"expirationMinutes\":0}}").errorPath());
        assertEquals("checkout.expirationMinutes", key.post(invoices, "{\"amount\":\"1\",\"checkout\":{\"expirationMinutes\":999999}}").errorPath());
        assertEquals("checkout.speedPolicy", key.post(invoices, "{\"amount\":\"1\",\"checkout\":{\"speedPolicy\":\"Fast\"}}").errorPath());
        assertEquals("checkout.redirectURL", key.post(invoices, "{\"amount\":\"1\",\"checkout\":{\"redirectURL\":\"javascript:alert(1)\"}}").errorPath());
        assertEquals("metadata", key.post(invoices, "{\"amount\":\"1\",\"metadata\":[1]}").errorPath());
        assertEquals(400, key.post(invoices, "{\"amount\":").status());
        assertEquals(400, key.post(invoices, "not json").status());
        assertEquals(413, key.post(invoices, "{\"metadata\":{\"x\":\"" + "a".repeat(1_100_000) + "\"}}").status());
        ApiResponse notFound = key.get("/api/v1/stores/nosuchstore/invoices");
        assertEquals(404, notFound.status());
        assertEquals("store-not-found", notFound.object().getString("code"));
        key.get(invoices + "/nosuchinvoice").expect(404);
        for (ApiResponse r : List.of(key.post(invoices, "{\"amount\":\"-1\"}"), key.post(invoices, "{\"amount\":"))) {
            assertFalse(r.body().contains("Exception"), "no stack traces: " + r.body());
        }
        int before = key.get(invoices + "?take=1000").expect(200).array().size();
        key.post(invoices, "{\"amount\":\"-5\"}");
        assertEquals(before, key.get(invoices + "?take=1000").expect(200).array().size(), "a refused request stores nothing");
    }

    @Test
    @Order(11)
    void fiftyConcurrentInvoicesOnTwoStoresSharingOneXpubNeverShareAnAddress() throws Exception {
        String second = key.storeWithBitcoin("Twin shop");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String store = i % 2 == 0 ? storeId : second;
                ids.add(pool.submit(() -> store + "/" + key.createInvoice(store, "{\"amount\":\"2\"}").getString("id")));
            }
            Set<String> addresses = new HashSet<>();
            Set<Integer> indexes = new TreeSet<>();
            for (Future<String> f : ids) {
                String[] storeAndId = f.get().split("/");
                JsonObject prompt = key.get("/api/v1/stores/" + storeAndId[0] + "/invoices/" + storeAndId[1] + "/payment-methods")
                        .expect(200).array().getJsonObject(0);
                assertTrue(addresses.add(prompt.getString("destination")), "address handed out twice: " + prompt);
                indexes.add(Integer.parseInt(prompt.getJsonObject("additionalData").getString("keyPath").substring(2)));
            }
            assertEquals(50, addresses.size());
            int first = indexes.iterator().next();
            assertEquals(first + 49, ((TreeSet<Integer>) indexes).last(), "indexes are contiguous: no gaps, no repeats");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(12)
    void aFailingRateProviderFallsBackAndNoProviderAtAllIsA503NamingThePair() {
        // the exchanges' URLs point at a closed port on 127.0.0.1 in the test environment
        String shop = key.storeWithBitcoin("Rates shop");
        key.put("/api/v1/stores/" + shop, "{\"rateProviders\":[\"kraken\",\"fixed\"]}").expect(200);
        JsonObject invoice = key.createInvoice(shop, "{\"amount\":\"10\",\"currency\":\"EUR\"}");
        assertEquals("46000", key.get("/api/v1/stores/" + shop + "/invoices/" + invoice.getString("id") + "/payment-methods")
                .expect(200).array().getJsonObject(0).getString("rate"));
        key.put("/api/v1/stores/" + shop, "{\"rateProviders\":[\"kraken\",\"coinbase\"]}").expect(200);
        ApiResponse unavailable = key.post("/api/v1/stores/" + shop + "/invoices", "{\"amount\":\"10\",\"currency\":\"EUR\"}");
        assertEquals(503, unavailable.status(), unavailable.body());
        assertEquals("rate-unavailable", unavailable.object().getString("code"));
        assertTrue(unavailable.object().getString("message").contains("BTC_EUR"), unavailable.body());
        assertTrue(key.get("/api/v1/stores/" + shop + "/invoices").expect(200).array().stream().count() == 1,
                "the refused invoice was not stored");
        assertEquals("config", key.put("/api/v1/stores/" + shop + "/payment-methods/BTC-CHAIN", "{\"config\":\"xpub123\"}").errorPath());
    }

    @Test
    @Order(100)
    void theOneMinuteInvoiceExpires() throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        String status = "New";
        while (System.currentTimeMillis() < deadline) {
            status = key.get("/api/v1/stores/" + storeId + "/invoices/" + expiringInvoiceId).expect(200).object().getString("status");
            if (status.equals("Expired")) {
                break;
            }
            Thread.sleep(1000);
        }
        assertEquals("Expired", status);
        JsonObject invoice = key.get("/api/v1/stores/" + storeId + "/invoices/" + expiringInvoiceId).expect(200).object();
        assertEquals("None", invoice.getString("additionalStatus"));
        assertEquals(List.of("Settled", "Invalid"), invoice.getJsonArray("availableStatusesForManualMarking")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    }

    private static List<String> ids(JsonArray invoices) {
        return invoices.getValuesAs(JsonObject.class).stream().map(i -> i.getString("id")).toList();
    }
}

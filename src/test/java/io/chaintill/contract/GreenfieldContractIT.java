package io.chaintill.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chaintill.support.ApiClient;
import io.chaintill.support.ApiResponse;
import io.chaintill.support.ChainTillDeployment;
import io.chaintill.support.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The supported Greenfield operations called as BTCPay's OpenAPI describes them (paths in the casings real clients
 * send, documented bodies and query names), each answer validated against BTCPay's schema for that operation and
 * status in every document that has the route ({@link GreenfieldContract}). Also what typed clients generated from
 * the documents need beyond the schema: every documented field present, no null where a string is documented.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GreenfieldContractIT {
    private static final GreenfieldContract CONTRACT = GreenfieldContract.get();
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start();
    private static ApiClient admin;
    private static ApiClient key;
    private static String storeId;
    private static String invoiceId;
    private static String topUpId;
    private final List<String> violations = new ArrayList<>();

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ChainTillDeployment.war();
    }

    @BeforeEach
    void connect() {
        violations.clear();
        if (admin == null) {
            admin = ApiClient.at(url).admin();
            key = admin.newKey("unrestricted");
            storeId = call(key, "POST", "/api/v1/stores", "{\"name\":\"Contract shop\",\"website\":\"https://shop.example\","
                    + "\"defaultCurrency\":\"USD\",\"invoiceExpiration\":900,\"monitoringExpiration\":86400,"
                    + "\"speedPolicy\":\"MediumSpeed\",\"paymentTolerance\":0}", 200).object().getString("id");
            call(key, "PUT", "/api/v1/stores/" + storeId + "/payment-methods/BTC-CHAIN",
                    "{\"enabled\":true,\"config\":{\"derivationScheme\":\"" + ApiClient.TEST_VPUB + "\",\"label\":\"hot\"}}", 200);
            violations.clear(); // set-up calls are checked again by the tests that own them
        }
    }

    @AfterEach
    void noViolations() {
        if (!violations.isEmpty()) {
            fail(violations.size() + " contract violation(s):\n" + String.join("\n", violations));
        }
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    @Order(1)
    void serverInfoHealthAndTheCurrentUser() {
        call(key.anonymous(), "GET", "/api/v1/health", null, 200);
        JsonObject info = call(key, "GET", "/api/v1/server/info", null, 200).object();
        assertTrue(info.getJsonArray("supportedPaymentMethods").toString().contains("BTC-CHAIN"), info.toString());
        call(key, "GET", "/api/v1/users/me", null, 200);
        call(admin, "POST", "/api/v1/users", "{\"email\":\"contract-user@example.com\",\"password\":\"password-1\","
                + "\"isAdministrator\":false}", 201);
    }

    @Test
    @Order(2)
    void storesCarryEveryDocumentedField() {
        JsonObject store = call(key, "GET", "/api/v1/stores/" + storeId, null, 200).object();
        assertDocumentedFields("StoreData", store);
        JsonArray all = call(key, "GET", "/api/v1/stores", null, 200).array();
        all.forEach(s -> assertDocumentedFields("StoreData", s.asJsonObject()));
        JsonObject updated = call(key, "PUT", "/api/v1/stores/" + storeId, "{\"name\":\"Contract shop\","
                + "\"defaultCurrency\":\"USD\",\"speedPolicy\":\"HighSpeed\",\"paymentTolerance\":1.5}", 200).object();
        assertEquals("HighSpeed", updated.getString("speedPolicy"));
        // typed clients read the store, change a field and PUT all of it back
        String readBack = Json.createObjectBuilder(updated).remove("id").add("name", "Contract shop 2").build().toString();
        assertEquals("Contract shop 2", call(key, "PUT", "/api/v1/stores/" + storeId, readBack, 200).object().getString("name"));
        String doomed = call(key, "POST", "/api/v1/stores", "{\"name\":\"Short-lived\"}", 200).object().getString("id");
        call(key, "DELETE", "/api/v1/stores/" + doomed, null, 200);
        call(key, "GET", "/api/v1/stores/" + doomed, null, 404);
    }

    @Test
    @Order(3)
    void storePaymentMethodsInTheGreenfield2AndGreenfield1Forms() {
        String base = "/api/v1/stores/" + storeId + "/payment-methods";
        JsonArray list = call(key, "GET", query("GET", base, "includeConfig", "true"), null, 200).array();
        assertEquals("BTC-CHAIN", list.getJsonObject(0).getString("paymentMethodId"));
        call(key, "GET", query("GET", base, "onlyEnabled", "true"), null, 200);
        JsonObject one = call(key, "GET", query("GET", base + "/BTC-CHAIN", "includeConfig", "true"), null, 200).object();
        String scheme = one.getJsonObject("config").getString("derivationScheme"); // normalized, as BTCPay does
        // enabled alone keeps the stored config
        call(key, "PUT", base + "/BTC-CHAIN", "{\"enabled\":false}", 200);
        JsonObject enabled = call(key, "PUT", base + "/BTC-CHAIN", "{\"enabled\":true}", 200).object();
        assertTrue(enabled.getBoolean("enabled"), enabled.toString());
        // Greenfield 1 (v1.13.7): the casing its document uses and the one greenfield-php sends
        for (String onchainBase : List.of(base + "/onchain", base + "/OnChain")) {
            JsonObject onchain = call(key, "GET", onchainBase + "/BTC", null, 200).object();
            assertEquals(scheme, onchain.getString("derivationScheme"));
            assertEquals("BTC", onchain.getString("cryptoCode"));
            call(key, "PUT", onchainBase + "/BTC", "{\"enabled\":true,\"derivationScheme\":\"" + ApiClient.TEST_VPUB
                    + "\",\"label\":\"hot\"}", 200);
            call(key, "GET", onchainBase + "/BTC/preview", null, 200);
            call(key, "POST", onchainBase + "/BTC/preview", "{\"derivationScheme\":\"" + ApiClient.TEST_VPUB + "\"}", 200);
        }
        call(key, "GET", query("GET", base + "/BTC-CHAIN/wallet/preview", "offset", "0", "count", "3"), null, 200);
        call(key, "POST", query("POST", base + "/BTC-CHAIN/wallet/preview", "count", "2"),
                "{\"derivationScheme\":\"" + ApiClient.TEST_VPUB + "\"}", 200);
        String spare = call(key, "POST", "/api/v1/stores", "{\"name\":\"Spare\"}", 200).object().getString("id");
        call(key, "PUT", "/api/v1/stores/" + spare + "/payment-methods/BTC-CHAIN", "{\"enabled\":true,\"config\":\""
                + ApiClient.TEST_VPUB + "\"}", 200);
        call(key, "DELETE", "/api/v1/stores/" + spare + "/payment-methods/BTC-CHAIN", null, 200);
        JsonArray onchains = call(key, "GET", base + "/OnChain", null, 200).array();
        assertEquals("BTC", onchains.getJsonObject(0).getString("cryptoCode"));
        call(key, "GET", base + "/onchain", null, 200);
    }

    @Test
    @Order(4)
    void invoicesNormalWithReceiptOptionsAndTopUp() {
        String base = "/api/v1/stores/" + storeId + "/invoices";
        JsonObject invoice = call(key, "POST", base, "{\"amount\":\"10\",\"currency\":\"USD\",\"metadata\":{\"orderId\":\"c-1\","
                + "\"itemDesc\":\"Coffee\"},\"checkout\":{\"speedPolicy\":\"HighSpeed\",\"paymentMethods\":[\"BTC-CHAIN\"],"
                + "\"expirationMinutes\":30,\"redirectURL\":\"https://shop.example/thanks\"},"
                + "\"receipt\":{\"enabled\":true,\"showQR\":false,\"showPayments\":true}}", 200).object();
        invoiceId = invoice.getString("id");
        assertEquals("{\"enabled\":true,\"showQR\":false,\"showPayments\":true}", invoice.getJsonObject("receipt").toString());
        assertEquals("0", invoice.getString("paidAmount"));
        assertDocumentedFields("InvoiceData", invoice);
        JsonObject topUp = call(key, "POST", base, "{\"amount\":null,\"currency\":\"USD\",\"metadata\":{\"orderId\":\"c-2\"}}", 200)
                .object();
        topUpId = topUp.getString("id");
        assertEquals("TopUp", topUp.getString("type"));
        // BTCPay shows a top-up invoice's amount as "0": typed clients read amount as a non-null decimal string
        assertEquals("0", topUp.getString("amount"));
        // both forms: the store-scoped one (v1.13.7) and the store-less one (v2.4.1)
        for (String one : List.of(base + "/" + invoiceId, "/api/v1/invoices/" + invoiceId)) {
            JsonObject again = call(key, "GET", one, null, 200).object();
            assertEquals(invoice.getJsonObject("receipt"), again.getJsonObject("receipt"), "receipt options are stored");
            assertFalse(again.containsKey("paymentMethods"), "only with includePaymentMethods");
            // v1.13.7 documents the query only on the list; ChainTill takes it on both forms, as BTCPay 2.x does
            String withQuery = one.startsWith("/api/v1/invoices/") ? query("GET", one, "includePaymentMethods", "true")
                    : one + "?includePaymentMethods=true";
            JsonObject withMethods = call(key, "GET", withQuery, null, 200).object();
            assertEquals("BTC-CHAIN", withMethods.getJsonArray("paymentMethods").getJsonObject(0).getString("paymentMethodId"));
        }
        // ChainTill's own check (BTCPay documents no status for it): a bad flag names the parameter
        assertEquals("includePaymentMethods", key.get("/api/v1/invoices/" + invoiceId + "?includePaymentMethods=maybe")
                .expect(422).errorPath());
        JsonObject noReceipt = call(key, "GET", "/api/v1/invoices/" + topUpId, null, 200).object();
        assertEquals("{\"enabled\":null,\"showQR\":null,\"showPayments\":null}", noReceipt.getJsonObject("receipt").toString());
    }

    @Test
    @Order(5)
    void invoiceListsAreSafeForTypedClients() {
        String base = "/api/v1/stores/" + storeId + "/invoices";
        JsonArray list = call(key, "GET", query("GET", base, "includePaymentMethods", "true", "take", "50"), null, 200).array();
        assertTrue(list.size() >= 2, list.toString());
        for (JsonValue v : list) {
            JsonObject i = v.asJsonObject();
            assertEquals(JsonValue.ValueType.STRING, i.get("amount").getValueType(), "amount of " + i.getString("id"));
            assertTrue(i.containsKey("paymentMethods"), "includePaymentMethods=true lists them");
        }
        assertTrue(list.stream().anyMatch(v -> v.asJsonObject().getString("id").equals(topUpId)), "the top-up is listed");
        call(key, "GET", query("GET", base, "orderId", "c-1", "status", "New", "skip", "0", "take", "10"), null, 200);
        call(key, "GET", query("GET", base, "textSearch", "Coffee"), null, 200);
    }

    @Test
    @Order(6)
    void invoiceUpdatesPaymentMethodsMarkingAndArchiving() {
        for (String storeless : List.of("/api/v1/invoices/" + topUpId, "/API/V1/Invoices/" + topUpId)) {
            call(key, "GET", storeless + "/payment-methods", null, 200);
            call(key, "PUT", storeless, "{\"metadata\":{\"orderId\":\"c-2\",\"itemDesc\":\"Gift\"}}", 200);
            call(key, "DELETE", storeless, null, 200);
            call(key, "POST", storeless + "/unarchive", null, 200);
        }
        call(key, "POST", "/api/v1/invoices/" + topUpId + "/status", "{\"status\":\"Settled\"}", 200);
        String one = "/api/v1/stores/" + storeId + "/invoices/" + invoiceId;
        JsonArray methods = call(key, "GET", one + "/payment-methods", null, 200).array();
        assertEquals("BTC-CHAIN", methods.getJsonObject(0).getString("paymentMethodId"));
        JsonArray topUpMethods = call(key, "GET", "/api/v1/stores/" + storeId + "/invoices/" + topUpId + "/payment-methods",
                null, 200).array();
        assertEquals("0", topUpMethods.getJsonObject(0).getString("amount"), "a top-up prompt asks for nothing fixed");
        call(key, "PUT", one, "{\"metadata\":{\"orderId\":\"c-1\",\"itemDesc\":\"Tea\"}}", 200);
        JsonObject marked = call(key, "POST", one + "/status", "{\"status\":\"Invalid\"}", 200).object();
        assertEquals("Invalid", marked.getString("status"));
        call(key, "DELETE", one, null, 200);
        assertTrue(call(key, "POST", one + "/unarchive", null, 200).object().containsKey("id"));
        call(key, "GET", "/api/v1/stores/" + storeId + "/invoices/nope", null, 404);
    }

    @Test
    @Order(7)
    void apiKeys() {
        JsonObject created = call(admin, "POST", "/api/v1/api-keys",
                "{\"label\":\"contract\",\"permissions\":[\"btcpay.store.canviewinvoices:" + storeId + "\"]}", 200).object();
        ApiClient viewer = key.withKey(created.getString("apiKey"));
        call(viewer, "GET", "/api/v1/api-keys/current", null, 200);
        call(admin, "DELETE", "/api/v1/api-keys/" + created.getString("apiKey"), null, 200);
        call(viewer, "GET", "/api/v1/api-keys/current", null, 401);
        ApiClient shortLived = key.withKey(call(admin, "POST", "/api/v1/api-keys", "{\"label\":\"once\",\"permissions\":[]}", 200)
                .object().getString("apiKey"));
        call(shortLived, "DELETE", "/api/v1/api-keys/current", null, 200);
    }

    @Test
    @Order(8)
    void webhooksAndTheirDeliveries() {
        String hooks = "/api/v1/stores/" + storeId + "/webhooks";
        JsonObject hook = call(key, "POST", hooks, "{\"enabled\":true,\"automaticRedelivery\":false,\"url\":\""
                + RECEIVER.url("/contract") + "\",\"authorizedEvents\":{\"everything\":true},\"secret\":\"contract-secret-1\"}",
                200).object();
        String one = hooks + "/" + hook.getString("id");
        String storeless = "/api/v1/webhooks/" + hook.getString("id");
        call(key, "GET", hooks, null, 200);
        call(key, "GET", one, null, 200);
        call(key, "GET", storeless, null, 200);
        call(key, "PUT", one, "{\"enabled\":true,\"automaticRedelivery\":true,\"url\":\"" + RECEIVER.url("/contract")
                + "\",\"authorizedEvents\":{\"everything\":false,\"specificEvents\":[\"InvoiceCreated\",\"InvoiceSettled\"]}}", 200);
        call(key, "POST", "/api/v1/stores/" + storeId + "/invoices", "{\"amount\":\"3\",\"currency\":\"USD\"}", 200);
        RECEIVER.await("/contract", 1, Duration.ofSeconds(30));
        for (String form : List.of(one, storeless)) {
            JsonArray deliveries = call(key, "GET", query("GET", form + "/deliveries", "count", "10"), null, 200).array();
            String delivery = form + "/deliveries/" + deliveries.getJsonObject(0).getString("id");
            call(key, "GET", delivery, null, 200);
            call(key, "GET", delivery + "/request", null, 200);
            call(key, "POST", delivery + "/redeliver", null, 200);
        }
        call(key, "PUT", storeless, "{\"enabled\":false,\"automaticRedelivery\":false,\"url\":\"" + RECEIVER.url("/contract")
                + "\",\"authorizedEvents\":{\"everything\":true}}", 200);
        call(key, "DELETE", storeless, null, 200);
        call(key, "GET", one, null, 404);
        call(key, "GET", storeless, null, 404);
    }

    @Test
    @Order(9)
    void pullPaymentsPayoutsAndRefunds() {
        String pullPayments = "/api/v1/stores/" + storeId + "/pull-payments";
        long tomorrow = java.time.Instant.now().plusSeconds(86_400).getEpochSecond();
        JsonObject pp = call(key, "POST", pullPayments, "{\"name\":\"Contract pull payment\",\"description\":\"for the contract\","
                + "\"amount\":\"0.01\",\"currency\":\"BTC\",\"payoutMethods\":[\"BTC-CHAIN\"],\"autoApproveClaims\":false,"
                + "\"expiresAt\":" + tomorrow + "}", 200).object();
        String id = pp.getString("id");
        assertTrue(pp.getString("viewLink").endsWith("/pull-payments/" + id), pp.toString());
        call(key, "GET", query("GET", pullPayments, "includeArchived", "true"), null, 200);
        ApiClient anyone = key.anonymous();
        call(anyone, "GET", "/api/v1/pull-payments/" + id, null, 200);
        String claim = "{\"destination\":\"" + ApiClient.TEST_VPUB_ADDRESS_0 + "\",\"amount\":\"0.001\",\"payoutMethodId\":\"BTC-CHAIN\"}";
        JsonObject payout = call(anyone, "POST", "/api/v1/pull-payments/" + id + "/payouts", claim, 200).object();
        assertEquals("AwaitingApproval", payout.getString("state"));
        String po = payout.getString("id");
        call(anyone, "GET", query("GET", "/api/v1/pull-payments/" + id + "/payouts", "includeCancelled", "true"), null, 200);
        call(anyone, "GET", "/api/v1/pull-payments/" + id + "/payouts/" + po, null, 200);
        call(key, "GET", query("GET", "/api/v1/stores/" + storeId + "/payouts", "includeCancelled", "false"), null, 200);
        call(key, "GET", "/api/v1/payouts/" + po, null, 200);
        JsonObject approved = call(key, "POST", "/api/v1/payouts/" + po, "{\"revision\":0}", 200).object();
        assertEquals("AwaitingPayment", approved.getString("state"));
        assertEquals("0.001", approved.getString("payoutAmount"));
        call(key, "POST", "/api/v1/payouts/" + po + "/mark-paid", null, 200);
        call(key, "POST", "/api/v1/payouts/" + po, "{}", 400); // Completed: invalid-state
        String second = call(anyone, "POST", "/api/v1/pull-payments/" + id + "/payouts", claim, 200).object().getString("id");
        call(key, "POST", "/api/v1/payouts/" + second + "/mark", "{\"state\":\"Cancelled\"}", 200);
        String third = call(anyone, "POST", "/api/v1/pull-payments/" + id + "/payouts", claim, 200).object().getString("id");
        call(key, "DELETE", "/api/v1/payouts/" + third, null, 200);
        call(anyone, "POST", "/api/v1/pull-payments/" + id + "/payouts", "{\"destination\":\"" + ApiClient.TEST_VPUB_ADDRESS_0
                + "\",\"amount\":\"0.5\",\"payoutMethodId\":\"BTC-CHAIN\"}", 400); // overdraft
        call(key, "DELETE", "/api/v1/pull-payments/" + id, null, 200);
        assertTrue(call(anyone, "GET", "/api/v1/pull-payments/" + id, null, 200).object().getBoolean("archived"));

        String invoice = call(key, "POST", "/api/v1/stores/" + storeId + "/invoices", "{\"amount\":\"5\",\"currency\":\"USD\"}", 200)
                .object().getString("id");
        call(key, "POST", "/api/v1/invoices/" + invoice + "/status", "{\"status\":\"Settled\"}", 200);
        JsonObject refund = call(key, "POST", "/api/v1/invoices/" + invoice + "/refund", "{\"refundVariant\":\"Custom\","
                + "\"customAmount\":\"5\",\"customCurrency\":\"USD\",\"payoutMethods\":[\"BTC-CHAIN\"]}", 200).object();
        assertEquals("Refund " + invoice, refund.getString("name"));
        assertEquals("USD", refund.getString("currency"));
        call(key, "POST", "/api/v1/stores/" + storeId + "/invoices/" + invoice + "/refund",
                "{\"refundVariant\":\"Custom\",\"customAmount\":\"0.0001\",\"customCurrency\":\"BTC\"}", 200);
    }

    /**
     * Every operation operations.tsv calls supported or partly was called and validated above (HTML pages aside:
     * BTCPay documents no JSON for them), so a newly supported operation cannot go without a contract check.
     */
    @Test
    @Order(99)
    void everySupportedOperationWasValidated() throws java.io.IOException {
        String tsv = new String(GreenfieldContractIT.class.getResourceAsStream("/greenfield/operations.tsv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Set<String> missing = new TreeSet<>();
        for (String line : tsv.split("\n")) {
            String[] cells = line.split("\t", -1);
            if (line.startsWith("#") || cells.length < 5 || !Set.of("supported", "partly").contains(cells[4])) {
                continue;
            }
            boolean page = CONTRACT.operation(GreenfieldExtract.VERSIONS.get(0), cells[1], cells[2].replaceAll("\\{[^}]+}", "x"))
                    .map(o -> o.node().path("responses").path("200").isNull()).orElse(false);
            if (!page && !CONTRACT.validated().contains(GreenfieldExtract.VERSIONS.get(0) + " " + cells[0])) {
                missing.add(cells[0] + " " + cells[1] + " " + cells[2]);
            }
        }
        assertTrue(missing.isEmpty(), "supported but never validated: " + missing);
    }

    /** The call, checked against the request schema (when it sends a body) and the answer against the response's. */
    private ApiResponse call(ApiClient client, String method, String path, String body, int expected) {
        if (body != null) {
            violations.addAll(CONTRACT.requestViolations(method, path, body));
        }
        ApiResponse r = client.send(method, path, body);
        if (r.status() != expected) {
            violations.add(method + " " + path + ": expected HTTP " + expected + ", got " + r.status() + " " + r.body());
        } else {
            violations.addAll(CONTRACT.violations(method, path, r.status(), r.body()));
        }
        return r;
    }

    /** {@code path?name=value&...}, each name one the operation documents. */
    private static String query(String method, String path, String... nameValues) {
        List<String> documented = CONTRACT.queryNames(method, path);
        StringBuilder out = new StringBuilder(path);
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            assertTrue(documented.contains(nameValues[i]), method + " " + path + " documents no query " + nameValues[i]
                    + " (documented: " + documented + ")");
            out.append(i == 0 ? '?' : '&').append(nameValues[i]).append('=').append(nameValues[i + 1]);
        }
        return out.toString();
    }

    private void assertDocumentedFields(String schema, JsonObject json) {
        Set<String> missing = new TreeSet<>(CONTRACT.documentedProperties(GreenfieldExtract.VERSIONS.get(0), schema));
        missing.removeAll(json.keySet());
        if (!missing.isEmpty()) {
            violations.add(schema + " lacks documented field(s) " + missing + " that typed clients expect: " + json);
        }
    }
}

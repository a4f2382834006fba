package io.chaintill.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.ApiClient;
import io.chaintill.support.ApiResponse;
import io.chaintill.support.BitcoindRegtest;
import io.chaintill.support.ChainTillDeployment;
import io.chaintill.support.TestEnvironment;
import io.chaintill.support.WebhookReceiver;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API behind the dashboard's operations views, against the real server and the session's regtest bitcoind:
 * an invoice's history and the webhook deliveries it caused, payment confirmations, the CSV export and the store
 * overview figures, each with its permission checks and bad-input answers.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardApiIT {
    static final Duration WAIT = Duration.ofSeconds(45);
    static final String FORMULA_ORDER = "=HYPERLINK(\"http://evil.example\",\"x\")";

    private static ApiClient api;
    private static ApiClient viewer;
    private static String storeId;
    private static String otherStoreInvoiceId;
    private static WebhookReceiver shop;
    private static String paidId;
    private static String txid;
    private static String invalidId;

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ChainTillDeployment.war();
    }

    @BeforeEach
    void connect() {
        if (api == null) {
            api = ApiClient.at(url).admin().newKey("unrestricted");
            storeId = api.storeWithBitcoin("Dashboard ops");
            viewer = api.newKey("btcpay.store.canviewinvoices:" + storeId);
            shop = WebhookReceiver.start();
            api.addWebhook(storeId, shop.url("/shop"));
            String other = api.storeWithBitcoin("Another shop");
            otherStoreInvoiceId = api.createInvoice(other, "{\"amount\":\"1\"}").getString("id");
        }
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    @Order(1)
    void aPaidInvoiceListsEveryStateChangeWithItsTimeAndItsPaymentWithConfirmations() {
        BitcoindRegtest node = TestEnvironment.bitcoind();
        JsonObject invoice = api.createInvoice(storeId, "{\"amount\":\"25\",\"currency\":\"USD\",\"metadata\":{\"orderId\":"
                + jsonString(FORMULA_ORDER) + ",\"itemDesc\":\"Blue shoes\"},\"checkout\":{\"speedPolicy\":\"MediumSpeed\"}}");
        paidId = invoice.getString("id");
        JsonObject prompt = prompt(paidId);
        assertEquals("0.0005", prompt.getString("amount"), "25 USD at 50000");
        txid = node.send(BitcoindRegtest.MINER_WALLET, prompt.getString("destination"), new BigDecimal("0.0005"));
        awaitTrue(() -> "Processing".equals(status(paidId)), "Processing at 0-conf");
        JsonObject unconfirmed = prompt(paidId).getJsonArray("payments").getJsonObject(0);
        assertEquals(txid, unconfirmed.getString("txid"));
        assertEquals(0, unconfirmed.getInt("confirmations"));
        assertEquals(JsonValue.NULL, unconfirmed.get("blockHeight"));
        node.mine(1);
        awaitTrue(() -> "Settled".equals(status(paidId)), "Settled after one block");

        JsonObject payment = prompt(paidId).getJsonArray("payments").getJsonObject(0);
        assertEquals(txid + "-" + payment.getString("id").substring(txid.length() + 1), payment.getString("id"));
        assertTrue(payment.getInt("confirmations") >= 1, payment.toString());
        assertEquals("Settled", payment.getString("status"));
        assertEquals("0.0005", payment.getString("value"));

        JsonArray events = api.get(path(paidId) + "/events").expect(200).array();
        List<String> types = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        long last = 0;
        for (JsonObject e : events.getValuesAs(JsonObject.class)) {
            types.add(e.getString("type"));
            statuses.add(e.isNull("status") ? null : e.getString("status"));
            assertTrue(e.getJsonNumber("timestamp").longValue() >= last, "oldest first");
            last = e.getJsonNumber("timestamp").longValue();
        }
        assertEquals(List.of("InvoiceCreated", "InvoiceReceivedPayment", "InvoiceProcessing", "InvoicePaymentSettled",
                "InvoiceSettled"), types);
        assertEquals(java.util.Arrays.asList("New", null, "Processing", null, "Settled"), statuses);
        JsonObject received = events.getJsonObject(1).getJsonObject("data");
        assertTrue(received.getJsonObject("payment").getString("id").startsWith(txid), "payment events carry the payment");
        assertEquals(invoice.getInt("createdTime"), events.getJsonObject(0).getInt("timestamp"));
    }

    @Test
    @Order(2)
    void historyNeedsInvoiceRightsOnTheStoreThatOwnsIt() {
        viewer.get(path(paidId) + "/events").expect(200);
        api.anonymous().get(path(paidId) + "/events").expect(401);
        assertEquals("invoice-not-found", api.get(path(otherStoreInvoiceId) + "/events").expect(404).object().getString("code"));
        api.get(path("no-such-invoice") + "/events").expect(404);
    }

    @Test
    @Order(3)
    void theWebhookDeliveriesAnInvoiceCausedAreListedWithTheirAttempts() {
        shop.await(r -> r.bodyText().contains(paidId) && r.bodyText().contains("\"InvoiceSettled\""), 1, WAIT);
        awaitTrue(() -> api.get(path(paidId) + "/webhook-deliveries").expect(200).array().stream()
                .map(JsonValue::asJsonObject).allMatch(d -> "HttpSuccess".equals(d.getString("status"))), "all delivered");
        JsonArray deliveries = api.get(path(paidId) + "/webhook-deliveries").expect(200).array();
        List<String> types = deliveries.getValuesAs(JsonObject.class).stream().map(d -> d.getString("type")).toList();
        assertEquals(List.of("InvoiceCreated", "InvoiceReceivedPayment", "InvoiceProcessing", "InvoicePaymentSettled",
                "InvoiceSettled"), types);
        JsonObject first = deliveries.getJsonObject(0);
        String webhookId = first.getString("webhookId");
        assertEquals(paidId, first.getString("invoiceId"));
        assertEquals(200, first.getJsonArray("attempts").getJsonObject(0).getInt("httpCode"));
        assertFalse(first.getBoolean("isRedelivery"));

        // a redelivery through the webhook API shows up under the invoice too
        String again = api.post("/api/v1/stores/" + storeId + "/webhooks/" + webhookId + "/deliveries/"
                + first.getString("id") + "/redeliver", null).expect(200).body().replace("\"", "");
        shop.await(r -> r.bodyText().contains(again), 1, WAIT);
        JsonArray withRedelivery = api.get(path(paidId) + "/webhook-deliveries").expect(200).array();
        JsonObject redelivery = withRedelivery.getJsonObject(1);
        assertEquals(again, redelivery.getString("id"), "listed right after the delivery it repeats");
        assertTrue(redelivery.getBoolean("isRedelivery"));
        assertEquals(first.getString("id"), redelivery.getString("originalDeliveryId"));

        assertEquals("missing-permission", viewer.get(path(paidId) + "/webhook-deliveries").expect(403).object().getString("code"));
        api.get(path(otherStoreInvoiceId) + "/webhook-deliveries").expect(404);
    }

    @Test
    @Order(4)
    void theCsvExportHasTheListsFiltersQuotesFieldsAndDefusesFormulas() {
        invalidId = api.createInvoice(storeId, "{\"amount\":\"3.10\",\"metadata\":{\"orderId\":\"A,1 \\\"big\\\"\"}}").getString("id");
        api.post(path(invalidId) + "/status", "{\"status\":\"Invalid\"}").expect(200);

        ApiResponse all = api.get("/api/v1/stores/" + storeId + "/invoices/export.csv").expect(200);
        assertTrue(all.header("Content-Type").startsWith("text/csv"), all.header("Content-Type"));
        assertTrue(all.header("Content-Disposition").startsWith("attachment"));
        List<String> lines = List.of(all.body().split("\r\n"));
        assertEquals("invoiceId,orderId,created,status,additionalStatus,currency,amount,paid_BTC-CHAIN,settled", lines.get(0));
        assertEquals(3, lines.size(), all.body());
        String invalidRow = lines.get(1);
        assertTrue(invalidRow.startsWith(invalidId + ",\"A,1 \"\"big\"\"\","), invalidRow);
        assertTrue(invalidRow.endsWith(",Invalid,Marked,USD,3.1,,"), invalidRow);
        String paidRow = lines.get(2);
        assertTrue(paidRow.startsWith(paidId + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","), paidRow);
        assertTrue(paidRow.contains(",Settled,None,USD,25,0.0005,"), paidRow);
        assertTrue(paidRow.matches(".*,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"), "settled time: " + paidRow);

        String settledOnly = api.get("/api/v1/stores/" + storeId + "/invoices/export.csv?status=Settled").expect(200).body();
        assertEquals(2, settledOnly.split("\r\n").length);
        String byText = api.get("/api/v1/stores/" + storeId + "/invoices/export.csv?textSearch=blue+shoes").expect(200).body();
        assertTrue(byText.contains(paidId) && !byText.contains(invalidId), byText);
        long future = System.currentTimeMillis() / 1000 + 3600;
        assertEquals(1, api.get("/api/v1/stores/" + storeId + "/invoices/export.csv?startDate=" + future)
                .expect(200).body().split("\r\n").length, "only the header");

        assertEquals("startDate", api.get("/api/v1/stores/" + storeId + "/invoices/export.csv?startDate=today").errorPath());
        assertEquals("status", api.get("/api/v1/stores/" + storeId + "/invoices/export.csv?status=Paid").errorPath());
        assertEquals("endDate", api.get("/api/v1/stores/" + storeId + "/invoices?endDate=soon").errorPath());
        viewer.get("/api/v1/stores/" + storeId + "/invoices/export.csv").expect(200);
        api.anonymous().get("/api/v1/stores/" + storeId + "/invoices/export.csv").expect(401);
        api.newKey("btcpay.store.cancreateinvoice").get("/api/v1/stores/" + storeId + "/invoices/export.csv").expect(403);
    }

    @Test
    @Order(5)
    void theOverviewCountsTodaysSettledAmountsPaymentsOpenAndInvalidInvoices() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        api.createInvoice(storeId, "{\"amount\":\"7\"}"); // stays New
        JsonObject stats = api.get("/api/v1/stores/" + storeId + "/stats?days=7").expect(200).object();
        assertEquals(7, stats.getInt("days"));
        assertEquals(today, stats.getString("lastDay"));
        assertEquals(LocalDate.parse(today).minusDays(6).toString(), stats.getString("firstDay"));
        JsonObject settled = only(stats.getJsonArray("settled"));
        assertEquals(today, settled.getString("date"));
        assertEquals("USD", settled.getString("currency"));
        assertEquals("25", settled.getString("amount"));
        assertEquals(1, settled.getInt("count"));
        JsonObject received = only(stats.getJsonArray("received"));
        assertEquals("BTC-CHAIN", received.getString("paymentMethodId"));
        assertEquals("0.0005", received.getString("amount"));
        assertEquals(1, stats.getJsonObject("openInvoices").getInt("new"));
        assertEquals(0, stats.getJsonObject("openInvoices").getInt("processing"));
        assertEquals(1, stats.getInt("invalidInvoices"));
        assertEquals(0, stats.getJsonObject("webhooks").getInt("failedDeliveries"));
        assertEquals(0, stats.getJsonObject("webhooks").getInt("failingDeliveries"));

        JsonObject forViewer = viewer.get("/api/v1/stores/" + storeId + "/stats").expect(200).object();
        assertEquals(30, forViewer.getInt("days"), "30 days by default");
        assertTrue(forViewer.getJsonObject("webhooks").isNull("failedDeliveries"), "no webhook figures without webhook rights");
        for (String bad : List.of("0", "367", "thirty", "-1")) {
            assertEquals("days", api.get("/api/v1/stores/" + storeId + "/stats?days=" + bad).errorPath(), bad);
        }
        api.get("/api/v1/stores/no-such-store/stats").expect(404);
        api.anonymous().get("/api/v1/stores/" + storeId + "/stats").expect(401);
    }

    private static JsonObject only(JsonArray array) {
        assertEquals(1, array.size(), array.toString());
        return array.getJsonObject(0);
    }

    private static String path(String invoiceId) {
        return "/api/v1/stores/" + storeId + "/invoices/" + invoiceId;
    }

    private static String status(String invoiceId) {
        return api.get(path(invoiceId)).expect(200).object().getString("status");
    }

    private static JsonObject prompt(String invoiceId) {
        return api.get(path(invoiceId) + "/payment-methods").expect(200).array().getJsonObject(0);
    }

    private static String jsonString(String s) {
        return jakarta.json.Json.createValue(s).toString();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package io.chaintill.chain.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.ApiClient;
import io.chaintill.support.ApiResponse;
import io.chaintill.support.BitcoindRegtest;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.TestEnvironment;
import io.chaintill.support.WebhookReceiver;
import io.chaintill.support.WebhookSchemas;
import io.chaintill.webhook.WebhookSigner;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.DeterministicKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Bitcoin payment tracking end to end: the packaged server (a {@link ServerProcess}, so it can be killed and
 * restarted; database from the test environment) follows the session's regtest bitcoind with the production
 * defaults (ZMQ push, 2 s poll). Invoices are created and read through the Greenfield API and paid from the node's
 * wallet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BitcoinTrackingIT {
    static final String VPUB = ApiClient.TEST_VPUB;
    static final String MINER = BitcoindRegtest.MINER_WALLET;
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final DeterministicKey ACCOUNT = TestWallets.account(84, 1);

    private static BitcoindRegtest node;
    private static ServerProcess server;
    private static ApiClient api;
    private static String storeId;
    private static JsonObject lateInvoice;
    /** The shop's endpoint: every event this class causes must reach it, signed and schema-valid. */
    private static WebhookReceiver shop;
    private static String webhookSecret;

    @BeforeAll
    static void start() throws Exception {
        node = TestEnvironment.bitcoind();
        node.mine(150); // many mature coinbases to pay from
        Map<String, String> env = new HashMap<>(Map.of("CHAINTILL_JOBS_CHAIN_INTERVAL_MS", "2000"));
        if ("h2".equals(TestEnvironment.db())) {
            env.put("CHAINTILL_DATA_DIR", Files.createTempDirectory("chaintill-tracking-").toString());
        }
        server = ServerProcess.start(env);
        api = server.api().admin().newKey("unrestricted");
        storeId = api.storeWithBitcoin("Tracking");
        shop = WebhookReceiver.start();
        webhookSecret = api.addWebhook(storeId, shop.url("/shop")).object().getString("secret");
        lateInvoice = createInvoice("0.0007", "MediumSpeed", 1); // paid after it expires, at the end
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    @Order(0)
    void destinationsAreTheMerchantWalletsOwnAddresses() {
        JsonObject prompt = btcPrompt(id(lateInvoice));
        int index = Integer.parseInt(prompt.getJsonObject("additionalData").getString("keyPath").substring(2));
        assertEquals(TestWallets.referenceAddress(ACCOUNT, index, BitcoinScriptType.P2WPKH, BitcoinNetwork.REGTEST),
                prompt.getString("destination"));
    }

    @Test
    @Order(1)
    void healthShowsBitcoinUp() {
        JsonObject health = api.get("/api/v1/health").expect(200).object();
        awaitTrue(() -> "UP".equals(api.get("/api/v1/health").expect(200).object()
                .getJsonObject("checks").getString("bitcoin")), "bitcoin health UP");
        assertNotNull(health.getJsonObject("chains").getJsonObject("BTC"));
    }

    @Test
    @Order(2)
    void exactPaymentIsProcessingAtZeroConfAndSettledAfterOneBlockOnMediumSpeed() {
        JsonObject invoice = createInvoice("0.001", "MediumSpeed", 60);
        String txid = node.send(MINER, address(invoice), new BigDecimal("0.001"));
        awaitStatus(invoice, "Processing", "None");
        JsonObject prompt = btcPrompt(id(invoice));
        assertEquals("0.001", prompt.getString("paymentMethodPaid"));
        assertEquals("0", prompt.getString("due"));
        JsonObject payment = prompt.getJsonArray("payments").getJsonObject(0);
        assertTrue(payment.getString("id").startsWith(txid + "-"));
        assertEquals("0.001", payment.getString("value"));
        assertEquals("Processing", payment.getString("status"));
        assertEquals(address(invoice), payment.getString("destination"));

        node.mine(1);
        awaitStatus(invoice, "Settled", "None");
        assertEquals("Settled", btcPrompt(id(invoice)).getJsonArray("payments").getJsonObject(0).getString("status"));
    }

    @Test
    @Order(3)
    void lowMediumSpeedNeedsTwoBlocks() {
        JsonObject invoice = createInvoice("0.0011", "LowMediumSpeed", 60);
        node.send(MINER, address(invoice), new BigDecimal("0.0011"));
        awaitStatus(invoice, "Processing", "None");
        node.mine(1);
        sleepChainPasses();
        assertEquals("Processing", status(invoice));
        node.mine(1);
        awaitStatus(invoice, "Settled", "None");
    }

    @Test
    @Order(4)
    void twoPartialPaymentsAddUp() {
        JsonObject invoice = createInvoice("0.002", "MediumSpeed", 60);
        node.send(MINER, address(invoice), new BigDecimal("0.0012"));
        awaitStatus(invoice, "New", "PaidPartial");
        JsonObject prompt = btcPrompt(id(invoice));
        assertEquals("0.0008", prompt.getString("due"));
        assertEquals("0.0012", invoice(id(invoice)).getString("paidAmount"), "Greenfield's paidAmount, in the invoice's currency");
        assertTrue(prompt.getString("paymentLink").contains("amount=0.0008"), "the QR link asks for what is left");
        node.send(MINER, address(invoice), new BigDecimal("0.0008"));
        awaitStatus(invoice, "Processing", "None");
        assertEquals(2, btcPrompt(id(invoice)).getJsonArray("payments").size());
        node.mine(1);
        awaitStatus(invoice, "Settled", "None");
    }

    @Test
    @Order(5)
    void overpaymentIsFlagged() {
        JsonObject invoice = createInvoice("0.001", "MediumSpeed", 60);
        node.send(MINER, address(invoice), new BigDecimal("0.0015"));
        awaitStatus(invoice, "Processing", "PaidOver");
        node.mine(1);
        awaitStatus(invoice, "Settled", "PaidOver");
    }

    @Test
    @Order(6)
    void replacementPayingElsewhereDropsThePayment() {
        JsonObject invoice = createInvoice("0.0013", "MediumSpeed", 60);
        String txid = node.send(MINER, address(invoice), new BigDecimal("0.0013"));
        awaitStatus(invoice, "Processing", "None");
        node.replaceByFee(MINER, txid, node.newAddress("elsewhere"), new BigDecimal("0.0012"));
        awaitStatus(invoice, "New", "None");
        assertEquals("Invalid", btcPrompt(id(invoice)).getJsonArray("payments").getJsonObject(0).getString("status"));
        assertEquals("0", btcPrompt(id(invoice)).getString("paymentMethodPaid"));
    }

    @Test
    @Order(7)
    void reorgOfDepthOneRemovingAConfirmedPaymentMovesTheInvoiceBack() {
        reorgRemovesConfirmedPayment(1);
    }

    @Test
    @Order(8)
    void reorgOfDepthThreeRemovingAConfirmedPaymentMovesTheInvoiceBack() {
        reorgRemovesConfirmedPayment(3);
    }

    /** LowSpeed (6 blocks) keeps the invoice Processing while its payment has {@code depth} confirmations. */
    private void reorgRemovesConfirmedPayment(int depth) {
        JsonObject invoice = createInvoice("0.0014", "LowSpeed", 60);
        String txid = node.send(MINER, address(invoice), new BigDecimal("0.0014"));
        awaitStatus(invoice, "Processing", "None");
        List<String> blocks = node.mine(depth);
        awaitTrue(() -> node.blockCount() == scannedHeight(), "server scanned the payment's block");
        assertEquals("Processing", status(invoice));

        node.invalidateBlock(blocks.get(0)); // the payment goes back to the mempool ...
        node.replaceByFee(MINER, txid, node.newAddress("elsewhere"), new BigDecimal("0.0013")); // ... and is double spent
        node.mine(depth + 1); // the competing chain is longer, without the payment
        awaitStatus(invoice, "New", "None");
        JsonObject payment = btcPrompt(id(invoice)).getJsonArray("payments").getJsonObject(0);
        assertEquals("Invalid", payment.getString("status"));
    }

    @Test
    @Order(9)
    void twoHundredOpenInvoicesPaidInAFewBlocksAreAllFound() {
        Map<String, String> addressById = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            JsonObject invoice = createInvoice("0.0001", "MediumSpeed", 60);
            addressById.put(id(invoice), address(invoice));
        }
        List<String> addresses = new ArrayList<>(addressById.values());
        for (int batch = 0; batch < 4; batch++) {
            Map<String, Object> outputs = new HashMap<>();
            addresses.subList(batch * 50, batch * 50 + 50).forEach(a -> outputs.put(a, new BigDecimal("0.0001")));
            node.walletRpc(MINER, "sendmany", "", outputs);
            if (batch % 2 == 1) {
                node.mine(1);
            }
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        List<String> open = new ArrayList<>(addressById.keySet());
        while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
            open.removeIf(id -> "Settled".equals(invoice(id).getString("status")));
            sleep(250);
        }
        assertEquals(List.of(), open, "invoices not Settled");
    }

    @Test
    @Order(10)
    void gapOfUnpaidAddressesIsReportedWithAWarning() {
        for (int i = 0; i < 16; i++) {
            createInvoice("0.0001", "MediumSpeed", 60);
        }
        JsonObject gap = api.get("/api/v1/stores/" + storeId + "/payment-methods/BTC-CHAIN").expect(200).object().getJsonObject("gap");
        assertEquals(20, gap.getInt("gapLimit"));
        assertTrue(gap.getInt("unusedAddressesInARow") >= 16, gap.toString());
        assertTrue(gap.get("warning") instanceof JsonString, gap.toString());
    }

    @Test
    @Order(11)
    void broadcastRelaysSignedTransactionsAndExplainsRefusals() {
        assertEquals("hex", api.post("/api/v1/chains/BTC/transactions", "{\"hex\":\"zz\"}").errorPath());

        JsonValue outputs = jakarta.json.Json.createArrayBuilder()
                .add(jakarta.json.Json.createObjectBuilder().add(node.newAddress("elsewhere"), new BigDecimal("0.001"))).build();
        String unsigned = ((JsonString) node.walletRpc(MINER, "createrawtransaction", JsonValue.EMPTY_JSON_ARRAY, outputs)).getString();
        String funded = ((JsonObject) node.walletRpc(MINER, "fundrawtransaction", unsigned)).getString("hex");
        String signed = ((JsonObject) node.walletRpc(MINER, "signrawtransactionwithwallet", funded)).getString("hex");
        String txid = api.post("/api/v1/chains/BTC/transactions", "{\"hex\":\"" + signed + "\"}")
                .expect(200).object().getString("txid");
        assertTrue(((JsonArray) node.rpc("getrawmempool")).contains(jakarta.json.Json.createValue(txid)));

        node.mine(1);
        ApiResponse again = api.post("/api/v1/chains/BTC/transactions", "{\"hex\":\"" + signed + "\"}");
        assertEquals("hex", again.errorPath());
        assertTrue(again.body().contains("rejected"), again.body());
    }

    @Test
    @Order(12)
    void medianLatencyFromBlockToSettled() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            JsonObject invoice = createInvoice("0.0002", "MediumSpeed", 60);
            node.send(MINER, address(invoice), new BigDecimal("0.0002"));
            awaitStatus(invoice, "Processing", "None");
            Instant mined = Instant.now();
            node.mine(1);
            awaitStatus(invoice, "Settled", "None");
            millis.add(Duration.between(mined, Instant.now()).toMillis());
        }
        millis.sort(Long::compare);
        System.out.println("[measure] block mined -> invoice Settled, 20 runs, ZMQ + 2 s poll: median "
                + (millis.get(9) + millis.get(10)) / 2 + " ms, min " + millis.get(0) + " ms, max " + millis.get(19) + " ms");
    }

    @Test
    @Order(13)
    void latePaymentAfterExpiryIsProcessingPaidLate() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!"Expired".equals(status(lateInvoice)) && Instant.now().isBefore(deadline)) {
            sleep(500);
        }
        assertEquals("Expired", status(lateInvoice));
        node.send(MINER, address(lateInvoice), new BigDecimal("0.0007"));
        awaitStatus(lateInvoice, "Processing", "PaidLate");
        node.mine(1);
        awaitStatus(lateInvoice, "Settled", "PaidLate");
    }

    @Test
    @Order(14)
    void afterACrashPaymentsMadeWhileDownAreFoundFromTheCursor() {
        JsonObject invoice = createInvoice("0.0016", "LowMediumSpeed", 60);
        String address = address(invoice);
        server.kill();
        node.send(MINER, address, new BigDecimal("0.0016"));
        node.mine(3);
        server.restart();
        awaitStatus(invoice, "Settled", "None");
        assertEquals(1, btcPrompt(id(invoice)).getJsonArray("payments").size(), "counted once");
        // health is reported at the end of a pass, which may finish after the invoice settled within it
        awaitTrue(() -> scannedHeight() == node.blockCount(), "health shows the catch-up done");
    }

    // ---- helpers ----

    @Test
    @Order(15)
    void depositAddressesListWhatEachPaidAddressReceived() {
        JsonObject paid = createInvoice("0.0009", "MediumSpeed", 60);
        JsonObject unpaid = createInvoice("0.0009", "MediumSpeed", 60);
        node.send(MINER, address(paid), new BigDecimal("0.0004"));
        awaitStatus(paid, "New", "PaidPartial");
        node.send(MINER, address(paid), new BigDecimal("0.0002"));
        awaitTrue(() -> "0.0006".equals(btcPrompt(id(paid)).getString("paymentMethodPaid")), "both payments seen");
        String path = "/api/v1/stores/" + storeId + "/payment-methods/BTC-CHAIN/addresses";

        JsonObject listed = byAddress(api.get(path).expect(200).array(), address(paid));
        assertEquals("0.0006", listed.getString("received"), "sum of both payments");
        assertEquals(id(paid), listed.getString("invoiceId"));
        String keyPath = btcPrompt(id(paid)).getJsonObject("additionalData").getString("keyPath");
        assertEquals(keyPath, "0/" + listed.getInt("index"));
        assertEquals(TestWallets.referenceAddress(ACCOUNT, listed.getInt("index"), BitcoinScriptType.P2WPKH,
                BitcoinNetwork.REGTEST), listed.getString("address"));
        assertEquals(null, byAddress(api.get(path).expect(200).array(), address(unpaid)), "unpaid addresses left out");
        assertEquals("0", byAddress(api.get(path + "?all=true").expect(200).array(), address(unpaid)).getString("received"));

        assertEquals("all", api.get(path + "?all=maybe").expect(422).errorPath());
        assertEquals("paymentMethodId", api.get("/api/v1/stores/" + storeId + "/payment-methods/x/addresses")
                .expect(422).errorPath());
        api.get("/api/v1/stores/" + storeId + "/payment-methods/LTC-CHAIN/addresses").expect(404);
        api.get("/api/v1/stores/nosuchstore/payment-methods/BTC-CHAIN/addresses").expect(404);
        server.api().get(path).expect(401);
    }

    private static JsonObject byAddress(JsonArray addresses, String address) {
        return addresses.getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("address").equals(address)).findFirst().orElse(null);
    }

    @Test
    @Order(100)
    void everyEventThePaymentsCausedReachedTheShopSignedAndSchemaValid() {
        List<String> wanted = List.of("InvoiceCreated", "InvoiceReceivedPayment", "InvoiceProcessing",
                "InvoicePaymentSettled", "InvoiceSettled", "InvoiceExpired", "InvoicePaymentRemoved");
        awaitTrue(() -> shop.requests("/shop").stream().map(r -> type(r.bodyText())).collect(java.util.stream.Collectors.toSet())
                .containsAll(wanted), "webhooks of every type " + wanted);
        WebhookSigner signer = new WebhookSigner();
        boolean sawLatePayment = false;
        for (WebhookReceiver.Request r : shop.requests("/shop")) {
            String body = r.bodyText();
            WebhookSchemas.assertDelivered(body);
            assertEquals(signer.btcpaySig(webhookSecret, r.body()), r.header(WebhookSigner.BTCPAY_SIG_HEADER));
            String signature = r.header(WebhookSigner.CHAINTILL_SIGNATURE_HEADER);
            long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
            assertEquals(signer.chainTillSignature(webhookSecret, r.body(), t), signature);
            JsonObject event = jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject();
            if (event.getString("type").equals("InvoiceReceivedPayment") && event.getString("invoiceId").equals(id(lateInvoice))) {
                sawLatePayment = event.getBoolean("afterExpiration");
            }
        }
        assertTrue(sawLatePayment, "the late payment's InvoiceReceivedPayment says afterExpiration");
    }

    private static String type(String body) {
        return jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject().getString("type");
    }

    private static JsonObject createInvoice(String btc, String speedPolicy, int expirationMinutes) {
        return api.createInvoice(storeId, "{\"amount\":\"" + btc + "\",\"currency\":\"BTC\",\"checkout\":{\"speedPolicy\":\""
                + speedPolicy + "\",\"expirationMinutes\":" + expirationMinutes + "}}");
    }

    private static JsonObject invoice(String id) {
        return api.get("/api/v1/stores/" + storeId + "/invoices/" + id).expect(200).object();
    }

    private static JsonObject btcPrompt(String invoiceId) {
        return api.get("/api/v1/stores/" + storeId + "/invoices/" + invoiceId + "/payment-methods").expect(200)
                .array().getJsonObject(0);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String id(JsonObject invoice) {
        return invoice.getString("id");
    }

    private static String address(JsonObject invoice) {
        return btcPrompt(id(invoice)).getString("destination");
    }

    private static String status(JsonObject invoice) {
        return invoice(id(invoice)).getString("status");
    }

    private static int scannedHeight() {
        JsonObject btc = api.get("/api/v1/health").expect(200).object()
                .getJsonObject("chains").getJsonObject("BTC");
        return btc.isNull("scannedHeight") ? -1 : btc.getInt("scannedHeight");
    }

    /** Enough time for the follower to have looked at the last block (ZMQ wake-up, else the 2 s poll). */
    private static void sleepChainPasses() {
        sleep(2500);
    }

    private static void awaitStatus(JsonObject invoice, String status, String additional) {
        Instant deadline = Instant.now().plus(WAIT);
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = invoice(id(invoice));
            if (status.equals(last.getString("status")) && additional.equals(last.getString("additionalStatus"))) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("invoice " + id(invoice) + " not " + status + "/" + additional + " within " + WAIT
                + "; last: " + (last == null ? null : last.getString("status") + "/" + last.getString("additionalStatus")));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError(what + " not reached within " + WAIT);
    }
}

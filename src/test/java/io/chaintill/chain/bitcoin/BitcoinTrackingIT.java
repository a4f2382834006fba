package io.chaintill.chain.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.BitcoindRegtest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Bitcoin payment tracking end to end: the packaged server (its own process, H2 in a data dir) follows a real
 * regtest bitcoind; invoices are created and read through the Greenfield API and paid from the node's wallet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BitcoinTrackingIT {
    /** BIP84 test vector account m/84'/1'/0' of "abandon ... about": public key only. */
    static final String VPUB = "vpub5Y6cjg78GGuNLsaPhmYsiw4gYX3HoQiRBiSwDaBXKUafCt9bNwWQiitDk5VZ5BVxYnQdwoTyXSs2JHRPAgjAvtbBrf8ZhDYe2jWAqvZVnsc";
    /** Its receive address 0/0 on regtest (BIP84's tb1q6rz28... with the bcrt prefix). */
    static final String FIRST_ADDRESS = "bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk";
    static final String MINER = BitcoindRegtest.MINER_WALLET;
    static final Duration WAIT = Duration.ofSeconds(30);

    private static BitcoindRegtest node;
    private static TrackingServer server;
    private static TrackingApi api;
    private static JsonObject lateInvoice;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("chaintill-tracking-");
        node = BitcoindRegtest.start(dir.resolve("bitcoind"), BitcoindRegtest.freePort(), BitcoindRegtest.freePort(),
                BitcoindRegtest.freePort());
        node.mine(150); // many mature coinbases to pay from
        int port = BitcoindRegtest.freePort();
        server = new TrackingServer(dir.resolve("server"), port, Map.of(
                "CHAINTILL_NETWORK", "regtest",
                "CHAINTILL_BTC_RPC_URL", node.rpcUrl(),
                "CHAINTILL_BTC_RPC_USER", node.rpcUser(),
                "CHAINTILL_BTC_RPC_PASSWORD", node.rpcPassword(),
                // production defaults: ZMQ wakes the follower, the 2 s poll is the fallback
                "CHAINTILL_BTC_ZMQ_URL", node.zmqUrl(),
                "CHAINTILL_JOBS_CHAIN_INTERVAL_MS", "2000",
                "CHAINTILL_JOBS_EXPIRY_INTERVAL_SECONDS", "1",
                "CHAINTILL_PUBLIC_URL", "http://127.0.0.1:" + port));
        server.start();
        api = new TrackingApi(server.baseUrl());
        api.bootstrap(VPUB);
        lateInvoice = api.createInvoice("0.0007", "MediumSpeed", 1); // paid after it expires, at the end
        assertEquals(FIRST_ADDRESS, address(lateInvoice), "the server derives the wallet's own addresses");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void healthShowsBitcoinUp() {
        JsonObject health = TrackingApi.expect(200, api.send("GET", "/api/v1/health", null)).object();
        awaitTrue(() -> "UP".equals(TrackingApi.expect(200, api.send("GET", "/api/v1/health", null)).object()
                .getJsonObject("checks").getString("bitcoin")), "bitcoin health UP");
        assertNotNull(health.getJsonObject("chains").getJsonObject("BTC"));
    }

    @Test
    @Order(2)
    void exactPaymentIsProcessingAtZeroConfAndSettledAfterOneBlockOnMediumSpeed() {
        JsonObject invoice = api.createInvoice("0.001", "MediumSpeed", 60);
        String txid = node.send(MINER, address(invoice), new BigDecimal("0.001"));
        awaitStatus(invoice, "Processing", "None");
        JsonObject prompt = api.btcPrompt(id(invoice));
        assertEquals("0.001", prompt.getString("paymentMethodPaid"));
        assertEquals("0", prompt.getString("due"));
        JsonObject payment = prompt.getJsonArray("payments").getJsonObject(0);
        assertTrue(payment.getString("id").startsWith(txid + "-"));
        assertEquals("0.001", payment.getString("value"));
        assertEquals("Processing", payment.getString("status"));
        assertEquals(address(invoice), payment.getString("destination"));

        node.mine(1);
        awaitStatus(invoice, "Settled", "None");
        assertEquals("Settled", api.btcPrompt(id(invoice)).getJsonArray("payments").getJsonObject(0).getString("status"));
    }

    @Test
    @Order(3)
    void lowMediumSpeedNeedsTwoBlocks() {
        JsonObject invoice = api.createInvoice("0.0011", "LowMediumSpeed", 60);
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
        JsonObject invoice = api.createInvoice("0.002", "MediumSpeed", 60);
        node.send(MINER, address(invoice), new BigDecimal("0.0012"));
        awaitStatus(invoice, "New", "PaidPartial");
        JsonObject prompt = api.btcPrompt(id(invoice));
        assertEquals("0.0008", prompt.getString("due"));
        assertTrue(prompt.getString("paymentLink").contains("amount=0.0008"), "the QR link asks for what is left");
        node.send(MINER, address(invoice), new BigDecimal("0.0008"));
        awaitStatus(invoice, "Processing", "None");
        assertEquals(2, api.btcPrompt(id(invoice)).getJsonArray("payments").size());
        node.mine(1);
        awaitStatus(invoice, "Settled", "None");
    }

    @Test
    @Order(5)
    void overpaymentIsFlagged() {
        JsonObject invoice = api.createInvoice("0.001", "MediumSpeed", 60);
        node.send(MINER, address(invoice), new BigDecimal("0.0015"));
        awaitStatus(invoice, "Processing", "PaidOver");
        node.mine(1);
        awaitStatus(invoice, "Settled", "PaidOver");
    }

    @Test
    @Order(6)
    void replacementPayingElsewhereDropsThePayment() {
        JsonObject invoice = api.createInvoice("0.0013", "MediumSpeed", 60);
        String txid = node.send(MINER, address(invoice), new BigDecimal("0.0013"));
        awaitStatus(invoice, "Processing", "None");
        node.replaceByFee(MINER, txid, node.newAddress("elsewhere"), new BigDecimal("0.0012"));
        awaitStatus(invoice, "New", "None");
        assertEquals("Invalid", api.btcPrompt(id(invoice)).getJsonArray("payments").getJsonObject(0).getString("status"));
        assertEquals("0", api.btcPrompt(id(invoice)).getString("paymentMethodPaid"));
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
        JsonObject invoice = api.createInvoice("0.0014", "LowSpeed", 60);
        String txid = node.send(MINER, address(invoice), new BigDecimal("0.0014"));
        awaitStatus(invoice, "Processing", "None");
        List<String> blocks = node.mine(depth);
        awaitTrue(() -> node.blockCount() == scannedHeight(), "server scanned the payment's block");
        assertEquals("Processing", status(invoice));

        node.invalidateBlock(blocks.get(0)); // the payment goes back to the mempool ...
        node.replaceByFee(MINER, txid, node.newAddress("elsewhere"), new BigDecimal("0.0013")); // ... and is double spent
        node.mine(depth + 1); // the competing chain is longer, without the payment
        awaitStatus(invoice, "New", "None");
        JsonObject payment = api.btcPrompt(id(invoice)).getJsonArray("payments").getJsonObject(0);
        assertEquals("Invalid", payment.getString("status"));
    }

    @Test
    @Order(9)
    void twoHundredOpenInvoicesPaidInAFewBlocksAreAllFound() {
        Map<String, String> addressById = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            JsonObject invoice = api.createInvoice("0.0001", "MediumSpeed", 60);
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
            open.removeIf(id -> "Settled".equals(api.invoice(id).getString("status")));
            TrackingServer.sleep(250);
        }
        assertEquals(List.of(), open, "invoices not Settled");
    }

    @Test
    @Order(10)
    void gapOfUnpaidAddressesIsReportedWithAWarning() {
        for (int i = 0; i < 16; i++) {
            api.createInvoice("0.0001", "MediumSpeed", 60);
        }
        JsonObject gap = api.storePaymentMethod().getJsonObject("gap");
        assertEquals(20, gap.getInt("gapLimit"));
        assertTrue(gap.getInt("unusedAddressesInARow") >= 16, gap.toString());
        assertTrue(gap.get("warning") instanceof JsonString, gap.toString());
    }

    @Test
    @Order(11)
    void broadcastRelaysSignedTransactionsAndExplainsRefusals() {
        TrackingApi.Answer bad = api.send("POST", "/api/v1/chains/BTC/transactions", "{\"hex\":\"zz\"}");
        assertEquals(422, bad.status());
        assertEquals("hex", bad.array().getJsonObject(0).getString("path"));

        JsonValue outputs = jakarta.json.Json.createArrayBuilder()
                .add(jakarta.json.Json.createObjectBuilder().add(node.newAddress("elsewhere"), new BigDecimal("0.001"))).build();
        String unsigned = ((JsonString) node.walletRpc(MINER, "createrawtransaction", JsonValue.EMPTY_JSON_ARRAY, outputs)).getString();
        String funded = ((JsonObject) node.walletRpc(MINER, "fundrawtransaction", unsigned)).getString("hex");
        String signed = ((JsonObject) node.walletRpc(MINER, "signrawtransactionwithwallet", funded)).getString("hex");
        TrackingApi.Answer ok = TrackingApi.expect(200, api.send("POST", "/api/v1/chains/BTC/transactions",
                "{\"hex\":\"" + signed + "\"}"));
        String txid = ok.object().getString("txid");
        assertTrue(((JsonArray) node.rpc("getrawmempool")).contains(jakarta.json.Json.createValue(txid)));

        node.mine(1);
        TrackingApi.Answer again = api.send("POST", "/api/v1/chains/BTC/transactions", "{\"hex\":\"" + signed + "\"}");
        assertEquals(422, again.status(), again.body());
        assertTrue(again.body().contains("rejected"), again.body());
    }

    @Test
    @Order(12)
    void medianLatencyFromBlockToSettled() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            JsonObject invoice = api.createInvoice("0.0002", "MediumSpeed", 60);
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
            TrackingServer.sleep(500);
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
        JsonObject invoice = api.createInvoice("0.0016", "LowMediumSpeed", 60);
        String address = address(invoice);
        server.kill();
        node.send(MINER, address, new BigDecimal("0.0016"));
        node.mine(3);
        server.start();
        awaitStatus(invoice, "Settled", "None");
        assertEquals(1, api.btcPrompt(id(invoice)).getJsonArray("payments").size(), "counted once");
        JsonObject health = TrackingApi.expect(200, api.send("GET", "/api/v1/health", null)).object();
        assertFalse(health.getJsonObject("chains").getJsonObject("BTC").isNull("scannedHeight"));
    }

    // ---- helpers ----

    private static String id(JsonObject invoice) {
        return invoice.getString("id");
    }

    private static String address(JsonObject invoice) {
        return api.btcPrompt(id(invoice)).getString("destination");
    }

    private static String status(JsonObject invoice) {
        return api.invoice(id(invoice)).getString("status");
    }

    private static int scannedHeight() {
        JsonObject btc = TrackingApi.expect(200, api.send("GET", "/api/v1/health", null)).object()
                .getJsonObject("chains").getJsonObject("BTC");
        return btc.isNull("scannedHeight") ? -1 : btc.getInt("scannedHeight");
    }

    /** Enough time for the follower to have looked at the last block (ZMQ wake-up, else the 2 s poll). */
    private static void sleepChainPasses() {
        TrackingServer.sleep(2500);
    }

    private static void awaitStatus(JsonObject invoice, String status, String additional) {
        Instant deadline = Instant.now().plus(WAIT);
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.invoice(id(invoice));
            if (status.equals(last.getString("status")) && additional.equals(last.getString("additionalStatus"))) {
                return;
            }
            TrackingServer.sleep(50);
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
            TrackingServer.sleep(100);
        }
        throw new AssertionError(what + " not reached within " + WAIT);
    }
}

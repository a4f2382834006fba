package io.chaintill.chain.ethereum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.AnvilNode;
import io.chaintill.support.ApiClient;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.TestEnvironment;
import io.chaintill.support.WebhookReceiver;
import io.chaintill.support.WebhookSchemas;
import io.chaintill.webhook.WebhookSigner;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Ether and ERC-20 tracking end to end: the packaged server (a {@link ServerProcess}) follows a real anvil node
 * with automine off, so every payment is first seen pending and then mined block by block. The merchant's account
 * key is the "abandon" test wallet, whose addresses hold nothing on anvil (a funded dev account would look like a
 * payment to the balance reconciliation). Confirmations: HighSpeed 0, MediumSpeed 2, LowMediumSpeed 6, LowSpeed 12.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EthereumTrackingIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final BigInteger USDT = BigInteger.TEN.pow(6);

    private static AnvilNode node;
    private static ServerProcess server;
    private static ApiClient api;
    private static String etherStore;
    private static String tokenStore;
    private static String token;
    private static String forwarder;
    private static String notAToken;
    private static JsonObject lateInvoice;
    private static JsonObject crashInvoice;
    private static Map<String, String> serverEnv;
    private static WebhookReceiver shop;
    private static String webhookSecret;

    @BeforeAll
    static void start() throws Exception {
        node = AnvilNode.start(1337);
        token = node.deployTestToken("Tether test", "USDT", USDT.multiply(BigInteger.valueOf(1_000_000)));
        forwarder = node.deploy(AnvilNode.contractBin("EtherForwarder"));
        notAToken = node.deploy(AnvilNode.contractBin("NotAToken"));
        node.setAutomine(false);
        Map<String, String> env = new HashMap<>(Map.of(
                "CHAINTILL_ETH_RPC_URL", node.rpcUrl(),
                "CHAINTILL_ETH_CHAIN_ID", "1337",
                "CHAINTILL_ETH_TOKENS", "USDT:" + token + ":6,BAD:" + notAToken + ":6",
                "CHAINTILL_JOBS_CHAIN_INTERVAL_MS", "1000"));
        if ("h2".equals(TestEnvironment.db())) {
            env.put("CHAINTILL_DATA_DIR", Files.createTempDirectory("chaintill-eth-tracking-").toString());
        }
        serverEnv = Map.copyOf(env);
        server = ServerProcess.start(env);
        api = server.api().admin().newKey("unrestricted");
        etherStore = store("Ether shop", "ETH-CHAIN");
        tokenStore = store("Token shop", "USDT-ERC20");
        shop = WebhookReceiver.start();
        webhookSecret = api.addWebhook(etherStore, shop.url("/shop")).object().getString("secret");
        lateInvoice = ether("0.007", "MediumSpeed", 1); // paid after it expires, at the end
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (shop != null) {
            shop.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(0)
    void healthShowsEtherAndTheTokenUpAndRefusesAContractThatIsNoToken() {
        awaitTrue(() -> "UP".equals(chain("ETH").getString("status")) && "UP".equals(chain("USDT-ERC20").getString("status")),
                "ETH and USDT-ERC20 UP");
        awaitTrue(() -> "DOWN".equals(chain("BAD-ERC20").getString("status")), "BAD-ERC20 DOWN");
        String error = chain("BAD-ERC20").getString("error");
        assertEquals(EthereumAddresses.checksum(notAToken) + " is not an ERC-20 token: decimals() reverted", error);
        assertEquals("DOWN", health().getJsonObject("checks").getString("ethereum"));
    }

    @Test
    @Order(1)
    void exactEtherIsProcessingWhilePendingAndSettledAfterTwoBlocks() {
        JsonObject invoice = ether("0.01", "MediumSpeed", 60);
        String tx = node.sendEther(1, address(invoice), wei("0.01"));
        awaitStatus(invoice, "Processing", "None");
        JsonObject payment = prompt(invoice).getJsonArray("payments").getJsonObject(0);
        assertEquals(tx + "-0", payment.getString("id"));
        assertEquals("0.01", payment.getString("value"));
        assertEquals(address(invoice), payment.getString("destination"));

        node.mine(1);
        awaitScanned();
        assertEquals("Processing", status(invoice), "one confirmation of two");
        node.mine(1);
        awaitStatus(invoice, "Settled", "None");
        assertEquals(1, prompt(invoice).getJsonArray("payments").size(), "pending and mined are one payment");
    }

    @Test
    @Order(2)
    void partialEtherPaymentsAddUp() {
        JsonObject invoice = ether("0.01", "HighSpeed", 60);
        node.sendEther(2, address(invoice), wei("0.004"));
        node.mine(1);
        awaitStatus(invoice, "New", "PaidPartial");
        node.sendEther(2, address(invoice), wei("0.006"));
        node.mine(1);
        awaitStatus(invoice, "Settled", "None");
        assertEquals("0.01", prompt(invoice).getString("paymentMethodPaid"));
    }

    @Test
    @Order(3)
    void overpaidEtherIsFlagged() {
        JsonObject invoice = ether("0.01", "HighSpeed", 60);
        node.sendEther(2, address(invoice), wei("0.0125"));
        node.mine(1);
        awaitStatus(invoice, "Settled", "PaidOver");
    }

    @Test
    @Order(4)
    void exactTokenTransferIsProcessingWhilePendingAndSettledAfterTwoBlocks() {
        JsonObject invoice = tokens("5", "MediumSpeed");
        String tx = node.tokenTransfer(token, 0, address(invoice), USDT.multiply(BigInteger.valueOf(5)));
        awaitStatus(invoice, "Processing", "None");
        node.mine(2);
        awaitStatus(invoice, "Settled", "None");
        JsonArray payments = prompt(invoice).getJsonArray("payments");
        assertEquals(1, payments.size(), "the pending transfer and its log are one payment: " + payments);
        assertEquals(tx + "-0", payments.getJsonObject(0).getString("id"));
        assertEquals("5", payments.getJsonObject(0).getString("value"));
    }

    @Test
    @Order(5)
    void partialTokenTransfersAddUp() {
        JsonObject invoice = tokens("5", "HighSpeed");
        node.tokenTransfer(token, 0, address(invoice), new BigInteger("1250000"));
        node.mine(1);
        awaitStatus(invoice, "New", "PaidPartial");
        assertEquals("1.25", prompt(invoice).getString("paymentMethodPaid"));
        node.tokenTransfer(token, 0, address(invoice), new BigInteger("3750000"));
        node.mine(1);
        awaitStatus(invoice, "Settled", "None");
    }

    @Test
    @Order(6)
    void etherSentByAContractIsCreditedFromTheBalance() {
        JsonObject invoice = ether("0.02", "MediumSpeed", 60);
        node.forwardEther(forwarder, 3, address(invoice), wei("0.02"));
        node.mine(1);
        awaitStatus(invoice, "Processing", "None");
        JsonObject payment = prompt(invoice).getJsonArray("payments").getJsonObject(0);
        assertTrue(payment.getString("id").startsWith("balance:"), payment.toString());
        assertEquals("0.02", payment.getString("value"));
        node.mine(1);
        awaitStatus(invoice, "Settled", "None");
        node.mine(3);
        awaitScanned();
        assertEquals(1, prompt(invoice).getJsonArray("payments").size(), "credited once");
    }

    @Test
    @Order(7)
    void reorgRemovingAConfirmedTransferMovesTheInvoiceBack() {
        JsonObject invoice = ether("0.03", "LowSpeed", 60);
        node.sendEther(4, address(invoice), wei("0.03"));
        node.mine(1);
        awaitStatus(invoice, "Processing", "None");
        awaitScanned();
        node.reorg(1); // the block with the payment is replaced by an empty one; the transaction is gone
        node.mine(1);
        awaitStatus(invoice, "New", "None");
        assertEquals("Invalid", prompt(invoice).getJsonArray("payments").getJsonObject(0).getString("status"));
    }

    @Test
    @Order(8)
    void reorgRemovingEtherSentByAContractWithdrawsTheBalanceCredit() {
        JsonObject invoice = ether("0.04", "LowSpeed", 60);
        node.forwardEther(forwarder, 4, address(invoice), wei("0.04"));
        node.mine(1);
        awaitStatus(invoice, "Processing", "None");
        awaitScanned();
        node.reorg(1);
        node.mine(1);
        awaitStatus(invoice, "New", "None");
        assertEquals("0", prompt(invoice).getString("paymentMethodPaid"));
    }

    @Test
    @Order(9)
    void medianLatencyFromBlockToSettled() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            JsonObject invoice = ether("0.001", "MediumSpeed", 60);
            node.sendEther(5, address(invoice), wei("0.001"));
            node.mine(1);
            awaitStatus(invoice, "Processing", "None");
            Instant mined = Instant.now();
            node.mine(1);
            awaitStatus(invoice, "Settled", "None");
            millis.add(Duration.between(mined, Instant.now()).toMillis());
        }
        millis.sort(Long::compare);
        System.out.println("[measure] ETH block mined -> invoice Settled, 10 runs, 1 s poll: median "
                + (millis.get(4) + millis.get(5)) / 2 + " ms, min " + millis.get(0) + " ms, max " + millis.get(9) + " ms");
    }

    @Test
    @Order(10)
    void whileDownPaymentsAreMadeAndANodeOnAnotherChainIdIsRefusedWithoutRecordingThem() {
        crashInvoice = ether("0.05", "MediumSpeed", 60);
        String address = address(crashInvoice);
        server.kill();
        node.sendEther(6, address, wei("0.05"));
        node.mine(3);
        Map<String, String> wrongEnv = new HashMap<>(serverEnv);
        wrongEnv.put("CHAINTILL_ETH_CHAIN_ID", "1");
        try (ServerProcess wrong = ServerProcess.start(wrongEnv)) { // same database as the crashed server
            ApiClient other = ApiClient.at(wrong.baseUrl()).withKey(api.apiKey());
            awaitTrue(() -> "DOWN".equals(chain(other, "ETH").getString("status")), "ETH DOWN on the wrong chain");
            JsonObject eth = chain(other, "ETH");
            assertEquals("the Ethereum node at " + node.rpcUrl() + " runs chain id 1337, but chaintill.eth.chain-id is 1;"
                    + " Ethereum tracking refuses to use it", eth.getString("error"));
            assertTrue(eth.isNull("scannedHeight"), "nothing scanned: " + eth);
            assertEquals("DOWN", chain(other, "USDT-ERC20").getString("status"));
            assertEquals("New", other.get("/api/v1/stores/" + etherStore + "/invoices/" + crashInvoice.getString("id"))
                    .expect(200).object().getString("status"), "nothing recorded from the wrong chain");
        }
    }

    @Test
    @Order(11)
    void afterACrashPaymentsMadeWhileDownAreFoundFromTheCursor() {
        server.restart();
        awaitStatus(crashInvoice, "Settled", "None");
        assertEquals(1, prompt(crashInvoice).getJsonArray("payments").size(), "counted once");
    }

    @Test
    @Order(12)
    void latePaymentAfterExpiryIsPaidLate() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!"Expired".equals(status(lateInvoice)) && Instant.now().isBefore(deadline)) {
            sleep(500);
        }
        assertEquals("Expired", status(lateInvoice));
        node.sendEther(7, address(lateInvoice), wei("0.007"));
        awaitStatus(lateInvoice, "Processing", "PaidLate");
        node.mine(2);
        awaitStatus(lateInvoice, "Settled", "PaidLate");
    }

    @Test
    @Order(100)
    void everyEventReachedTheShopSignedAndSchemaValid() {
        List<String> wanted = List.of("InvoiceCreated", "InvoiceReceivedPayment", "InvoiceProcessing",
                "InvoicePaymentSettled", "InvoiceSettled", "InvoiceExpired", "InvoicePaymentRemoved");
        awaitTrue(() -> shop.requests("/shop").stream().map(r -> type(r.bodyText())).collect(Collectors.toSet())
                .containsAll(wanted), "webhooks of every type " + wanted);
        WebhookSigner signer = new WebhookSigner();
        for (WebhookReceiver.Request r : shop.requests("/shop")) {
            WebhookSchemas.assertDelivered(r.bodyText());
            assertEquals(signer.btcpaySig(webhookSecret, r.body()), r.header(WebhookSigner.BTCPAY_SIG_HEADER));
        }
    }

    // ---- helpers ----

    private static String store(String name, String method) {
        String id = api.post("/api/v1/stores", "{\"name\":\"" + name + "\",\"defaultCurrency\":\"USD\"}")
                .expect(200).object().getString("id");
        api.put("/api/v1/stores/" + id + "/payment-methods/" + method,
                "{\"enabled\":true,\"config\":\"" + EthereumTestWallets.ABANDON_XPUB + "\"}").expect(200);
        return id;
    }

    private static JsonObject ether(String amount, String speedPolicy, int expirationMinutes) {
        return invoiceIn(etherStore, amount, "ETH", speedPolicy, expirationMinutes);
    }

    private static JsonObject tokens(String amount, String speedPolicy) {
        return invoiceIn(tokenStore, amount, "USDT", speedPolicy, 60);
    }

    private static JsonObject invoiceIn(String store, String amount, String currency, String speedPolicy, int minutes) {
        JsonObject created = api.createInvoice(store, "{\"amount\":\"" + amount + "\",\"currency\":\"" + currency
                + "\",\"checkout\":{\"speedPolicy\":\"" + speedPolicy + "\",\"expirationMinutes\":" + minutes + "}}");
        return Json.createObjectBuilder(created).add("storeId", store).build();
    }

    private static BigInteger wei(String ether) {
        return new BigDecimal(ether).multiply(new BigDecimal(ETHER)).toBigIntegerExact();
    }

    private static JsonObject invoice(JsonObject invoice) {
        return api.get("/api/v1/stores/" + invoice.getString("storeId") + "/invoices/" + invoice.getString("id"))
                .expect(200).object();
    }

    private static JsonObject prompt(JsonObject invoice) {
        return api.get("/api/v1/stores/" + invoice.getString("storeId") + "/invoices/" + invoice.getString("id")
                + "/payment-methods").expect(200).array().getJsonObject(0);
    }

    private static String address(JsonObject invoice) {
        return prompt(invoice).getString("destination");
    }

    private static String status(JsonObject invoice) {
        return invoice(invoice).getString("status");
    }

    private static JsonObject health() {
        return api.get("/api/v1/health").expect(200).object();
    }

    private static JsonObject chain(String key) {
        return chain(api, key);
    }

    private static JsonObject chain(ApiClient client, String key) {
        JsonObject chains = client.get("/api/v1/health").expect(200).object().getJsonObject("chains");
        return chains.containsKey(key) ? chains.getJsonObject(key) : Json.createObjectBuilder().add("status", "ABSENT").build();
    }

    /** Waits until every follower has scanned the node's tip (and so reconciled balances there). */
    private static void awaitScanned() {
        long tip = node.blockNumber();
        awaitTrue(() -> Set.of("ETH", "USDT-ERC20").stream().allMatch(k -> {
            JsonObject c = chain(k);
            return c.containsKey("scannedHeight") && !c.isNull("scannedHeight") && c.getInt("scannedHeight") >= tip;
        }), "followers at block " + tip);
        sleep(1200); // the pass that reached the tip also finishes its balance checks
    }

    private static String type(String body) {
        return Json.createReader(new StringReader(body)).readObject().getString("type");
    }

    private static void awaitStatus(JsonObject invoice, String status, String additional) {
        Instant deadline = Instant.now().plus(WAIT);
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = invoice(invoice);
            if (status.equals(last.getString("status")) && additional.equals(last.getString("additionalStatus"))) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("invoice " + invoice.getString("id") + " not " + status + "/" + additional + " within "
                + WAIT + "; last: " + (last == null ? null : last.getString("status") + "/" + last.getString("additionalStatus"))
                + "; payments " + prompt(invoice).getJsonArray("payments"));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError(what + " not reached within " + WAIT);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

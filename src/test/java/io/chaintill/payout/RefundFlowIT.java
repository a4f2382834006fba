package io.chaintill.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.bitcoin.Psbt;
import io.chaintill.chain.bitcoin.UnsignedTransaction;
import io.chaintill.contract.GreenfieldContract;
import io.chaintill.support.ApiClient;
import io.chaintill.support.ApiResponse;
import io.chaintill.support.BitcoindRegtest;
import io.chaintill.support.Browser;
import io.chaintill.support.DashboardLogin;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.TestEnvironment;
import io.chaintill.support.WebhookReceiver;
import io.chaintill.support.WebhookSchemas;
import io.chaintill.webhook.WebhookSigner;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A refund end to end on regtest: an overpaid invoice is refunded for the overpaid part, the buyer claims it on the
 * public page in Chromium (a private key and a wrong-network address are refused there), the claim is approved at
 * once, the merchant pays it from another wallet, the server recognises that payment on chain by itself (destination
 * and amount) and completes the payout, a second proof is refused, the buyer's wallet holds the amount, and the payout webhooks arrive signed and schema-valid. Persistence on both databases is covered by
 * GreenfieldContractIT; this class's outcome does not depend on the database.
 */
@Tag(TestEnvironment.SINGLE_DATABASE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefundFlowIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String MINER = BitcoindRegtest.MINER_WALLET;
    private static final String BUYER = "refund-buyer";

    private static BitcoindRegtest node;
    private static ServerProcess server;
    private static ApiClient api;
    private static String storeId;
    private static WebhookReceiver shop;
    private static String webhookSecret;
    private static String invoiceId;
    private static JsonObject pullPayment;
    private static String buyerAddress;
    private static String payoutId;
    /** The merchant's wallet seed: only the test holds it (as the merchant's own wallet would), never the server. */
    private static final DeterministicKey MERCHANT_MASTER = HDKeyDerivation.createMasterPrivateKey(new SecureRandom().generateSeed(32));
    private static final String MERCHANT_WALLET = "refund-merchant-" + Long.toHexString(new SecureRandom().nextLong());
    private static final String BUYER2 = "refund-buyer-2";
    private static String firstBatchTxid;

    @BeforeAll
    static void start() throws Exception {
        node = TestEnvironment.bitcoind();
        node.mine(10);
        Map<String, String> env = new HashMap<>(Map.of("CHAINTILL_JOBS_CHAIN_INTERVAL_MS", "2000"));
        if ("h2".equals(TestEnvironment.db())) {
            env.put("CHAINTILL_DATA_DIR", Files.createTempDirectory("chaintill-refunds-").toString());
        }
        server = ServerProcess.start(env);
        api = server.api().admin().newKey("unrestricted");
        storeId = api.post("/api/v1/stores", "{\"name\":\"Refunds\",\"defaultCurrency\":\"BTC\"}").expect(200).object().getString("id");
        api.put("/api/v1/stores/" + storeId + "/payment-methods/BTC-CHAIN", "{\"enabled\":true,\"config\":{\"derivationScheme\":\""
                + freshVpub() + "\",\"accountKeyPath\":\"" + masterFingerprint() + "/84'/1'/0'\"}}").expect(200);
        shop = WebhookReceiver.start();
        webhookSecret = api.addWebhook(storeId, shop.url("/shop")).object().getString("secret");
        buyerAddress = node.newAddress(BUYER);
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

    /** This class's own wallet (m/84'/1'/0' of a random seed), so no other class shares its addresses. */
    private static String freshVpub() {
        DeterministicKey key = MERCHANT_MASTER;
        for (int n : new int[] {84, 1, 0}) {
            key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(n, true));
        }
        return key.serializePubB58(BitcoinNetwork.TESTNET, ScriptType.P2WPKH);
    }

    @Test
    @Order(1)
    void anOverpaidInvoiceIsRefundedForTheOverpaidPart() {
        JsonObject invoice = api.createInvoice(storeId, "{\"amount\":\"0.001\",\"currency\":\"BTC\"}");
        invoiceId = invoice.getString("id");
        String refundPath = "/api/v1/stores/" + storeId + "/invoices/" + invoiceId + "/refund";
        // nothing paid yet: a New invoice cannot be refunded, and the answer names the field
        assertTrue(api.post(refundPath, "{\"refundVariant\":\"RateThen\"}").expect(422).body().contains("invoiceId"));
        String address = api.get("/api/v1/stores/" + storeId + "/invoices/" + invoiceId + "/payment-methods").expect(200)
                .array().getJsonObject(0).getString("destination");
        node.send(MINER, address, new BigDecimal("0.0015"));
        node.mine(1);
        awaitTrue(() -> "Settled".equals(invoice().getString("status")), "invoice settled");
        assertEquals("PaidOver", invoice().getString("additionalStatus"));

        pullPayment = api.post(refundPath, "{\"refundVariant\":\"OverpaidAmount\",\"payoutMethods\":[\"BTC-CHAIN\"]}")
                .expect(200).object();
        assertEquals("0.0005", pullPayment.getString("amount"));
        assertEquals("BTC", pullPayment.getString("currency"));
        assertTrue(pullPayment.getBoolean("autoApproveClaims"), pullPayment.toString());
        assertEquals("Refund " + invoiceId, pullPayment.getString("name"));
        assertTrue(pullPayment.getString("viewLink").endsWith("/pull-payments/" + pullPayment.getString("id")));
        // what the other variants make of the same invoice, each answer in BTCPay's shape (both route forms:
        // greenfield-php and the WooCommerce plugin call the store's, BTCPay 2.x documents the other)
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("{\"refundVariant\":\"RateThen\",\"subtractPercentage\":\"0\"}", "0.0015 BTC true");
        variants.put("{\"refundVariant\":\"CurrentRate\",\"name\":\"today\",\"description\":\"at today's rate\"}", "0.0015 BTC true");
        variants.put("{\"refundVariant\":\"Fiat\",\"payoutMethods\":[\"BTC-CHAIN\"]}", "0.0015 BTC false");
        variants.put("{\"refundVariant\":\"OverpaidAmount\",\"subtractPercentage\":\"10\"}", "0.00045 BTC true");
        variants.put("{\"refundVariant\":\"Custom\",\"customAmount\":\"0.0001\",\"customCurrency\":\"BTC\"}", "0.0001 BTC true");
        for (String path : List.of(refundPath, "/api/v1/invoices/" + invoiceId + "/refund")) {
            variants.forEach((body, made) -> assertEquals(made, refunded(path, body), body));
        }
        // Greenfield 1's single paymentMethod, which only the store's form documents
        assertEquals("0.0015 BTC true", refunded(refundPath, "{\"refundVariant\":\"RateThen\",\"paymentMethod\":\"BTC-CHAIN\"}"));
        assertTrue(api.post(refundPath, "{\"refundVariant\":\"Sometimes\"}").expect(422).body().contains("refundVariant"));
        assertTrue(api.post(refundPath, "{\"refundVariant\":\"Custom\"}").expect(422).body().contains("customAmount"));
        api.anonymous().post(refundPath, "{\"refundVariant\":\"RateThen\"}").expect(401);
        ApiClient viewer = api.newKey("btcpay.store.canviewinvoices:" + storeId);
        viewer.post(refundPath, "{\"refundVariant\":\"RateThen\"}").expect(403);
        // the buyer finds the claim page from the invoice's receipt
        String receipt = api.anonymous().get(java.net.URI.create(invoice.getString("checkoutLink")).getPath())
                .expect(200).body();
        assertTrue(receipt.contains("href=\"/pull-payments/" + pullPayment.getString("id") + "\">Claim your refund</a>"),
                receipt);
    }

    @Test
    @Order(2)
    void theBuyerClaimsOnThePublicPageWhichRefusesKeysAndWrongNetworks() {
        String wif = new ECKey().getPrivateKeyAsWiF(BitcoinNetwork.REGTEST);
        try (Browser browser = Browser.forTest(RefundFlowIT.class).javascript(false).start()) {
            browser.open(server.baseUrl() + "/pull-payments/" + pullPayment.getString("id"));
            assertTrue(browser.find("#left").getText().contains("0.0005 BTC"), browser.text());
            submit(browser, wif, "0.0005");
            String error = browser.find("#error").getText();
            assertTrue(error.contains("private key"), error);
            assertEquals("", browser.find("#destination").getAttribute("value"), "the refused key is not shown again");
            submit(browser, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "0.0005"); // a mainnet address
            assertTrue(browser.find("#error").getText().contains("not a valid bitcoin address on regtest"),
                    browser.find("#error").getText());
            submit(browser, buyerAddress, "0.0006");
            assertTrue(browser.find("#error").getText().contains("exceeds"), browser.find("#error").getText());
            submit(browser, buyerAddress, "0.0005");
            assertTrue(browser.find("#claimed").getText().contains("approved, awaiting payment"), browser.text());
            assertTrue(browser.findAll("#claim-form").isEmpty(), "nothing left to claim");
        }
        JsonObject payout = api.anonymous().get("/api/v1/pull-payments/" + pullPayment.getString("id") + "/payouts")
                .expect(200).array().getJsonObject(0);
        payoutId = payout.getString("id");
        assertEquals("AwaitingPayment", payout.getString("state"));
        assertEquals(buyerAddress, payout.getString("destination"));
        assertEquals("0.0005", payout.getString("payoutAmount"));
    }

    @Test
    @Order(3)
    void theMerchantPaysItFromAnotherWalletAndTheServerRecognisesThePayment() {
        String txid = node.send(MINER, buyerAddress, new BigDecimal("0.0005"));
        node.mine(1);
        awaitTrue(() -> "Completed".equals(api.get("/api/v1/stores/" + storeId + "/payouts/" + payoutId).expect(200)
                .object().getString("state")), "the hand payment completes the payout");
        // another transaction as its proof is refused: the payout is paid by this one
        assertTrue(api.post("/api/v1/payouts/" + payoutId + "/mark", "{\"state\":\"Completed\",\"paymentProof\":"
                + "{\"proofType\":\"PayoutTransactionOnChainBlob\",\"transactionId\":\"" + "ab".repeat(32) + "\"}}")
                .expect(400).body().contains("payout-already-paid"));
        JsonObject payout = api.get("/api/v1/stores/" + storeId + "/payouts/" + payoutId).expect(200).object();
        assertEquals("Completed", payout.getString("state"));
        assertEquals(txid, payout.getJsonObject("paymentProof").getString("transactionId"));
        api.delete("/api/v1/payouts/" + payoutId).expect(400);
        BigDecimal received = ((JsonNumber) node.walletRpc(BUYER, "getreceivedbyaddress", buyerAddress, 1)).bigDecimalValue();
        assertEquals(0, new BigDecimal("0.0005").compareTo(received), "the buyer's wallet holds " + received);
        api.delete("/api/v1/stores/" + storeId + "/pull-payments/" + pullPayment.getString("id")).expect(200);
        assertTrue(api.get("/api/v1/stores/" + storeId + "/pull-payments?includeArchived=true").expect(200).body()
                .contains("\"archived\":true"));
    }

    @Test
    @Order(4)
    void thePayoutWebhooksArriveSignedAndSchemaValid() {
        List<String> wanted = List.of("PayoutCreated", "PayoutApproved", "PayoutUpdated");
        awaitTrue(() -> payoutEvents().keySet().containsAll(wanted), "payout webhooks " + wanted);
        WebhookSigner signer = new WebhookSigner();
        for (WebhookReceiver.Request r : shop.requests("/shop")) {
            WebhookSchemas.assertValid(r.bodyText());
            assertEquals(signer.btcpaySig(webhookSecret, r.body()), r.header(WebhookSigner.BTCPAY_SIG_HEADER));
        }
        Map<String, List<String>> events = payoutEvents();
        assertEquals(List.of("AwaitingApproval"), events.get("PayoutCreated"));
        assertEquals(List.of("AwaitingPayment"), events.get("PayoutApproved"));
        // seen on chain (InProgress), then confirmed; both may be made in one pass, and deliveries are not ordered
        assertEquals(List.of("Completed", "InProgress"), events.get("PayoutUpdated").stream().sorted().toList());
    }

    @Test
    @Order(5)
    void aBatchIsPaidByAPsbtTheMerchantsWalletSignsAndTheServerBroadcasts() {
        String invoicePath = "/api/v1/stores/" + storeId + "/invoices/" + invoiceId + "/refund";
        JsonObject refund = api.post(invoicePath, "{\"refundVariant\":\"OverpaidAmount\",\"payoutMethods\":[\"BTC-CHAIN\"]}")
                .expect(200).object();
        String buyer2 = node.newAddress(BUYER2);
        String batchPayout = api.anonymous().post("/api/v1/pull-payments/" + refund.getString("id") + "/payouts",
                "{\"destination\":\"" + buyer2 + "\",\"payoutMethodId\":\"BTC-CHAIN\"}").expect(200).object().getString("id");
        String batchesPath = "/api/v1/stores/" + storeId + "/payout-batches";
        api.newKey("btcpay.store.canviewinvoices:" + storeId).post(batchesPath, "{}").expect(403);
        JsonObject batch = api.post(batchesPath, "{\"feeRate\":2}").expect(200).object();
        assertEquals("Open", batch.getString("state"));
        assertEquals(List.of(batchPayout), batch.getJsonArray("payoutIds").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        // a second batch finds nothing left to pay: the payout is in the open one
        assertTrue(api.post(batchesPath, "{}").expect(422).body().contains("payoutIds"));
        String batchPath = batchesPath + "/" + batch.getString("id");
        String psbt = batch.getString("psbt");
        // the node reads it as BIP 174: the payout, the change to the store's key, the key origins of the inputs
        JsonObject decoded = node.rpc("decodepsbt", psbt).asJsonObject();
        JsonObject payoutOut = decoded.getJsonObject("tx").getJsonArray("vout").getValuesAs(JsonObject.class).stream()
                .filter(o -> buyer2.equals(o.getJsonObject("scriptPubKey").getString("address", ""))).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("0.0005").compareTo(payoutOut.getJsonNumber("value").bigDecimalValue()));
        String origin = decoded.getJsonArray("inputs").getJsonObject(0).getJsonArray("bip32_derivs").getJsonObject(0)
                .getString("master_fingerprint");
        assertEquals(masterFingerprint(), origin);
        assertTrue(api.get(batchPath + "/psbt").expect(200).body().startsWith("psbt"), "a binary .psbt file");

        createMerchantWallet();
        // tampered: the payout's output goes to the merchant's own address instead; signed, but refused
        Psbt batchPsbt = Psbt.fromBase64(psbt);
        UnsignedTransaction tx = batchPsbt.transaction();
        String elsewhere = node.newAddress(MINER);
        List<UnsignedTransaction.Output> outs = new java.util.ArrayList<>(tx.outputs());
        int payoutIndex = payoutOut.getInt("n");
        outs.set(payoutIndex, new UnsignedTransaction.Output(outs.get(payoutIndex).value(),
                HexFormat.of().parseHex(((JsonObject) node.rpc("validateaddress", elsewhere)).getString("scriptPubKey"))));
        String tampered = signed(rebuilt(batchPsbt, new UnsignedTransaction(tx.version(), tx.inputs(), outs, tx.lockTime())));
        String refused = api.post(batchPath + "/signed", "{\"psbt\":\"" + tampered + "\"}").expect(422).body();
        assertTrue(refused.contains("psbt") && refused.contains(elsewhere) && refused.contains("neither a payout"), refused);
        // and one spending an output that is not in the batch
        List<UnsignedTransaction.Input> ins = new java.util.ArrayList<>(tx.inputs());
        JsonObject foreign = node.walletRpc(MINER, "listunspent").asJsonArray().getJsonObject(0);
        ins.add(new UnsignedTransaction.Input(foreign.getString("txid"), foreign.getInt("vout"), UnsignedTransaction.SEQUENCE_RBF));
        String extra = rebuilt(batchPsbt, new UnsignedTransaction(tx.version(), ins, tx.outputs(), tx.lockTime())).toBase64();
        refused = api.post(batchPath + "/signed", "{\"psbt\":\"" + extra + "\"}").expect(422).body();
        assertTrue(refused.contains("not an input of this batch"), refused);
        assertTrue(api.post(batchPath + "/signed", "{\"psbt\":\"" + psbt + "\"}").expect(422).body().contains("not fully signed"));
        assertTrue(node.rpc("getrawmempool").asJsonArray().isEmpty() || !node.rpc("getrawmempool").toString()
                .contains(tx.txid()), "nothing was broadcast");
        assertEquals("AwaitingPayment", payout(batchPayout).getString("state"));

        String signed = signed(psbt);
        JsonObject broadcast = api.post(batchPath + "/signed", "{\"psbt\":\"" + signed + "\"}").expect(200).object();
        assertEquals("Broadcast", broadcast.getString("state"));
        assertEquals(tx.txid(), broadcast.getString("transactionId"));
        firstBatchTxid = tx.txid();
        assertTrue(node.rpc("getrawmempool").toString().contains(tx.txid()), "the node relays it");
        assertEquals("InProgress", payout(batchPayout).getString("state"));
        // uploading it again pays nothing twice
        assertEquals(tx.txid(), api.post(batchPath + "/signed", "{\"psbt\":\"" + signed + "\"}").expect(200).object()
                .getString("transactionId"));
        api.delete(batchPath).expect(400);

        node.mine(1);
        awaitTrue(() -> "Completed".equals(payout(batchPayout).getString("state")), "batch payout completed");
        assertEquals(tx.txid(), payout(batchPayout).getJsonObject("paymentProof").getString("transactionId"));
        BigDecimal received = ((JsonNumber) node.walletRpc(BUYER2, "getreceivedbyaddress", buyer2, 1)).bigDecimalValue();
        assertEquals(0, new BigDecimal("0.0005").compareTo(received), "the buyer's wallet holds " + received);
        awaitTrue(() -> shop.requests("/shop").stream().map(r -> r.bodyText()).filter(b -> b.contains(batchPayout))
                .filter(b -> b.contains("\"Completed\"")).count() == 1, "PayoutUpdated Completed for the batch payout");
        WebhookSigner signer = new WebhookSigner();
        for (WebhookReceiver.Request r : shop.requests("/shop")) {
            WebhookSchemas.assertValid(r.bodyText());
            assertEquals(signer.btcpaySig(webhookSecret, r.body()), r.header(WebhookSigner.BTCPAY_SIG_HEADER));
        }
        assertTrue(shop.requests("/shop").stream().map(r -> r.bodyText()).anyMatch(b -> b.contains(batchPayout)
                && b.contains("\"InProgress\"")), "PayoutUpdated InProgress");
    }

    @Test
    @Order(6)
    void aRestartBetweenApprovalUploadAndConfirmationLosesNothingAndPaysNothingTwice() {
        JsonObject refund = api.post("/api/v1/stores/" + storeId + "/invoices/" + invoiceId + "/refund",
                "{\"refundVariant\":\"Custom\",\"customAmount\":\"0.0002\",\"customCurrency\":\"BTC\","
                        + "\"payoutMethods\":[\"BTC-CHAIN\"]}").expect(200).object();
        String buyer3 = node.newAddress(BUYER2);
        String id = api.anonymous().post("/api/v1/pull-payments/" + refund.getString("id") + "/payouts",
                "{\"destination\":\"" + buyer3 + "\",\"payoutMethodId\":\"BTC-CHAIN\"}").expect(200).object().getString("id");
        if ("AwaitingApproval".equals(payout(id).getString("state"))) {
            api.post("/api/v1/payouts/" + id, "{}").expect(200);
        }
        assertTrue(payout(id).getString("paymentLink").startsWith("bitcoin:" + buyer3 + "?amount=0.0002"),
                payout(id).toString());

        String batchesPath = "/api/v1/stores/" + storeId + "/payout-batches";
        JsonObject batch = api.post(batchesPath, "{\"feeRate\":2}").expect(200).object();
        // the only coin left is the first batch's change, back on the store's change chain
        assertEquals(List.of(firstBatchTxid), batch.getJsonArray("inputs").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(s -> s.getString().split(":")[0]).toList());
        String batchPath = batchesPath + "/" + batch.getString("id");

        server.kill();
        server.restart();
        assertEquals(batch.getString("psbt"), api.get(batchPath).expect(200).object().getString("psbt"));
        String signed = signed(batch.getString("psbt"));
        String txid = api.post(batchPath + "/signed", "{\"psbt\":\"" + signed + "\"}").expect(200).object().getString("transactionId");

        server.kill();
        server.restart();
        assertEquals("InProgress", payout(id).getString("state"));
        assertEquals(txid, api.post(batchPath + "/signed", "{\"psbt\":\"" + signed + "\"}").expect(200).object()
                .getString("transactionId"));
        node.mine(1);
        awaitTrue(() -> "Completed".equals(payout(id).getString("state")), "payout completed after the restarts");
        BigDecimal received = ((JsonNumber) node.walletRpc(BUYER2, "getreceivedbyaddress", buyer3, 0)).bigDecimalValue();
        assertEquals(0, new BigDecimal("0.0002").compareTo(received), "paid once: " + received);
        assertTrue(api.post(batchesPath, "{}").expect(422).body().contains("no approved Bitcoin payout"));
    }

    @Test
    @Order(7)
    void theDashboardShowsTheRefundVariantsAndPaysThePayoutWithAPsbt() {
        try (Browser browser = Browser.forTest(RefundFlowIT.class).start()) {
            browser.open(server.baseUrl() + "/dashboard/login");
            DashboardLogin.submit(browser, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD, WAIT);
            browser.await(WAIT, d -> d.findElements(By.cssSelector("#nav a")).size() > 0);
            browser.script("window.location.hash = arguments[0]", "#/stores/" + storeId + "/invoices/" + invoiceId);
            browser.await(WAIT, d -> d.findElement(By.id("refund"))).click();
            // the variants with what each would pay, before anything is made
            browser.await(WAIT, d -> d.findElements(By.cssSelector("#refund-dialog .refund-variant")).size() >= 2);
            String dialog = browser.find("#refund-dialog").getText();
            assertTrue(dialog.contains("Only the overpaid part: 0.0005 BTC") && dialog.contains("The crypto paid, as paid: 0.0015 BTC"), dialog);
            browser.find("#refund-dialog [data-variant=OverpaidAmount]").click();
            String link = browser.await(WAIT, d -> d.findElement(By.cssSelector("#refund-link a"))).getAttribute("href");
            assertTrue(link.contains("/pull-payments/"), link);
            String pullPaymentId = link.substring(link.lastIndexOf('/') + 1);
            String buyer = node.newAddress(BUYER2);
            String id = api.anonymous().post("/api/v1/pull-payments/" + pullPaymentId + "/payouts",
                    "{\"destination\":\"" + buyer + "\",\"payoutMethodId\":\"BTC-CHAIN\"}").expect(200).object().getString("id");
            if ("AwaitingApproval".equals(payout(id).getString("state"))) {
                browser.script("window.location.hash = arguments[0]", "#/stores/" + storeId + "/payouts");
                browser.await(WAIT, d -> d.findElement(By.cssSelector("[data-payout-id='" + id + "'] .approve"))).click();
                awaitTrue(() -> "AwaitingPayment".equals(payout(id).getString("state")), "approved in the dashboard");
            }
            browser.script("window.location.hash = arguments[0]", "#/stores/" + storeId + "/payouts");
            WebElement row = browser.await(WAIT, d -> d.findElement(By.cssSelector("[data-payout-id='" + id + "'][data-state=AwaitingPayment]")));
            assertTrue(row.findElement(By.cssSelector(".payment-link")).getAttribute("href").startsWith("bitcoin:" + buyer));
            browser.find("#create-batch").click();
            WebElement panel = browser.await(WAIT, d -> d.findElement(By.cssSelector(".batch[data-state=Open]")));
            String batchId = panel.getAttribute("data-batch-id");
            assertTrue(panel.findElement(By.cssSelector(".download-psbt")).getAttribute("href").startsWith("blob:"));
            String psbt = api.get("/api/v1/stores/" + storeId + "/payout-batches/" + batchId).expect(200).object().getString("psbt");
            // a refused upload shows the server's reason, and nothing moves
            panel.findElement(By.cssSelector(".signed-psbt")).sendKeys(psbt);
            panel.findElement(By.cssSelector(".upload-signed")).click();
            browser.await(WAIT, d -> d.findElement(By.cssSelector("#flash, .flash")).getText().contains("not fully signed"));
            WebElement again = browser.await(WAIT, d -> d.findElement(By.cssSelector(".batch[data-state=Open] .signed-psbt")));
            again.clear();
            browser.script("arguments[0].value = arguments[1]", again, signed(psbt));
            browser.find(".batch[data-state=Open] .upload-signed").click();
            browser.await(WAIT, d -> d.findElement(By.cssSelector(".batch[data-batch-id='" + batchId + "'][data-state=Broadcast]")));
            assertEquals("InProgress", payout(id).getString("state"));
            // the refused upload's 422 is the only error the console may show
            List<String> errors = browser.consoleErrors().stream().filter(e -> !e.contains("422")).toList();
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    private static JsonObject payout(String id) {
        return api.get("/api/v1/stores/" + storeId + "/payouts/" + id).expect(200).object();
    }

    /** The merchant's own bitcoind wallet: the store's account, private keys and all, as a descriptor wallet. */
    private static void createMerchantWallet() {
        node.rpc("createwallet", MERCHANT_WALLET, false, true);
        String tprv = MERCHANT_MASTER.serializePrivB58(BitcoinNetwork.TESTNET);
        List<Object> imports = new java.util.ArrayList<>();
        for (int chain : new int[] {0, 1}) {
            String desc = "wpkh(" + tprv + "/84h/1h/0h/" + chain + "/*)";
            String checksum = ((JsonObject) node.rpc("getdescriptorinfo", desc)).getString("checksum");
            imports.add(Map.of("desc", desc + "#" + checksum, "timestamp", "now", "active", true,
                    "internal", chain == 1, "range", List.of(0, 200)));
        }
        node.walletRpc(MERCHANT_WALLET, "importdescriptors", imports);
    }

    private static String signed(Psbt psbt) {
        return signed(psbt.toBase64());
    }

    private static String signed(String psbt) {
        JsonObject answer = node.walletRpc(MERCHANT_WALLET, "walletprocesspsbt", psbt).asJsonObject();
        return answer.getString("psbt");
    }

    /** The batch's input and output maps around another transaction (as a tampering wallet would write it). */
    private static Psbt rebuilt(Psbt batch, UnsignedTransaction tx) {
        List<List<Psbt.Entry>> ins = new java.util.ArrayList<>();
        for (int i = 0; i < tx.inputs().size(); i++) {
            ins.add(i < batch.transaction().inputs().size() ? batch.input(i) : List.of());
        }
        List<List<Psbt.Entry>> outs = new java.util.ArrayList<>();
        for (int i = 0; i < tx.outputs().size(); i++) {
            outs.add(batch.output(i));
        }
        return Psbt.of(tx, ins, outs);
    }

    private static String masterFingerprint() {
        return String.format("%08x", MERCHANT_MASTER.getFingerprint());
    }

    /** Payout event type -> the payoutState of each, for this class's payout. */
    private static Map<String, List<String>> payoutEvents() {
        return shop.requests("/shop").stream().map(r -> Json.createReader(new StringReader(r.bodyText())).readObject())
                .filter(e -> payoutId.equals(e.getString("payoutId", null)))
                .collect(Collectors.groupingBy(e -> e.getString("type"), Collectors.mapping(e -> e.getString("payoutState"),
                        Collectors.toList())));
    }

    private static void submit(Browser browser, String destination, String amount) {
        browser.find("#destination").clear();
        browser.find("#destination").sendKeys(destination);
        browser.find("#amount").clear();
        browser.find("#amount").sendKeys(amount);
        String before = browser.driver().getPageSource();
        browser.find("#claim-button").click();
        browser.await(WAIT, d -> !d.getPageSource().equals(before) && !d.findElements(org.openqa.selenium.By.id("claim")).isEmpty());
    }

    /**
     * A refund of a 5 USD invoice paid at 50,000 USD/BTC (the test servers' fixed rate): CurrentRate is BTCPay's
     * "crypto at today's rate", in BTC and approved at once, not an amount in the invoice's currency; Fiat is that.
     */
    @Test
    @Order(8)
    void currentRateRefundsTheValuePaidInCryptoAtTodaysRate() {
        String usd = api.createInvoice(storeId, "{\"amount\":\"5\",\"currency\":\"USD\"}").getString("id");
        JsonObject prompt = api.get("/api/v1/stores/" + storeId + "/invoices/" + usd + "/payment-methods").expect(200)
                .array().getJsonObject(0);
        assertEquals("0.0001", new BigDecimal(prompt.getString("amount")).stripTrailingZeros().toPlainString());
        node.send(MINER, prompt.getString("destination"), new BigDecimal("0.0001"));
        node.mine(1);
        awaitTrue(() -> "Settled".equals(api.get("/api/v1/stores/" + storeId + "/invoices/" + usd).expect(200).object()
                .getString("status")), "USD invoice settled");
        String path = "/api/v1/invoices/" + usd + "/refund";
        assertEquals("0.0001 BTC true", refunded(path, "{\"refundVariant\":\"CurrentRate\"}"));
        assertEquals("5 USD false", refunded(path, "{\"refundVariant\":\"Fiat\"}"));
        assertEquals("4.5 USD false", refunded(path, "{\"refundVariant\":\"Fiat\",\"subtractPercentage\":\"10\"}"));
        assertEquals("0.00009 BTC true", refunded(path, "{\"refundVariant\":\"CurrentRate\",\"subtractPercentage\":\"10\"}"));
    }

    /** Refunds with {@code body}, both request and answer checked against BTCPay's documents: "amount currency autoApproveClaims". */
    private static String refunded(String path, String body) {
        assertEquals(List.of(), GreenfieldContract.get().requestViolations("POST", path, body));
        ApiResponse r = api.post(path, body).expect(200);
        GreenfieldContract.get().assertValid("POST", path, 200, r.body());
        JsonObject pp = r.object();
        return new BigDecimal(pp.getString("amount")).stripTrailingZeros().toPlainString() + " " + pp.getString("currency")
                + " " + pp.getBoolean("autoApproveClaims");
    }

    private static JsonObject invoice() {
        return api.get("/api/v1/stores/" + storeId + "/invoices/" + invoiceId).expect(200).object();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}

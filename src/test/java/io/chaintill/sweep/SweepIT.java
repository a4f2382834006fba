package io.chaintill.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ethereum.EthereumTestWallets;
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
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;

/**
 * The sweep tool end to end: a real anvil, the packaged server (ServerProcess) tracking three paid ether invoices
 * and three paid token invoices, and the REAL command line ({@code java -jar target/chaintill.jar sweep ...}) run
 * as a process with the mnemonic on stdin. Every claim is checked by balances on the node. The payouts tool
 * ({@code java -jar target/chaintill.jar payouts ...}) and the server's payout chain watcher run on the same node
 * and server: refunds paid by the tool (ether and token), a crashed run, a payout paid by hand and a reorg.
 *
 * <p>The merchant wallet is a fresh random mnemonic per run, not anvil's "test ... junk": that mnemonic's first
 * ten addresses are anvil's funded dev accounts, which the store would hand out as deposit addresses (their
 * 10000 ETH would look like payments and be swept). Derivation against anvil's known accounts is unit-tested
 * (SweepWalletTest).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(TestEnvironment.SINGLE_DATABASE) // a client-side tool; the addresses endpoint runs on both databases in BitcoinTrackingIT
class SweepIT {
    private static final long CHAIN_ID = 1337;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final BigInteger TST = BigInteger.TEN.pow(6);
    private static final int GAS_INDEX = 1_000_000;
    private static final List<String> ETHER_PAID = List.of("0.5", "0.25", "0.125");
    private static final List<String> TOKENS_PAID = List.of("10", "20.5", "30.000001");

    private static AnvilNode node;
    private static ServerProcess server;
    private static ApiClient api;
    private static String mnemonic;
    private static String token;
    private static String etherStore;
    private static String tokenStore;
    private static final List<String> etherDeposits = new ArrayList<>();
    private static final List<JsonObject> etherInvoices = new ArrayList<>();
    private static final List<String> tokenDeposits = new ArrayList<>();
    private static String tokenInvoice;

    @BeforeAll
    static void start() throws Exception {
        // "mvn test -Dtest='Sweep*'" (the unit tests) matches this class too: it needs the jar that
        // "mvn verify" packages first, so it runs under failsafe only (which sets CHAINTILL_IT_DB)
        Assumptions.assumeTrue(System.getenv("CHAINTILL_IT_DB") != null,
                "SweepIT runs under failsafe (mvn verify -Dit.test=SweepIT), after the jar is packaged");
        byte[] entropy = new byte[16];
        new SecureRandom().nextBytes(entropy);
        mnemonic = MnemonicUtils.generateMnemonic(entropy);
        String xpub = EthereumTestWallets.accountXpub(mnemonic);

        node = AnvilNode.start(CHAIN_ID);
        token = node.deployTestToken("Sweep test token", "TST", TST.multiply(BigInteger.valueOf(1_000_000)));
        Map<String, String> env = new HashMap<>(Map.of(
                "CHAINTILL_ETH_RPC_URL", node.rpcUrl(),
                "CHAINTILL_ETH_CHAIN_ID", String.valueOf(CHAIN_ID),
                "CHAINTILL_ETH_TOKENS", "TST:" + token + ":6",
                "CHAINTILL_JOBS_CHAIN_INTERVAL_MS", "1000"));
        if ("h2".equals(TestEnvironment.db())) {
            env.put("CHAINTILL_DATA_DIR", Files.createTempDirectory("chaintill-sweep-").toString());
        }
        server = ServerProcess.start(env);
        api = server.api().admin().newKey("unrestricted");
        etherStore = store("Ether shop", "ETH-CHAIN", xpub);
        tokenStore = store("Token shop", "TST-ERC20", xpub);

        for (String amount : ETHER_PAID) {
            JsonObject invoice = invoice(etherStore, amount, "ETH");
            etherInvoices.add(invoice);
            etherDeposits.add(address(invoice));
            node.waitForReceipt(node.sendEther(1, address(invoice), units(amount, ETHER)));
            awaitPaid(invoice, amount);
        }
        for (String amount : TOKENS_PAID) {
            JsonObject invoice = invoice(tokenStore, amount, "TST");
            tokenDeposits.add(address(invoice));
            tokenInvoice = invoice.getString("id");
            node.waitForReceipt(node.tokenTransfer(token, 0, address(invoice), units(amount, TST)));
            awaitPaid(invoice, amount);
        }
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
    void theServerListsThePaidDepositAddressesWithWhatTheyReceived() {
        JsonArray listed = api.get("/api/v1/stores/" + etherStore + "/payment-methods/ETH-CHAIN/addresses").expect(200).array();
        assertEquals(3, listed.size());
        for (int i = 0; i < 3; i++) {
            JsonObject a = listed.getJsonObject(i);
            assertEquals(etherDeposits.get(i), a.getString("address"));
            assertEquals(ETHER_PAID.get(i), a.getString("received"));
            assertEquals(etherDeposits.get(i), WalletSecret.parse(mnemonic, "").address(a.getInt("index")),
                    "index i of the merchant's own wallet");
        }
        JsonArray tokens = api.get("/api/v1/stores/" + tokenStore + "/payment-methods/TST-ERC20/addresses").expect(200).array();
        assertEquals(TOKENS_PAID, tokens.getValuesAs(JsonObject.class).stream().map(a -> a.getString("received")).toList());
    }

    @Test
    @Order(1)
    void aMnemonicAsArgumentIsRefusedAndNotPrinted() throws Exception {
        List<String> args = etherArgs(fresh());
        args.addAll(List.of(mnemonic.split(" ")));
        SweepRun run = sweep(args, "");
        assertEquals(2, run.code, run.output);
        assertTrue(run.output.contains("pass it on stdin or with --secret-file"), run.output);
        assertFalse(run.output.contains(mnemonic.split(" ")[0] + " " + mnemonic.split(" ")[1]), "no echo");
    }

    @Test
    @Order(2)
    void aDepositAddressAsDestinationIsRefused() throws Exception {
        SweepRun run = sweep(etherArgs(etherDeposits.get(1)), mnemonic);
        assertEquals(2, run.code, run.output);
        assertTrue(run.output.contains("--to: " + etherDeposits.get(1) + " is the store's own deposit address"), run.output);
    }

    @Test
    @Order(3)
    void anotherWalletIsRefused() throws Exception {
        SweepRun run = sweep(etherArgs(fresh()), EthereumTestWallets.ABANDON_MNEMONIC);
        assertEquals(2, run.code, run.output);
        assertTrue(run.output.contains("wrong wallet"), run.output);
    }

    @Test
    @Order(3)
    void aNodeOnAnotherChainIsRefused() throws Exception {
        try (AnvilNode other = AnvilNode.start(31_337)) {
            List<String> args = etherArgs(fresh());
            args.set(args.indexOf(node.rpcUrl()), other.rpcUrl());
            args.add("--execute");
            SweepRun run = sweep(args, mnemonic);
            assertEquals(2, run.code, run.output);
            assertTrue(run.output.contains("runs chain 31337 but the store's payments are on chain 1337"), run.output);
        }
        assertTrue(etherDeposits.stream().allMatch(a -> node.balance(a).signum() > 0), "nothing was sent");
    }

    @Test
    @Order(4)
    void etherDryRunChangesNoBalance() throws Exception {
        String to = fresh();
        List<BigInteger> before = etherDeposits.stream().map(node::balance).toList();
        SweepRun run = sweep(etherArgs(to), mnemonic);
        assertEquals(0, run.code, run.output);
        assertTrue(line(run.output, "total to " + to + ": ").endsWith(" ETH in 3 transactions"), run.output);
        assertTrue(run.output.contains("dry run: nothing was signed or sent"), run.output);
        assertEquals(before, etherDeposits.stream().map(node::balance).toList());
        assertEquals(BigInteger.ZERO, node.balance(to));
    }

    @Test
    @Order(5)
    void etherSweepEmptiesEveryDepositAddressToExactlyZero() throws Exception {
        String to = fresh();
        BigInteger held = etherDeposits.stream().map(node::balance).reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(units("0.875", ETHER), held);
        List<String> args = etherArgs(to);
        args.add("--execute");
        SweepRun run = sweep(args, mnemonic);
        assertEquals(0, run.code, run.output);
        for (String deposit : etherDeposits) {
            assertEquals(BigInteger.ZERO, node.balance(deposit), deposit + " swept to exactly 0\n" + run.output);
        }
        BigInteger fees = units(line(run.output, "total fees: ").replace(" ETH", ""), ETHER);
        assertEquals(held.subtract(fees), node.balance(to), "destination = all the ether minus the three fees");
        assertEquals(3, run.output.lines().filter(l -> l.contains(": sent ") && l.contains(" in 0x")).count(), run.output);

        // money leaving a paid address is the merchant's business: the invoices keep their payments
        node.mine(3);
        sleepFollowerPasses();
        for (int i = 0; i < etherInvoices.size(); i++) {
            JsonObject p = prompt(etherInvoices.get(i));
            assertEquals(ETHER_PAID.get(i), p.getString("paymentMethodPaid"), "still paid after the sweep");
            assertFalse("Invalid".equals(api.get("/api/v1/stores/" + etherStore + "/invoices/"
                    + etherInvoices.get(i).getString("id")).expect(200).object().getString("status")));
        }
    }

    @Test
    @Order(6)
    void aTokenSweepNeedsAGasAccount() throws Exception {
        SweepRun run = sweep(tokenArgs(fresh(), null), mnemonic);
        assertEquals(2, run.code, run.output);
        assertTrue(run.output.contains("--gas-from-index is required for a token sweep"), run.output);
    }

    @Test
    @Order(7)
    void tokenSweepTopsUpGasAndMovesEveryToken() throws Exception {
        String gasAccount = WalletSecret.parse(mnemonic, "").address(GAS_INDEX);
        node.waitForReceipt(node.sendEther(2, gasAccount, ETHER));
        String to = fresh();
        BigInteger held = tokenDeposits.stream().map(a -> node.tokenBalance(token, a)).reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(units("60.500001", TST), held);

        SweepRun dry = sweep(tokenArgs(to, GAS_INDEX), mnemonic);
        assertEquals(0, dry.code, dry.output);
        assertTrue(dry.output.contains("total to " + to + ": 60.500001 TST in 3 transactions"), dry.output);
        assertTrue(dry.output.contains("in 3 transactions from the gas account (index " + GAS_INDEX), dry.output);
        assertEquals(ETHER, node.balance(gasAccount), "the dry run sent nothing");
        assertEquals(BigInteger.ZERO, node.tokenBalance(token, to));

        List<String> args = tokenArgs(to, GAS_INDEX);
        args.add("--execute");
        SweepRun run = sweep(args, mnemonic);
        assertEquals(0, run.code, run.output);
        for (String deposit : tokenDeposits) {
            assertEquals(BigInteger.ZERO, node.tokenBalance(token, deposit), deposit + " holds no token\n" + run.output);
        }
        assertEquals(held, node.tokenBalance(token, to), "the destination holds every token");
        BigInteger topUps = units(line(run.output, "top-ups: ").split(" ")[0], ETHER);
        assertTrue(node.balance(gasAccount).compareTo(ETHER.subtract(topUps)) < 0, "the gas account paid top-ups and fees");
        assertEquals(3, run.output.lines().filter(l -> l.startsWith("top-up of index")).count(), run.output);
    }

    // ---- payouts: the offline payout tool and the server's chain watcher ----

    private static final int PAYER_INDEX = 500_000;
    private static final String REFUND = "0.1";
    private static String payoutMnemonic;
    private static String refundStore;
    private static String refundInvoice;
    private static WebhookReceiver shop;
    private static String webhookSecret;
    private static Path journal;
    private static String refundPayout;
    private static String buyer;
    private static BigInteger buyerBefore;

    /** A second wallet and store (MediumSpeed: 2 confirmations on this chain), a paid invoice and a webhook. */
    private static void refundShop() throws Exception {
        if (refundStore != null) {
            return;
        }
        byte[] entropy = new byte[16];
        new SecureRandom().nextBytes(entropy);
        payoutMnemonic = MnemonicUtils.generateMnemonic(entropy);
        refundStore = api.post("/api/v1/stores", "{\"name\":\"Refund shop\",\"defaultCurrency\":\"USD\","
                + "\"speedPolicy\":\"MediumSpeed\"}").expect(200).object().getString("id");
        api.put("/api/v1/stores/" + refundStore + "/payment-methods/ETH-CHAIN", "{\"enabled\":true,\"config\":\""
                + EthereumTestWallets.accountXpub(payoutMnemonic) + "\"}").expect(200);
        shop = WebhookReceiver.start();
        webhookSecret = api.addWebhook(refundStore, shop.url("/refunds")).object().getString("secret");
        JsonObject invoice = invoice(refundStore, "0.3", "ETH");
        refundInvoice = invoice.getString("id");
        node.waitForReceipt(node.sendEther(1, address(invoice), units("0.3", ETHER)));
        awaitTrue(() -> "Settled".equals(api.get("/api/v1/stores/" + refundStore + "/invoices/" + refundInvoice)
                .expect(200).object().getString("status")), "the refunded invoice settled");
        // the merchant's paying address: index 500000 of the store's wallet, funded from a dev account
        node.waitForReceipt(node.sendEther(3, WalletSecret.parse(payoutMnemonic, "").address(PAYER_INDEX), ETHER));
        journal = Files.createTempDirectory("chaintill-payouts-").resolve("payouts.journal");
    }

    /** A refund of {@code amount} ETH, claimed by {@code destination} and approved: AwaitingPayment. */
    private static String approvedRefund(String amount, String destination) {
        return approvedRefund(refundStore, refundInvoice, "ETH-CHAIN", "ETH", amount, destination);
    }

    private static String approvedRefund(String store, String invoiceId, String method, String currency, String amount,
                                         String destination) {
        JsonObject pp = api.post("/api/v1/stores/" + store + "/invoices/" + invoiceId + "/refund",
                "{\"refundVariant\":\"Custom\",\"customAmount\":\"" + amount + "\",\"customCurrency\":\"" + currency
                        + "\",\"payoutMethods\":[\"" + method + "\"]}").expect(200).object();
        String id = api.anonymous().post("/api/v1/pull-payments/" + pp.getString("id") + "/payouts",
                "{\"destination\":\"" + destination + "\",\"payoutMethodId\":\"" + method + "\"}").expect(200).object()
                .getString("id");
        if ("AwaitingApproval".equals(payout(store, id).getString("state"))) {
            api.post("/api/v1/payouts/" + id, "{}").expect(200);
        }
        assertEquals("AwaitingPayment", payout(store, id).getString("state"));
        assertEquals(amount, payout(store, id).getString("payoutAmount"));
        return id;
    }

    @Test
    @Order(13)
    void aTokenPayoutIsPaidByThePayoutToolAsAnErc20TransferAndConfirmed() throws Exception {
        String destination = fresh();
        String id = approvedRefund(tokenStore, tokenInvoice, "TST-ERC20", "TST", "5.25", destination);
        String payer = WalletSecret.parse(mnemonic, "").address(PAYER_INDEX);
        node.waitForReceipt(node.tokenTransfer(token, 0, payer, units("6", TST)));
        node.waitForReceipt(node.sendEther(2, payer, units("0.1", ETHER)));
        List<String> args = new ArrayList<>(List.of("--server", server.baseUrl(), "--store", tokenStore,
                "--method", "TST-ERC20", "--rpc", node.rpcUrl(), "--from-index", String.valueOf(PAYER_INDEX),
                "--journal", Files.createTempDirectory("chaintill-token-payouts-").resolve("j").toString(), "--execute"));
        SweepRun run = tool("payouts", args, mnemonic);
        assertEquals(0, run.code, run.output);
        assertTrue(run.output.contains("payout " + id + ": 5.25 TST to "), run.output);
        assertEquals(units("5.25", TST), node.tokenBalance(token, destination), "exactly the payout");
        assertEquals(units("0.75", TST), node.tokenBalance(token, payer));
        awaitTrue(() -> "InProgress".equals(payout(tokenStore, id).getString("state")), "InProgress after one block");
        node.mine(1);
        awaitTrue(() -> "Completed".equals(payout(tokenStore, id).getString("state")), "Completed after two");
    }

    @Test
    @Order(10)
    void anEtherRefundIsPaidByThePayoutToolAndConfirmedWithSignedWebhooks() throws Exception {
        refundShop();
        buyer = node.devAccount(5);
        buyerBefore = node.balance(buyer);
        refundPayout = approvedRefund(REFUND, buyer);

        SweepRun dry = tool("payouts", payoutArgs(false), payoutMnemonic);
        assertEquals(0, dry.code, dry.output);
        assertTrue(dry.output.contains("payout " + refundPayout + ": " + REFUND + " ETH to "
                + payout(refundPayout).getString("destination") + ", fee "), dry.output);
        assertTrue(dry.output.contains("dry run: nothing was signed or sent"), dry.output);
        assertEquals(buyerBefore, node.balance(buyer), "the dry run sent nothing");
        assertEquals("AwaitingPayment", payout(refundPayout).getString("state"));

        SweepRun run = tool("payouts", payoutArgs(true), payoutMnemonic);
        assertEquals(0, run.code, run.output);
        String hash = line(run.output, "payout " + refundPayout + ": paid in ").split(" ")[0];
        assertEquals(buyerBefore.add(units(REFUND, ETHER)), node.balance(buyer), "the buyer received exactly the refund");
        // mined in one block: MediumSpeed wants two
        awaitTrue(() -> "InProgress".equals(payout(refundPayout).getString("state")), "InProgress after the tool paid");
        assertEquals(hash, payout(refundPayout).getJsonObject("paymentProof").getString("transactionId"));
        sleepFollowerPasses();
        assertEquals("InProgress", payout(refundPayout).getString("state"), "one confirmation is not enough");
        node.mine(1);
        awaitTrue(() -> "Completed".equals(payout(refundPayout).getString("state")), "Completed after 2 confirmations");

        awaitTrue(() -> payoutStates(refundPayout, "PayoutUpdated").containsAll(List.of("InProgress", "Completed")),
                "PayoutUpdated webhooks InProgress and Completed");
        WebhookSigner signer = new WebhookSigner();
        for (WebhookReceiver.Request r : shop.requests("/refunds")) {
            WebhookSchemas.assertValid(r.bodyText());
            assertEquals(signer.btcpaySig(webhookSecret, r.body()), r.header(WebhookSigner.BTCPAY_SIG_HEADER));
        }
        // webhook deliveries are not ordered: the states, each once
        assertEquals(List.of("Completed", "InProgress"),
                payoutStates(refundPayout, "PayoutUpdated").stream().sorted().toList());
    }

    @Test
    @Order(11)
    void rerunningThePayoutToolPaysNothingTwiceAndAnotherProofIsRefused() throws Exception {
        Assumptions.assumeTrue(refundPayout != null);
        SweepRun again = tool("payouts", payoutArgs(true), payoutMnemonic);
        assertEquals(0, again.code, again.output);
        assertTrue(again.output.contains("payout " + refundPayout + ": skipped, Completed (paid by 0x"), again.output);
        assertTrue(again.output.contains("done: 0 payouts paid"), again.output);
        assertEquals(buyerBefore.add(units(REFUND, ETHER)), node.balance(buyer), "paid once");
        String proof = payout(refundPayout).getJsonObject("paymentProof").getString("transactionId");
        String mark = "/api/v1/payouts/" + refundPayout + "/mark";
        assertTrue(api.post(mark, "{\"state\":\"Completed\",\"paymentProof\":{\"transactionId\":\"0x"
                + "ab".repeat(32) + "\"}}").expect(400).body().contains("payout-already-paid"));
        api.post(mark, "{\"state\":\"Completed\",\"paymentProof\":{\"transactionId\":\"" + proof + "\"}}")
                .expect(400); // Completed is final: not marked twice
        assertEquals(proof, payout(refundPayout).getJsonObject("paymentProof").getString("transactionId"));

        // a crash after the broadcast, before the proof reached the server: the next run does not pay again
        String second = fresh();
        String id = approvedRefund("0.05", second);
        String hash;
        node.setAutomine(false);
        try {
            Process crashed = startTool("payouts", payoutArgs(true), payoutMnemonic);
            awaitTrue(() -> pendingTransactions() > 0, "the tool broadcast its transaction");
            crashed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            hash = Files.readAllLines(journal).stream().filter(l -> l.startsWith(id + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("journaled before the broadcast")).split(" ")[1];
            // the server sees it pending; then the node forgets it: neither mined nor pending, it awaits payment again
            awaitTrue(() -> "InProgress".equals(payout(id).getString("state")), "the pending payment seen");
            node.call("anvil_dropTransaction", List.of(hash));
            awaitTrue(() -> "AwaitingPayment".equals(payout(id).getString("state")), "the vanished payment dropped");
        } finally {
            node.setAutomine(true);
        }
        // the next run finds it in the journal and sends that same signed transaction, not a second payment
        SweepRun rerun = tool("payouts", payoutArgs(true), payoutMnemonic);
        assertEquals(0, rerun.code, rerun.output);
        assertTrue(rerun.output.contains("payout " + id + ": sent before in " + hash + " (journal)"), rerun.output);
        assertTrue(rerun.output.contains("payout " + id + ": journaled transaction " + hash + " sent again"), rerun.output);
        assertTrue(rerun.output.contains("payout " + id + ": paid in " + hash), rerun.output);
        node.mine(1);
        awaitTrue(() -> "Completed".equals(payout(id).getString("state")), "the crashed run's payment completes it");
        assertEquals(hash, payout(id).getJsonObject("paymentProof").getString("transactionId"));
        assertEquals(units("0.05", ETHER), node.balance(second), "paid exactly once");
    }

    @Test
    @Order(12)
    void aPayoutPaidByHandFromAnotherAccountIsRecognisedAReorgUndoesItAndItCompletes() throws Exception {
        refundShop();
        String destination = fresh();
        String id = approvedRefund("0.02", destination);
        String tx = node.sendEther(4, destination, units("0.02", ETHER));
        node.waitForReceipt(tx);
        awaitTrue(() -> "InProgress".equals(payout(id).getString("state")), "InProgress when the hand payment is mined");
        assertEquals(tx, payout(id).getJsonObject("paymentProof").getString("transactionId"));

        node.reorg(1); // the block with the payment is replaced by an empty one: the transaction is gone
        awaitTrue(() -> "AwaitingPayment".equals(payout(id).getString("state")), "back to AwaitingPayment after the reorg");
        assertFalse(payout(id).containsKey("paymentProof"), payout(id).toString());

        // a wrong amount pays nothing of it
        node.waitForReceipt(node.sendEther(4, destination, units("0.01", ETHER)));
        sleepFollowerPasses();
        assertEquals("AwaitingPayment", payout(id).getString("state"));

        String again = node.sendEther(4, destination, units("0.02", ETHER));
        node.waitForReceipt(again);
        awaitTrue(() -> "InProgress".equals(payout(id).getString("state")), "InProgress again");
        node.mine(1);
        awaitTrue(() -> "Completed".equals(payout(id).getString("state")), "Completed after 2 confirmations");
        assertEquals(again, payout(id).getJsonObject("paymentProof").getString("transactionId"));
        assertEquals(List.of("AwaitingPayment", "Completed", "InProgress", "InProgress"),
                awaitStates(id, 4).stream().sorted().toList(), "seen, dropped by the reorg, seen again, confirmed");
    }

    private static List<String> awaitStates(String payoutId, int count) {
        awaitTrue(() -> payoutStates(payoutId, "PayoutUpdated").size() >= count, count + " PayoutUpdated webhooks");
        return payoutStates(payoutId, "PayoutUpdated");
    }

    private static List<String> payoutStates(String payoutId, String type) {
        return shop.requests("/refunds").stream().map(r -> Json.createReader(new StringReader(r.bodyText())).readObject())
                .filter(e -> payoutId.equals(e.getString("payoutId", null)) && type.equals(e.getString("type")))
                .map(e -> e.getString("payoutState")).toList();
    }

    private static int pendingTransactions() {
        Object status = node.call("txpool_status", List.of());
        String pending = String.valueOf(((Map<?, ?>) status).get("pending"));
        return pending.startsWith("0x") ? Integer.parseInt(pending.substring(2), 16) : Integer.parseInt(pending);
    }

    private static JsonObject payout(String id) {
        return payout(refundStore, id);
    }

    private static JsonObject payout(String store, String id) {
        return api.get("/api/v1/stores/" + store + "/payouts/" + id).expect(200).object();
    }

    private static List<String> payoutArgs(boolean execute) {
        List<String> args = new ArrayList<>(List.of("--server", server.baseUrl(), "--store", refundStore,
                "--method", "ETH-CHAIN", "--rpc", node.rpcUrl(), "--from-index", String.valueOf(PAYER_INDEX),
                "--journal", journal.toString()));
        if (execute) {
            args.add("--execute");
        }
        return args;
    }

    // ---- helpers ----

    private static SweepRun sweep(List<String> args, String stdin) throws IOException, InterruptedException {
        return SweepRun.of(api.apiKey(), args, stdin);
    }

    private static Process startTool(String command, List<String> args, String stdin) throws IOException {
        return SweepRun.start(api.apiKey(), command, args, stdin);
    }

    private static SweepRun tool(String command, List<String> args, String stdin) throws IOException, InterruptedException {
        return SweepRun.of(api.apiKey(), command, args, stdin);
    }

    private static List<String> etherArgs(String to) {
        return new ArrayList<>(List.of("--server", server.baseUrl(), "--store", etherStore, "--method", "ETH-CHAIN",
                "--to", to, "--rpc", node.rpcUrl()));
    }

    private static List<String> tokenArgs(String to, Integer gasIndex) {
        List<String> args = new ArrayList<>(List.of("--server", server.baseUrl(), "--store", tokenStore,
                "--method", "TST-ERC20", "--to", to, "--rpc", node.rpcUrl()));
        if (gasIndex != null) {
            args.addAll(List.of("--gas-from-index", String.valueOf(gasIndex)));
        }
        return args;
    }

    /** A new checksummed address nobody holds a key for in this test: a clean destination. */
    private static String fresh() {
        byte[] bytes = new byte[20];
        new SecureRandom().nextBytes(bytes);
        return Keys.toChecksumAddress(org.web3j.utils.Numeric.toHexString(bytes));
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in\n" + output)).substring(prefix.length());
    }

    private static String store(String name, String method, String xpub) {
        String id = api.post("/api/v1/stores", "{\"name\":\"" + name + "\",\"defaultCurrency\":\"USD\"}")
                .expect(200).object().getString("id");
        api.put("/api/v1/stores/" + id + "/payment-methods/" + method, "{\"enabled\":true,\"config\":\"" + xpub + "\"}")
                .expect(200);
        return id;
    }

    private static JsonObject invoice(String store, String amount, String currency) {
        JsonObject created = api.createInvoice(store, "{\"amount\":\"" + amount + "\",\"currency\":\"" + currency
                + "\",\"checkout\":{\"speedPolicy\":\"HighSpeed\",\"expirationMinutes\":60}}");
        return Json.createObjectBuilder(created).add("storeId", store).build();
    }

    private static JsonObject prompt(JsonObject invoice) {
        return api.get("/api/v1/stores/" + invoice.getString("storeId") + "/invoices/" + invoice.getString("id")
                + "/payment-methods").expect(200).array().getJsonObject(0);
    }

    private static String address(JsonObject invoice) {
        return prompt(invoice).getString("destination");
    }

    private static void awaitPaid(JsonObject invoice, String amount) {
        awaitTrue(() -> amount.equals(prompt(invoice).getString("paymentMethodPaid")),
                "invoice " + invoice.getString("id") + " paid " + amount);
    }

    /** Enough time for the follower (1 s interval) to scan the new blocks and reconcile balances. */
    private static void sleepFollowerPasses() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger units(String amount, BigInteger one) {
        return new BigDecimal(amount).multiply(new BigDecimal(one)).toBigIntegerExact();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not within " + WAIT + ": " + what);
    }
}

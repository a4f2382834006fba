package io.chaintill.chain.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ethereum.EthereumTestWallets;
import io.chaintill.support.AnvilNode;
import io.chaintill.support.ApiClient;
import io.chaintill.support.Await;
import io.chaintill.support.BitcoindRegtest;
import io.chaintill.support.Browser;
import io.chaintill.support.DashboardLogin;
import io.chaintill.support.LyingRpcProxy;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.TestEnvironment;
import io.chaintill.support.WebhookReceiver;
import io.chaintill.support.WebhookSchemas;
import io.chaintill.webhook.WebhookSigner;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Chain integrity end to end with two real regtest nodes of this class's own, connected over P2P: the server follows
 * the primary and has the other as its witness. A private fork that only the primary sees pays an invoice: it is
 * held (not Settled, no InvoiceSettled) with a divergence alert while the witness disagrees; when the honest chain
 * wins and confirms the payment, exactly one InvoiceSettled arrives and the alert clears. A witness cut off lags;
 * a chain without blocks for longer than the (short, configured) bound stalls. The server reads the primary through
 * a proxy that can forge a block without its proof of work (invalid header, nothing settled from it). Killed, the
 * primary is replaced by the witness (failover) until it is back. Ethereum has two anvils, the primary forked from
 * the witness: stopped, the primary is replaced by the witness for ether and tokens until it is back; diverged, the
 * two hold an ether and a token payment until the primary rejoins the witness's chain. Every raise and clear reaches
 * the store's webhooks once, signed and valid; /api/v1/health says DEGRADED meanwhile, and the checkout page
 * "confirmation delayed".
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChainIntegrityIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MINER = BitcoindRegtest.MINER_WALLET;
    private static final int STALL_SECONDS = 30;

    private static final BigInteger USDT = BigInteger.valueOf(1_000_000);

    /** Ethereum: the server follows {@code ethereum} with {@code ethereumWitness}, forked from it at the start. */
    private static AnvilNode ethereum;
    private static AnvilNode ethereumWitness;
    private static String token;
    private static String etherStore;
    private static String tokenStore;
    private static BitcoindRegtest primary;
    private static BitcoindRegtest witness;
    /** The server reads the primary through it: honest until a test makes it forge a block. */
    private static LyingRpcProxy proxy;
    private static ServerProcess server;
    private static ApiClient api;
    private static String storeId;
    private static WebhookReceiver shop;
    /** The store's webhooks by receiver path: one for everything, one for ChainAlert only, one without it. */
    private static final Map<String, String> SECRETS = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "integrity-nodes-");
        primary = BitcoindRegtest.start(dir.resolve("primary"), BitcoindRegtest.freePort(), BitcoindRegtest.freePort());
        witness = BitcoindRegtest.start(dir.resolve("witness"), BitcoindRegtest.freePort(), BitcoindRegtest.freePort());
        primary.mine(20);
        connect();
        proxy = LyingRpcProxy.start(primary.rpcUrl());
        // the witness is the origin, so the primary can be stopped and come back (forked from it) on its own
        ethereumWitness = AnvilNode.start(1337);
        token = ethereumWitness.deployTestToken("Tether test", "USDT", USDT.multiply(BigInteger.valueOf(1_000_000)));
        ethereumWitness.setAutomine(false);
        ethereum = AnvilNode.forkOf(ethereumWitness);
        ethereum.setAutomine(false);
        Map<String, String> env = new HashMap<>(Map.of(
                "CHAINTILL_BTC_RPC_URL", proxy.url(),
                "CHAINTILL_BTC_RPC_USER", primary.rpcUser(),
                "CHAINTILL_BTC_RPC_PASSWORD", primary.rpcPassword(),
                "CHAINTILL_BTC_ZMQ_URL", " ",
                "CHAINTILL_BTC_WITNESSES", "bitcoind:" + witness.rpcUrl().replace("http://",
                        "http://" + witness.rpcUser() + ":" + witness.rpcPassword() + "@"),
                "CHAINTILL_BTC_INTEGRITY_STALL_SECONDS", String.valueOf(STALL_SECONDS),
                "CHAINTILL_JOBS_CHAIN_INTERVAL_MS", "1000"));
        env.put("CHAINTILL_ETH_RPC_URL", ethereum.rpcUrl());
        env.put("CHAINTILL_ETH_CHAIN_ID", "1337");
        env.put("CHAINTILL_ETH_TOKENS", "USDT:" + token + ":6");
        env.put("CHAINTILL_ETH_WITNESSES", "ethereum:" + ethereumWitness.rpcUrl());
        env.put("CHAINTILL_ETH_INTEGRITY_FAILOVER", "true");
        // its nodes are its own, so on the shared PostgreSQL its cursors must not meet another class's
        env.putAll(TestEnvironment.ownDatabase("chaintill_integrity_"));
        server = ServerProcess.start(env);
        api = server.api().admin().newKey("unrestricted");
        storeId = api.post("/api/v1/stores", "{\"name\":\"Integrity\",\"defaultCurrency\":\"USD\"}").expect(200)
                .object().getString("id");
        String vpub = TestWallets.pub(TestWallets.account(84, 12), TestWallets.VPUB);
        api.put("/api/v1/stores/" + storeId + "/payment-methods/BTC-CHAIN", "{\"enabled\":true,\"config\":\"" + vpub + "\"}")
                .expect(200);
        shop = WebhookReceiver.start();
        SECRETS.put("/shop", api.addWebhook(storeId, shop.url("/shop")).object().getString("secret"));
        SECRETS.put("/alerts", webhook("/alerts", "ChainAlert"));
        SECRETS.put("/settled", webhook("/settled", "InvoiceSettled"));
        byte[] entropy = new byte[16];
        new java.security.SecureRandom().nextBytes(entropy);
        String ethXpub = EthereumTestWallets.accountXpub(org.web3j.crypto.MnemonicUtils.generateMnemonic(entropy));
        etherStore = ethereumStore("Ether integrity", "ETH-CHAIN", ethXpub);
        tokenStore = ethereumStore("Token integrity", "USDT-ERC20", ethXpub);
        api.addWebhook(etherStore, shop.url("/eth"));
        api.addWebhook(tokenStore, shop.url("/eth"));
    }

    private static String ethereumStore(String name, String method, String xpub) {
        String id = api.post("/api/v1/stores", "{\"name\":\"" + name + "\",\"defaultCurrency\":\"USD\"}").expect(200)
                .object().getString("id");
        api.put("/api/v1/stores/" + id + "/payment-methods/" + method, "{\"enabled\":true,\"config\":\"" + xpub + "\"}")
                .expect(200);
        return id;
    }

    private static String webhook(String path, String event) {
        return api.post("/api/v1/stores/" + storeId + "/webhooks", "{\"url\":\"" + shop.url(path)
                + "\",\"authorizedEvents\":{\"everything\":false,\"specificEvents\":[\"" + event + "\"]}}")
                .expect(200).object().getString("secret");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {server, shop, proxy, primary, witness, ethereum, ethereumWitness}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort: the next resource must still be closed
            }
        }
    }

    @Test
    @Order(1)
    void alertsAreForServerAdminsOnlyAndRefuseABadFilter() {
        ApiClient viewer = server.api().admin().newKey("btcpay.store.canviewinvoices");
        assertEquals(403, viewer.get("/api/v1/chains/alerts").status());
        var bad = api.get("/api/v1/chains/alerts?status=open");
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("status"), bad.body());
        assertEquals(422, api.get("/api/v1/chains/alerts?take=1000").status());
        api.get("/api/v1/chains/alerts").expect(200).array();
    }

    @Test
    @Order(2)
    void aPrivateForkOnThePrimaryHoldsSettlementUntilTheHonestChainConfirmsIt() {
        long since = Instant.now().getEpochSecond() - 1;
        primary.mine(1); // fresh tips: nothing stalled
        awaitSynced();
        JsonObject invoice = api.createInvoice(storeId, "{\"amount\":\"0.001\",\"currency\":\"BTC\","
                + "\"checkout\":{\"speedPolicy\":\"MediumSpeed\",\"expirationMinutes\":60}}");
        String id = invoice.getString("id");
        String address = prompt(id).getString("destination");

        primary.rpc("setnetworkactive", false); // the "controlled node": only it sees what follows
        awaitTrue(() -> primary.rpc("getconnectioncount").toString().equals("0"), "primary cut off");
        String txid = primary.send(MINER, address, new BigDecimal("0.001"));
        List<String> fork = primary.mine(3);
        witness.mine(4);

        JsonObject divergence = awaitAlert("divergence", "raised", since);
        assertTrue(divergence.getJsonArray("sources").getString(0).startsWith("primary bitcoind http://127.0.0.1:"));
        assertTrue(divergence.getJsonArray("sources").getString(1).startsWith("witness bitcoind http://127.0.0.1:"));
        assertFalse(divergence.toString().contains(witness.rpcPassword()), "no credentials in the API");
        awaitTrue(() -> !prompt(id).getJsonArray("payments").isEmpty()
                && !prompt(id).getJsonArray("payments").getJsonObject(0).isNull("heldReason"), "payment held");
        assertDegraded("divergence");
        JsonObject held = prompt(id).getJsonArray("payments").getJsonObject(0);
        assertEquals(txid, held.getString("txid"));
        assertTrue(held.getInt("confirmations") >= 1, held.toString());
        Await.pause(5000); // several passes with the confirmations the policy asks for
        assertEquals("Processing", invoice(id).getString("status"));
        JsonObject checkout = server.api().get("/checkout/" + id + "/status").expect(200).object();
        assertTrue(checkout.getBoolean("confirmationDelayed"), checkout.toString());
        assertTrue(checkout.getString("message").contains("Confirmation delayed"), checkout.toString());
        assertEquals(0, settledWebhooks(id));

        primary.rpc("setnetworkactive", true);
        primary.rpc("addnode", "127.0.0.1:" + witness.p2pPort(), "onetry");
        awaitTrue(() -> primary.bestBlockHash().equals(witness.bestBlockHash()), "primary reorged to the honest chain");
        assertNotEquals(fork.get(2), primary.bestBlockHash());
        awaitTrue(() -> primary.rpc("getrawmempool").toString().contains(txid), "payment back in the mempool");
        primary.mine(1);
        awaitSynced();

        awaitStatus(id, "Settled");
        JsonObject settled = prompt(id).getJsonArray("payments").getJsonObject(0);
        assertEquals(JsonValue.NULL, settled.get("heldReason"));
        awaitAlert("divergence", "cleared", since);
        shop.await(r -> isSettled("/shop", r, id), 1, WAIT);
        Await.pause(4000); // a second one would be on its way by now
        assertEquals(1, settledWebhooks(id));
        assertEquals(1, shop.requests("/settled").stream().filter(r -> isSettled("/settled", r, id)).count());
        assertOneRaiseAndOneClear(divergence, "critical");
        assertTrue(shop.requests("/settled").stream().noneMatch(r -> r.bodyText().contains("\"ChainAlert\"")),
                "a webhook that does not want ChainAlert gets none");
        awaitTrue(() -> "UP".equals(server.api().get("/api/v1/health").expect(200).object().getString("status")),
                "health UP once the alert cleared");
        assertFalse(serverLog().contains(witness.rpcPassword()), "no credentials in the log");
    }

    @Test
    @Order(3)
    void aWitnessCutOffLagsAndClearsWhenItCatchesUp() {
        long since = Instant.now().getEpochSecond() - 1;
        witness.rpc("setnetworkactive", false);
        // setnetworkactive only flags the peers; bitcoind's socket thread drops them a moment later, and a block
        // mined before that still reaches the witness: it is then 2 behind, which lag-blocks 2 allows
        awaitTrue(() -> witness.rpc("getconnectioncount").toString().equals("0"), "witness cut off");
        try {
            primary.mine(3);
            JsonObject lag = awaitAlert("lag", "raised", since);
            assertTrue(lag.getJsonArray("sources").getString(0).startsWith("witness "), lag.toString());
            assertTrue(lag.getString("reason").contains("3 block(s) behind"), lag.toString());
            JsonObject source = assertDegraded("lag").getJsonArray("sources").getJsonObject(1);
            assertEquals("witness 1", source.getString("name"));
            assertTrue(source.getInt("lag") >= 3, source.toString());
            assertTheChainsViewShowsTheLaggingWitness();
            witness.rpc("setnetworkactive", true);
            connect();
            awaitAlert("lag", "cleared", since);
            assertOneRaiseAndOneClear(lag, "warning");
        } finally {
            // a failure here must not leave the witness cut off for the tests after it
            witness.rpc("setnetworkactive", true);
            primary.rpc("addnode", "127.0.0.1:" + witness.p2pPort(), "onetry");
        }
    }

    @Test
    @Order(4)
    void noBlockForLongerThanTheBoundIsAStall() {
        primary.mine(1);
        awaitSynced();
        long since = Instant.now().getEpochSecond() + STALL_SECONDS - 5; // raised by this quiet spell, not an earlier one
        JsonObject stall = awaitAlert("stall", "raised", since, Duration.ofSeconds(STALL_SECONDS + 40));
        assertTrue(stall.getString("reason").contains("no new block"), stall.toString());
        primary.mine(1);
        awaitAlert("stall", "cleared", since);
    }

    @Test
    @Order(5)
    void aPrimaryServingABlockWithoutItsProofOfWorkRaisesInvalidHeaderAndSettlesNothingFromIt() {
        primary.mine(1);
        awaitSynced();
        long since = Instant.now().getEpochSecond() - 1;
        JsonObject invoice = api.createInvoice(storeId, "{\"amount\":\"0.0015\",\"currency\":\"BTC\","
                + "\"checkout\":{\"speedPolicy\":\"MediumSpeed\",\"expirationMinutes\":60}}");
        String id = invoice.getString("id");
        String txid = primary.send(MINER, prompt(id).getString("destination"), new BigDecimal("0.0015"));
        awaitTrue(() -> !prompt(id).getJsonArray("payments").isEmpty(), "payment seen in the mempool");
        String forged;
        proxy.hold(); // the server must hear of the block in its forged form only
        try {
            String real = primary.mine(1).get(0);
            forged = proxy.forge(real, ((jakarta.json.JsonString) primary.rpc("getblockheader", real, false)).getString());
        } finally {
            proxy.release();
        }

        JsonObject invalid = awaitAlert("invalid-header", "raised", since);
        assertEquals(List.of(forged), invalid.getJsonArray("hashes").getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(invalid.getString("reason").contains("does not meet its proof-of-work target"), invalid.toString());
        awaitTrue(() -> {
            JsonObject p = prompt(id).getJsonArray("payments").getJsonObject(0);
            return p.getString("txid").equals(txid) && !p.isNull("heldReason")
                    && p.getString("heldReason").contains("invalid-header");
        }, "payment in the forged block held");
        Await.pause(4000); // several passes with the confirmation MediumSpeed asks for
        assertEquals("Processing", invoice(id).getString("status"), "nothing settled from a forged block");
        assertEquals(0, settledWebhooks(id));

        proxy.stopLying();
        awaitAlert("invalid-header", "cleared", since);
        awaitStatus(id, "Settled");
        assertOneRaiseAndOneClear(invalid, "critical");
    }

    @Test
    @Order(6)
    void aDownPrimaryFailsOverToTheWitnessAndBackWhenItReturns() {
        long since = Instant.now().getEpochSecond() - 1;
        JsonObject invoice = api.createInvoice(storeId, "{\"amount\":\"0.002\",\"currency\":\"BTC\","
                + "\"checkout\":{\"speedPolicy\":\"MediumSpeed\",\"expirationMinutes\":60}}");
        String id = invoice.getString("id");
        String address = prompt(id).getString("destination");
        int rpcPort = java.net.URI.create(primary.rpcUrl()).getPort();
        Path primaryDir = primary.dataDir();
        String password = primary.rpcPassword();
        primary.close();

        JsonObject failover = awaitAlert("failover", "raised", since);
        assertTrue(failover.getJsonArray("sources").getString(1).startsWith("witness bitcoind"), failover.toString());
        witness.mine(101); // the witness's own coins, mined while only it is there
        String txid = witness.send(MINER, address, new BigDecimal("0.002"));
        witness.mine(1);
        awaitTrue(() -> prompt(id).getJsonArray("payments").stream()
                .anyMatch(p -> p.asJsonObject().getString("txid").equals(txid)), "payment found through the witness");
        assertEquals("Processing", invoice(id).getString("status"), "not settled on one source's word");
        assertTrue(assertDegradedSources().getJsonArray("alerts").toString().contains("failover"));

        primary = BitcoindRegtest.start(primaryDir, rpcPort, primary.p2pPort(), 0, password);
        connect();
        awaitAlert("failover", "cleared", since);
        assertTrue(serverLog().contains("answers again; following it"), "back on the primary");
        primary.mine(1);
        awaitSynced();
        awaitStatus(id, "Settled");
        assertOneRaiseAndOneClear(failover, "warning");
    }

    @Test
    @Order(7)
    void aDownEthereumPrimaryFailsOverToTheWitnessForEtherAndTokensAndBackWhenItReturns() {
        long since = Instant.now().getEpochSecond() - 1;
        JsonObject etherInvoice = ethereumInvoice(etherStore, "0.01", "ETH");
        JsonObject tokenInvoice = ethereumInvoice(tokenStore, "5", "USDT");
        int port = ethereum.port();
        ethereum.close();

        JsonObject failover = awaitAlert("ETH", "failover", "raised", since, WAIT);
        assertEquals("primary Ethereum node http://127.0.0.1:" + port + " (ETH-CHAIN)",
                failover.getJsonArray("sources").getString(0), failover.toString());
        assertEquals("witness Ethereum node " + ethereumWitness.rpcUrl() + " (ETH-CHAIN)",
                failover.getJsonArray("sources").getString(1), failover.toString());
        // paid on the only node there is: found only if the follower reads the witness, logs and all
        String etherTx = ethereumWitness.sendEther(5, ethereumPrompt(etherInvoice).getString("destination"),
                new BigInteger("10000000000000000"));
        String tokenTx = ethereumWitness.tokenTransfer(token, 0, ethereumPrompt(tokenInvoice).getString("destination"),
                USDT.multiply(BigInteger.valueOf(5)));
        ethereumWitness.mine(4);
        awaitHeld(etherInvoice, etherTx);
        awaitHeld(tokenInvoice, tokenTx);
        Await.pause(3000); // several passes with the 2 confirmations MediumSpeed asks for
        for (JsonObject invoice : List.of(etherInvoice, tokenInvoice)) {
            assertEquals("Processing", ethereumStatus(invoice), "not settled on one source's word");
        }
        JsonObject eth = server.api().get("/api/v1/health").expect(200).object().getJsonObject("chains").getJsonObject("ETH");
        assertEquals("DEGRADED", eth.getString("status"), "payments are seen: DEGRADED, not DOWN " + eth);
        assertTrue(eth.getJsonArray("alerts").toString().contains("failover"), eth.toString());

        ethereum = AnvilNode.forkOf(ethereumWitness, port); // back at its address, on the chain it missed
        ethereum.setAutomine(false);
        awaitAlert("ETH", "failover", "cleared", since, WAIT);
        assertTrue(serverLog().contains("ETH: Ethereum node http://127.0.0.1:" + port
                + " (ETH-CHAIN) answers again; following it"), "back on the primary");
        for (JsonObject invoice : List.of(etherInvoice, tokenInvoice)) {
            awaitTrue(() -> "Settled".equals(ethereumStatus(invoice)), invoice.getString("currency") + " settled");
        }
        assertOneSettledEach(etherInvoice, tokenInvoice);
        assertOneRaiseAndOneClear(failover, "warning", 1);
    }

    /**
     * Last: the two nodes diverge (each mines its own blocks after the fork), an ether and a token payment on the
     * primary's side are held; then the same two transactions are mined on the witness and the primary rejoins the
     * witness's chain (re-forked from it, like a node reconnected to the honest network): the alert clears and each
     * invoice settles with exactly one InvoiceSettled.
     */
    @Test
    @Order(8)
    void twoEthereumNodesThatDivergeHoldAnEtherAndATokenPaymentUntilTheyAgreeAgain() {
        long since = Instant.now().getEpochSecond() - 1;
        JsonObject etherInvoice = ethereumInvoice(etherStore, "0.01", "ETH");
        JsonObject tokenInvoice = ethereumInvoice(tokenStore, "5", "USDT");
        String etherTx = ethereum.sendEther(1, ethereumPrompt(etherInvoice).getString("destination"),
                new BigInteger("10000000000000000"));
        String tokenTx = ethereum.tokenTransfer(token, 0, ethereumPrompt(tokenInvoice).getString("destination"),
                USDT.multiply(BigInteger.valueOf(5)));
        ethereum.mine(20);
        ethereumWitness.sendEther(3, ethereumWitness.devAccount(4), BigInteger.ONE); // its own blocks, not empty copies
        ethereumWitness.mine(20);

        JsonObject divergence = awaitAlert("ETH", "divergence", "raised", since, WAIT);
        assertTrue(divergence.getJsonArray("sources").getString(1).startsWith("witness ethereum http://127.0.0.1:"),
                divergence.toString());
        for (JsonObject[] paid : List.of(new JsonObject[] {etherInvoice}, new JsonObject[] {tokenInvoice})) {
            JsonObject invoice = paid[0];
            awaitTrue(() -> {
                JsonArray payments = ethereumPrompt(invoice).getJsonArray("payments");
                return !payments.isEmpty() && !payments.getJsonObject(0).isNull("heldReason")
                        && payments.getJsonObject(0).getString("heldReason").contains("chain alert ");
            }, "payment of " + invoice.getString("currency") + " held");
        }
        assertEquals(etherTx, ethereumPrompt(etherInvoice).getJsonArray("payments").getJsonObject(0).getString("txid"));
        assertEquals(tokenTx, ethereumPrompt(tokenInvoice).getJsonArray("payments").getJsonObject(0).getString("txid"));
        Await.pause(4000);
        for (JsonObject invoice : List.of(etherInvoice, tokenInvoice)) {
            assertEquals("Processing", api.get("/api/v1/stores/" + invoice.getString("storeId") + "/invoices/"
                    + invoice.getString("id")).expect(200).object().getString("status"), invoice.toString());
        }
        JsonObject eth = server.api().get("/api/v1/health").expect(200).object().getJsonObject("chains").getJsonObject("ETH");
        assertEquals("DEGRADED", eth.getString("status"), eth.toString());
        assertEquals(0, settledWebhooks("/eth", etherInvoice.getString("id"))
                + settledWebhooks("/eth", tokenInvoice.getString("id")));

        ethereumWitness.sendRawTransaction(ethereum.rawTransaction(etherTx));
        ethereumWitness.sendRawTransaction(ethereum.rawTransaction(tokenTx));
        ethereumWitness.mine(3);
        ethereum.refork(ethereumWitness);
        assertEquals(ethereumWitness.blockHash(ethereumWitness.blockNumber()), ethereum.blockHash(ethereum.blockNumber()));
        awaitAlert("ETH", "divergence", "cleared", since, WAIT);
        for (JsonObject invoice : List.of(etherInvoice, tokenInvoice)) {
            awaitTrue(() -> "Settled".equals(ethereumStatus(invoice)), invoice.getString("currency") + " settled");
            JsonObject payment = ethereumPrompt(invoice).getJsonArray("payments").getJsonObject(0);
            assertEquals(JsonValue.NULL, payment.get("heldReason"), payment.toString());
        }
        assertEquals(etherTx, ethereumPrompt(etherInvoice).getJsonArray("payments").getJsonObject(0).getString("txid"));
        assertEquals(tokenTx, ethereumPrompt(tokenInvoice).getJsonArray("payments").getJsonObject(0).getString("txid"));
        assertOneSettledEach(etherInvoice, tokenInvoice);
        assertOneRaiseAndOneClear(divergence, "critical", 1);
    }

    // --- helpers

    /** In Chromium: the banner names the alert, the Chains view shows BTC DEGRADED and the witness's tip and lag. */
    private static void assertTheChainsViewShowsTheLaggingWitness() {
        try (Browser browser = Browser.forTest(ChainIntegrityIT.class).start()) {
            browser.open(server.baseUrl() + "/dashboard/login");
            DashboardLogin.submit(browser, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD, WAIT);
            browser.await(WAIT, d -> d.findElements(org.openqa.selenium.By.cssSelector("#nav a")).size() > 0);
            browser.script("window.location.hash = arguments[0]", "#/chains");
            String witnessTip = String.valueOf(witness.blockCount());
            // the view redraws itself every 10 s, so it is read in one script call, never via a held element
            browser.await(WAIT, d -> Boolean.TRUE.equals(browser.script(
                    "const r = document.querySelector(\"#chain-source-list tr[data-chain=BTC][data-source='witness 1']\");"
                            + " return !!r && r.dataset.status === 'UP' && r.children[4].textContent === arguments[0]"
                            + " && Number(r.children[5].textContent) >= 3"
                            + " && !!document.querySelector('#chain-list tr[data-chain=BTC][data-status=DEGRADED]')",
                    witnessTip)));
            browser.await(WAIT, d -> String.valueOf(browser.script(
                    "const b = document.getElementById('integrity-banner'); return b ? b.textContent : ''"))
                    .contains("BTC lag: witness bitcoind"));
            browser.screenshot("chains-degraded");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    /** The invoice's payment {@code txid} is found and held by a chain alert. */
    private static void awaitHeld(JsonObject invoice, String txid) {
        awaitTrue(() -> {
            JsonArray payments = ethereumPrompt(invoice).getJsonArray("payments");
            return !payments.isEmpty() && payments.getJsonObject(0).getString("txid").equals(txid)
                    && !payments.getJsonObject(0).isNull("heldReason")
                    && payments.getJsonObject(0).getString("heldReason").contains("chain alert ");
        }, "payment of " + invoice.getString("currency") + " found and held");
    }

    private static String ethereumStatus(JsonObject invoice) {
        return api.get("/api/v1/stores/" + invoice.getString("storeId") + "/invoices/" + invoice.getString("id"))
                .expect(200).object().getString("status");
    }

    /** Exactly one InvoiceSettled reached the stores' webhook for each invoice. */
    private static void assertOneSettledEach(JsonObject... invoices) {
        for (JsonObject invoice : invoices) {
            shop.await(r -> isSettled("/eth", r, invoice.getString("id")), 1, WAIT);
        }
        Await.pause(3000); // a second one would be on its way by now
        for (JsonObject invoice : invoices) {
            assertEquals(1, settledWebhooks("/eth", invoice.getString("id")), invoice.toString());
        }
    }

    private static JsonObject ethereumInvoice(String store, String amount, String currency) {
        JsonObject created = api.createInvoice(store, "{\"amount\":\"" + amount + "\",\"currency\":\"" + currency
                + "\",\"checkout\":{\"speedPolicy\":\"MediumSpeed\",\"expirationMinutes\":60}}");
        return Json.createObjectBuilder(created).add("storeId", store).add("currency", currency).build();
    }

    private static JsonObject ethereumPrompt(JsonObject invoice) {
        return api.get("/api/v1/stores/" + invoice.getString("storeId") + "/invoices/" + invoice.getString("id")
                + "/payment-methods").expect(200).array().getJsonObject(0);
    }

    /** The health report's BTC entry once it is DEGRADED, with the primary down and the witness answering. */
    private static JsonObject assertDegradedSources() {
        JsonObject[] btc = new JsonObject[1];
        awaitTrue(() -> {
            btc[0] = server.api().get("/api/v1/health").expect(200).object().getJsonObject("chains").getJsonObject("BTC");
            JsonArray sources = btc[0].getJsonArray("sources");
            return "DEGRADED".equals(btc[0].getString("status")) && sources.size() == 2
                    && "DOWN".equals(sources.getJsonObject(0).getString("status"))
                    && "UP".equals(sources.getJsonObject(1).getString("status"));
        }, "health DEGRADED: primary DOWN, witness UP");
        return btc[0];
    }

    /**
     * /api/v1/health says DEGRADED (not DOWN) for BTC with the alert, each source's tip and lag, and no address;
     * the load balancer's readiness check still says ready. Returns the BTC entry.
     */
    private static JsonObject assertDegraded(String kind) {
        JsonObject[] btc = new JsonObject[1];
        awaitTrue(() -> {
            JsonObject health = server.api().get("/api/v1/health").expect(200).object();
            btc[0] = health.getJsonObject("chains").getJsonObject("BTC");
            return "DEGRADED".equals(health.getString("status")) && btc[0].getString("status").equals("DEGRADED")
                    && btc[0].getJsonArray("alerts").toString().contains("\"" + kind + "\"");
        }, "health DEGRADED by " + kind);
        JsonArray sources = btc[0].getJsonArray("sources");
        assertEquals(2, sources.size(), btc[0].toString());
        assertEquals("primary", sources.getJsonObject(0).getString("name"));
        assertEquals("bitcoind", sources.getJsonObject(1).getString("kind"));
        for (JsonValue v : sources) {
            assertTrue(v.asJsonObject().getInt("tipHeight") > 20, btc[0].toString());
        }
        assertFalse(btc[0].toString().contains("127.0.0.1"), "no source address in the public health report");
        assertEquals(200, server.api().get("/health/ready").status(), "DEGRADED stays in the load balancer");
        return btc[0];
    }

    /**
     * Exactly one raise and one clear of the alert reached each webhook that wants ChainAlert, signed with its
     * secret and valid against webhooks/schemas/ChainAlert.json.
     */
    private static void assertOneRaiseAndOneClear(JsonObject alert, String severity) {
        assertOneRaiseAndOneClear(alert, severity, 21);
    }

    /** As above; the clear reports a tip of at least {@code minTip}. */
    private static void assertOneRaiseAndOneClear(JsonObject alert, String severity, int minTip) {
        String alertId = alert.getString("id");
        for (String path : List.of("/shop", "/alerts")) {
            shop.await(r -> r.path().equals(path) && r.bodyText().contains(alertId)
                    && r.bodyText().contains("\"cleared\":1"), 1, WAIT);
            Await.pause(3000); // a repeat would be on its way by now
            List<WebhookReceiver.Request> got = shop.requests(path).stream()
                    .filter(r -> r.bodyText().contains("\"alertId\":\"" + alertId + "\"")).toList();
            assertEquals(2, got.size(), path + ": one raise and one clear of " + alertId);
            List<JsonObject> bodies = got.stream()
                    .map(r -> Json.createReader(new StringReader(r.bodyText())).readObject()).toList();
            JsonObject raise = bodies.stream().filter(b -> b.getString("status").equals("raised")).findFirst().orElseThrow();
            JsonObject clear = bodies.stream().filter(b -> b.getString("status").equals("cleared")).findFirst().orElseThrow();
            for (WebhookReceiver.Request r : got) {
                WebhookSchemas.assertDelivered(r.bodyText());
                String header = r.header("ChainTill-Signature");
                long t = Long.parseLong(header.substring(2, header.indexOf(',')));
                assertEquals(new WebhookSigner().chainTillSignature(SECRETS.get(path), r.body(), t), header);
            }
            assertEquals("ChainAlert", raise.getString("type"));
            assertEquals(storeId, raise.getString("storeId"));
            assertEquals(severity, raise.getString("severity"));
            assertEquals("raised", raise.getString("status"));
            assertEquals(alert.getString("kind"), raise.getString("kind"));
            assertEquals("resolved", clear.getString("severity"));
            assertEquals("cleared", clear.getString("status"));
            assertTrue(clear.getInt("tipHeight") >= minTip, clear.toString());
        }
    }

    private static void connect() {
        primary.rpc("addnode", "127.0.0.1:" + witness.p2pPort(), "onetry");
        awaitSynced();
    }

    private static void awaitSynced() {
        awaitTrue(() -> primary.bestBlockHash().equals(witness.bestBlockHash()), "nodes in sync");
    }

    private static JsonObject awaitAlert(String kind, String status, long since) {
        return awaitAlert(kind, status, since, WAIT);
    }

    private static JsonObject awaitAlert(String kind, String status, long since, Duration wait) {
        return awaitAlert("BTC", kind, status, since, wait);
    }

    /** The newest alert of the kind first seen at or after {@code since} (unix seconds), once it has the status. */
    private static JsonObject awaitAlert(String chain, String kind, String status, long since, Duration wait) {
        JsonObject[] found = new JsonObject[1];
        awaitTrue(() -> {
            for (JsonValue v : api.get("/api/v1/chains/alerts").expect(200).array()) {
                JsonObject a = v.asJsonObject();
                if (a.getString("kind").equals(kind) && a.getString("chain").equals(chain)
                        && a.getJsonNumber("firstSeen").longValue() >= since) {
                    found[0] = a;
                    return a.getString("status").equals(status);
                }
            }
            return false;
        }, kind + " alert " + status, wait);
        return found[0];
    }

    private static long settledWebhooks(String invoiceId) {
        return settledWebhooks("/shop", invoiceId);
    }

    private static long settledWebhooks(String path, String invoiceId) {
        return shop.requests(path).stream().filter(r -> isSettled(path, r, invoiceId)).count();
    }

    private static boolean isSettled(String path, WebhookReceiver.Request r, String invoiceId) {
        if (!r.path().equals(path)) {
            return false;
        }
        JsonObject body = Json.createReader(new StringReader(r.bodyText())).readObject();
        return "InvoiceSettled".equals(body.getString("type", "")) && invoiceId.equals(body.getString("invoiceId", ""));
    }

    private static JsonObject invoice(String id) {
        return api.get("/api/v1/stores/" + storeId + "/invoices/" + id).expect(200).object();
    }

    private static JsonObject prompt(String id) {
        return api.get("/api/v1/stores/" + storeId + "/invoices/" + id + "/payment-methods").expect(200)
                .array().getJsonObject(0);
    }

    private static void awaitStatus(String id, String status) {
        awaitTrue(() -> status.equals(invoice(id).getString("status")), "invoice " + id + " " + status);
    }

    private static String serverLog() {
        try {
            return Files.readString(server.log());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        awaitTrue(condition, what, WAIT);
    }

    private static void awaitTrue(BooleanSupplier condition, String what, Duration wait) {
        Await.until(condition, wait, what);
    }
}

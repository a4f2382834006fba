package io.chaintill.chain.ethereum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.AnvilNode;
import io.chaintill.support.Await;
import io.chaintill.support.Browser;
import io.chaintill.support.ApiClient;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.TestEnvironment;
import io.chaintill.support.WebhookReceiver;
import io.chaintill.support.WebhookSchemas;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
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
import org.web3j.crypto.Hash;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.utils.Numeric;
import org.junit.jupiter.api.Tag;

/**
 * Three real anvil nodes at once as Ethereum (chain id 1, configured with the older {@code chaintill.eth.*} keys),
 * Base (8453) and Arbitrum One (42161), each with a USDC test token. Base's USDC is the built-in preset: the test
 * token's code and state are placed at Circle's Base address, so the start check (code, decimals(), symbol()) passes.
 * Arbitrum's USDT preset address holds a token that calls itself USDC, which must be refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(TestEnvironment.SINGLE_DATABASE) // per-chain routing; the EVM tracking queries run on both databases in EthereumTrackingIT
class EvmMultiChainIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final BigInteger USDC = BigInteger.TEN.pow(6);
    private static final String BASE_USDC = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";
    private static final String ARBITRUM_USDT = "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9";

    private static AnvilNode ethereum;
    private static AnvilNode base;
    private static AnvilNode arbitrum;
    private static String ethereumUsdc;
    private static ServerProcess server;
    private static ApiClient api;
    private static WebhookReceiver shop;
    private static String xpub;

    @BeforeAll
    static void start() throws Exception {
        ethereum = AnvilNode.start(1);
        base = AnvilNode.start(8453);
        arbitrum = AnvilNode.start(42161);
        BigInteger supply = USDC.multiply(BigInteger.valueOf(1_000_000));
        ethereumUsdc = ethereum.deployTestToken("USD Coin test", "USDC", supply);
        String ethereumUsdt = ethereum.deployTestToken("Tether test", "USDT", supply);
        placeTokenAt(base, base.deployTestToken("USD Coin test", "USDC", supply), BASE_USDC);
        placeTokenAt(arbitrum, arbitrum.deployTestToken("USD Coin test", "USDC", supply), ARBITRUM_USDT);
        for (AnvilNode n : List.of(ethereum, base, arbitrum)) {
            n.setAutomine(false);
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "CHAINTILL_ETH_RPC_URL", ethereum.rpcUrl(),
                "CHAINTILL_ETH_CHAIN_ID", "1",
                "CHAINTILL_ETH_TOKENS", "USDC:" + ethereumUsdc + ":6,USDT:" + ethereumUsdt + ":6",
                "CHAINTILL_EVM_BASE_RPC_URL", base.rpcUrl(),
                "CHAINTILL_EVM_BASE_CHAIN_ID", "8453",
                "CHAINTILL_EVM_BASE_TOKENS", "USDC@base",
                "CHAINTILL_EVM_BASE_CONFIRMATIONS", "0,3,6,12",
                "CHAINTILL_EVM_ARBITRUM_RPC_URL", arbitrum.rpcUrl(),
                "CHAINTILL_EVM_ARBITRUM_CHAIN_ID", "42161",
                "CHAINTILL_EVM_ARBITRUM_TOKENS", "USDT@arbitrum"));
        env.put("CHAINTILL_JOBS_CHAIN_INTERVAL_MS", "1000");
        // the local rate source: USDC a little under 1 USD, USDT depegged, the euro listed only as EUR_USD
        env.put("CHAINTILL_RATES_PROVIDERS", "fixed");
        env.put("CHAINTILL_RATES_FIXED", "USDC_USD:0.9998,USDT_USD:0.97,EUR_USD:1.08,ETH_USD:2500");
        // its anvils are its own, so on the shared PostgreSQL its ETH cursor must not meet another class's
        env.putAll(TestEnvironment.ownDatabase("chaintill_evm_"));
        byte[] entropy = new byte[16];
        new SecureRandom().nextBytes(entropy);
        xpub = EthereumTestWallets.accountXpub(MnemonicUtils.generateMnemonic(entropy));
        server = ServerProcess.start(env);
        api = server.api().admin().newKey("unrestricted");
        shop = WebhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {server, shop, ethereum, base, arbitrum}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }

    @Test
    @Order(0)
    void eachChainIsFollowedOnItsOwnAndAPresetAtAnotherContractIsRefused() {
        awaitTrue(() -> List.of("ETH", "USDC-ERC20", "ETH-BASE", "USDC-BASE", "ETH-ARBITRUM").stream()
                .allMatch(k -> "UP".equals(chain(k).getString("status"))), "every chain's followers UP");
        awaitTrue(() -> "DOWN".equals(chain("USDT-ARBITRUM").getString("status")), "USDT-ARBITRUM DOWN");
        assertEquals(ARBITRUM_USDT + " is the built-in USDT contract of chain id 42161, but the"
                + " contract there answers symbol() with 'USDC'; refusing it (is the node on the right chain?)",
                chain("USDT-ARBITRUM").getString("error"));

        JsonObject info = api.get("/api/v1/server/info").expect(200).object();
        List<String> methods = info.getJsonArray("supportedPaymentMethods").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
        assertTrue(methods.containsAll(List.of("ETH-CHAIN", "USDC-ERC20", "ETH-BASE", "USDC-BASE", "ETH-ARBITRUM",
                "USDT-ARBITRUM")), methods.toString());
        JsonArray chains = info.getJsonArray("evmChains");
        assertEquals(3, chains.size());
        JsonObject baseInfo = chains.getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("base")).findFirst().orElseThrow();
        assertEquals(8453, baseInfo.getInt("chainId"));
        assertEquals("Base", baseInfo.getString("network"));
        assertEquals(BASE_USDC, baseInfo.getJsonArray("tokens").getJsonObject(0).getString("contract"));
        assertEquals(1, info.getJsonObject("ethereum").getInt("chainId"));
    }

    @Test
    @Order(1)
    void usdcOnTwoChainsIsCreditedOnlyOnTheChainItWasSentOnAndSettlesByThatChainsTable() {
        String store = store("Two-chain shop", "USDC-ERC20", "USDC-BASE");
        String secret = api.addWebhook(store, shop.url("/usdc")).object().getString("secret");
        assertTrue(secret.length() > 0);
        JsonObject invoice = invoiceIn(store, "10", "USDC", "MediumSpeed");
        JsonObject onEthereum = prompt(invoice, "USDC-ERC20");
        JsonObject onBase = prompt(invoice, "USDC-BASE");
        assertNotEquals(onEthereum.getString("destination"), onBase.getString("destination"),
                "an address belongs to one invoice and one method");
        assertTrue(onBase.getString("paymentLink").startsWith("ethereum:" + BASE_USDC + "@8453/transfer?address="
                + onBase.getString("destination")), onBase.getString("paymentLink"));

        String page = server.api().anonymous().get("/i/" + invoice.getString("id") + "?method=USDC-BASE&lang=en")
                .expect(200).body();
        assertTrue(page.contains("<dd id=\"network\">Base</dd>"), "network named");
        assertTrue(page.contains("Send only USDC on Base to this address."), "warning shown");

        // the right token on the wrong chain: USDC on Ethereum to the Base prompt's address
        ethereum.tokenTransfer(ethereumUsdc, 0, onBase.getString("destination"), USDC.multiply(BigInteger.TEN));
        ethereum.mine(3);
        awaitScanned(ethereum, "USDC-ERC20");
        assertEquals("New", invoice(invoice).getString("status"));
        assertEquals(0, prompt(invoice, "USDC-ERC20").getJsonArray("payments").size());
        assertEquals(0, prompt(invoice, "USDC-BASE").getJsonArray("payments").size());

        String tx = base.tokenTransfer(BASE_USDC, 0, onBase.getString("destination"), USDC.multiply(BigInteger.TEN));
        awaitStatus(invoice, "Processing");
        base.mine(2);
        awaitScanned(base, "USDC-BASE");
        assertEquals("Processing", invoice(invoice).getString("status"), "two of Base's three confirmations");
        base.mine(1);
        awaitStatus(invoice, "Settled");
        JsonArray payments = prompt(invoice, "USDC-BASE").getJsonArray("payments");
        assertEquals(1, payments.size());
        assertEquals(tx + "-0", payments.getJsonObject(0).getString("id"));
        assertEquals("10", payments.getJsonObject(0).getString("value"));
        assertEquals(0, prompt(invoice, "USDC-ERC20").getJsonArray("payments").size());

        awaitTrue(() -> shop.requests("/usdc").stream().anyMatch(r -> type(r.bodyText()).equals("InvoiceSettled")),
                "InvoiceSettled webhook");
        int withMethod = 0;
        for (WebhookReceiver.Request r : shop.requests("/usdc")) {
            WebhookSchemas.assertValid(r.bodyText());
            JsonObject body = Json.createReader(new StringReader(r.bodyText())).readObject();
            if (body.containsKey("paymentMethodId")) {
                assertEquals("USDC-BASE", body.getString("paymentMethodId"), r.bodyText());
                withMethod++;
            }
        }
        assertTrue(withMethod >= 2, "InvoiceReceivedPayment and InvoicePaymentSettled name the method");
        assertTrue(shop.requests("/usdc").stream().anyMatch(r -> type(r.bodyText()).equals("InvoicePaymentSettled")));
        String csv = api.get("/api/v1/stores/" + store + "/invoices/export.csv").expect(200).body();
        assertTrue(csv.contains("USDC-BASE"), csv);
    }

    @Test
    @Order(2)
    void etherOnArbitrumSettlesByArbitrumsDefaultTable() {
        String store = store("Arbitrum shop", "ETH-ARBITRUM");
        JsonObject invoice = invoiceIn(store, "0.01", "ETH", "MediumSpeed");
        JsonObject p = prompt(invoice, "ETH-ARBITRUM");
        assertTrue(p.getString("paymentLink").contains("@42161?value=10000000000000000"), p.getString("paymentLink"));
        arbitrum.sendEther(2, p.getString("destination"), BigInteger.TEN.pow(16));
        awaitStatus(invoice, "Processing");
        arbitrum.mine(19);
        awaitScanned(arbitrum, "ETH-ARBITRUM");
        assertEquals("Processing", invoice(invoice).getString("status"), "19 of Arbitrum's 20 MediumSpeed confirmations");
        arbitrum.mine(1);
        awaitStatus(invoice, "Settled");
    }

    @Test
    @Order(3)
    void aWithdrawalHalfAPercentShortSettlesUnderTheMethodsOnePercentToleranceAndStaysPartialWithout() {
        String tolerant = store("Tolerant shop");
        api.put("/api/v1/stores/" + tolerant + "/payment-methods/USDC-BASE", "{\"enabled\":true,\"config\":"
                + "{\"derivationScheme\":\"" + xpub + "\",\"paymentTolerance\":1}}").expect(200);
        assertEquals("1", api.get("/api/v1/stores/" + tolerant + "/payment-methods/USDC-BASE").expect(200).object()
                .getJsonObject("config").getJsonNumber("paymentTolerance").bigDecimalValue().stripTrailingZeros()
                .toPlainString());
        String strict = store("Strict shop", "USDC-BASE");
        JsonObject settles = invoiceIn(tolerant, "10", "USDC", "MediumSpeed");
        JsonObject stays = invoiceIn(strict, "10", "USDC", "MediumSpeed");
        BigInteger short5 = BigInteger.valueOf(9_950_000); // 9.95 USDC: 0.5 % kept by the exchange
        base.tokenTransfer(BASE_USDC, 0, prompt(settles, "USDC-BASE").getString("destination"), short5);
        base.tokenTransfer(BASE_USDC, 0, prompt(stays, "USDC-BASE").getString("destination"), short5);
        base.mine(3);
        awaitStatus(settles, "Settled");
        awaitScanned(base, "USDC-BASE");
        JsonObject partial = invoice(stays);
        assertEquals("New", partial.getString("status"));
        assertEquals("PaidPartial", partial.getString("additionalStatus"));
        assertEquals("0.05", prompt(stays, "USDC-BASE").getString("due"), "the remaining due is shown");
    }

    @Test
    @Order(4)
    void aStablecoinIsPricedAtItsMarketRateEurosGoThroughUsdAndADepeggedTokenRefusesInvoicesAndAlerts() {
        String store = store("Stablecoin shop", "USDC-BASE", "USDT-ERC20");
        JsonObject usd = api.createInvoice(store, "{\"amount\":\"10\",\"currency\":\"USD\","
                + "\"checkout\":{\"paymentMethods\":[\"USDC-BASE\"]}}");
        JsonObject inUsd = prompt(Json.createObjectBuilder(usd).add("storeId", store).build(), "USDC-BASE");
        assertEquals("0.9998", inUsd.getString("rate"), "the market rate, not 1:1");
        assertEquals("10.002001", inUsd.getString("amount"));

        JsonObject eur = api.createInvoice(store, "{\"amount\":\"10\",\"currency\":\"EUR\","
                + "\"checkout\":{\"paymentMethods\":[\"USDC-BASE\"]}}");
        JsonObject inEur = prompt(Json.createObjectBuilder(eur).add("storeId", store).build(), "USDC-BASE");
        assertEquals("0.925740740740740741", inEur.getString("rate"), "USDC_USD / EUR_USD");
        assertEquals("10.802161", inEur.getString("amount"));

        var refused = api.post("/api/v1/stores/" + store + "/invoices", "{\"amount\":\"10\",\"currency\":\"USD\"}");
        assertEquals(503, refused.status(), refused.body());
        JsonObject error = refused.object();
        assertEquals("token-depegged", error.getString("code"));
        assertEquals("USDT trades at 0.97 USD (fixed), outside its peg band 0.98..1.02; invoices payable in USDT are"
                + " refused until it returns", error.getString("message"));
        JsonObject alert = api.get("/api/v1/chains/alerts?status=raised").expect(200).array().getValuesAs(JsonObject.class)
                .stream().filter(a -> a.getString("kind").equals("depeg")).findFirst().orElseThrow();
        assertEquals("rate:USDT", alert.getString("chain"));
        assertEquals(error.getString("message"), alert.getString("reason"));
    }

    @Test
    @Order(5)
    void aReorgOnBaseUnwindsOnlyTheBaseInvoice() {
        JsonObject onBase = invoiceIn(store("Reorg shop on Base", "USDC-BASE"), "5", "USDC", "LowSpeed");
        JsonObject onArbitrum = invoiceIn(store("Reorg shop on Arbitrum", "ETH-ARBITRUM"), "0.002", "ETH", "LowSpeed");
        base.tokenTransfer(BASE_USDC, 0, prompt(onBase, "USDC-BASE").getString("destination"), USDC.multiply(BigInteger.valueOf(5)));
        arbitrum.sendEther(3, prompt(onArbitrum, "ETH-ARBITRUM").getString("destination"), BigInteger.valueOf(2_000_000_000_000_000L));
        base.mine(1);
        arbitrum.mine(1);
        awaitStatus(onBase, "Processing");
        awaitStatus(onArbitrum, "Processing");
        awaitScanned(base, "USDC-BASE");

        base.reorg(1); // Base's block with the payment is replaced by an empty one: the transfer is gone
        base.mine(1);
        awaitStatus(onBase, "New");
        assertEquals("Invalid", prompt(onBase, "USDC-BASE").getJsonArray("payments").getJsonObject(0).getString("status"));
        awaitScanned(arbitrum, "ETH-ARBITRUM");
        assertEquals("Processing", invoice(onArbitrum).getString("status"), "Arbitrum's invoice is untouched");
        JsonObject arbitrumPayment = prompt(onArbitrum, "ETH-ARBITRUM").getJsonArray("payments").getJsonObject(0);
        assertNotEquals("Invalid", arbitrumPayment.getString("status"));
    }

    @Test
    @Order(6)
    void theCheckoutPageInChromiumNamesTheNetworkAndWarnsOnEachTab() {
        String store = store("Browser shop", "USDC-ERC20", "USDC-BASE", "ETH-ARBITRUM");
        JsonObject created = api.createInvoice(store, "{\"amount\":\"12\",\"currency\":\"USD\"}");
        Map<String, String> expected = Map.of(
                "USDC-ERC20", "Ethereum|Send only USDC on Ethereum to this address.",
                "USDC-BASE", "Base|Send only USDC on Base to this address.",
                "ETH-ARBITRUM", "Arbitrum One|Send only ETH on Arbitrum One to this address.");
        try (Browser b = Browser.forTest(EvmMultiChainIT.class).language("en").start()) {
            b.open(server.baseUrl() + "/i/" + created.getString("id") + "?lang=en");
            List<String> tabs = b.findAll("nav.methods a.tab").stream().map(e -> e.getText().strip()).toList();
            assertEquals(List.of("USDC-ERC20", "USDC-BASE", "ETH-ARBITRUM").stream().sorted().toList(),
                    tabs.stream().sorted().toList());
            for (String tab : tabs) {
                b.findAll("nav.methods a.tab").stream().filter(e -> e.getText().strip().equals(tab)).findFirst()
                        .orElseThrow().click();
                b.await(WAIT, d -> tab.equals(b.find("nav.methods a[aria-current=page]").getText().strip()));
                String[] want = expected.get(tab).split("\\|");
                assertEquals(want[0], b.find("#network").getText(), tab);
                assertEquals(want[1], b.find("#network-warning").getText(), tab);
                assertTrue(b.find("#network-warning").isDisplayed(), tab);
                b.screenshot("network-" + tab);
            }
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    // ---- helpers ----

    /** Puts a deployed TestToken's code and state (name, symbol, supply, dev account 0's balance) at {@code at}. */
    private static void placeTokenAt(AnvilNode node, String token, String at) {
        node.call("anvil_setCode", List.of(at, node.call("eth_getCode", List.of(token, "latest"))));
        String holderSlot = Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(
                Numeric.toHexStringNoPrefixZeroPadded(Numeric.toBigInt(node.devAccount(0)), 64)
                        + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(3), 64))));
        for (String slot : List.of("0x0", "0x1", "0x2", holderSlot)) {
            String padded = Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(slot), 64);
            node.call("anvil_setStorageAt", List.of(at, padded, node.call("eth_getStorageAt", List.of(token, slot, "latest"))));
        }
        node.mine(1);
    }

    private static String store(String name, String... methods) {
        String id = api.post("/api/v1/stores", "{\"name\":\"" + name + "\",\"defaultCurrency\":\"USD\"}")
                .expect(200).object().getString("id");
        for (String method : methods) {
            api.put("/api/v1/stores/" + id + "/payment-methods/" + method,
                    "{\"enabled\":true,\"config\":\"" + xpub + "\"}").expect(200);
        }
        return id;
    }

    private static JsonObject invoiceIn(String store, String amount, String currency, String speedPolicy) {
        JsonObject created = api.createInvoice(store, "{\"amount\":\"" + amount + "\",\"currency\":\"" + currency
                + "\",\"checkout\":{\"speedPolicy\":\"" + speedPolicy + "\",\"expirationMinutes\":60}}");
        return Json.createObjectBuilder(created).add("storeId", store).build();
    }

    private static JsonObject invoice(JsonObject invoice) {
        return api.get("/api/v1/stores/" + invoice.getString("storeId") + "/invoices/" + invoice.getString("id"))
                .expect(200).object();
    }

    private static JsonObject prompt(JsonObject invoice, String method) {
        return api.get("/api/v1/stores/" + invoice.getString("storeId") + "/invoices/" + invoice.getString("id")
                + "/payment-methods").expect(200).array().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("paymentMethodId").equals(method)).findFirst().orElseThrow();
    }

    private static JsonObject chain(String key) {
        JsonObject chains = api.get("/api/v1/health").expect(200).object().getJsonObject("chains");
        return chains.containsKey(key) ? chains.getJsonObject(key) : Json.createObjectBuilder().add("status", "ABSENT").build();
    }

    private static void awaitScanned(AnvilNode node, String key) {
        long tip = node.blockNumber();
        awaitTrue(() -> {
            JsonObject c = chain(key);
            return c.containsKey("scannedHeight") && !c.isNull("scannedHeight") && c.getInt("scannedHeight") >= tip;
        }, key + " at block " + tip);
        Await.pause(1200); // the pass that reached the tip has also applied what it found
    }

    private static String type(String body) {
        return Json.createReader(new StringReader(body)).readObject().getString("type");
    }

    private static void awaitStatus(JsonObject invoice, String status) {
        awaitTrue(() -> status.equals(invoice(invoice).getString("status")), "invoice " + status);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Await.until(condition, WAIT, what);
    }
}

package io.chaintill.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ethereum.EthereumTestWallets;
import io.chaintill.support.AnvilNode;
import io.chaintill.support.ApiClient;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
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
 * as a process with the mnemonic on stdin. Every claim is checked by balances on the node.
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
            node.waitForReceipt(node.tokenTransfer(token, 0, address(invoice), units(amount, TST)));
            awaitPaid(invoice, amount);
        }
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

    // ---- helpers ----


    private static SweepRun sweep(List<String> args, String stdin) throws IOException, InterruptedException {
        return SweepRun.of(api.apiKey(), args, stdin);
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

package io.chaintill.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ethereum.EthereumTestWallets;
import io.chaintill.support.AnvilNode;
import io.chaintill.support.ApiClient;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.TestEnvironment;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.utils.Numeric;

/**
 * The EIP-7702 batch sweep through the REAL command line ({@code java -jar target/chaintill.jar sweep --batch ...}):
 * a packaged server hands out deposit addresses on two chains, one anvil on {@code --hardfork prague} (EIP-7702) and
 * one on {@code cancun} (none). On Prague ten token deposits holding a token and ether (half of them a second token
 * too) and an ether method's deposit holding ether and the second token are emptied of every token and all ether into
 * a fresh merchant address by one type-4 transaction from the gas account, with no top-up, exactly, as the dry run
 * planned; on Cancun
 * the same command falls back to top-up-then-transfer. Also measures gas per swept address both ways (docs/sweep.md).
 * A client-side tool: runs once, on the H2 pass.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(TestEnvironment.SINGLE_DATABASE)
class SetCodeSweepIT {
    private static final BigInteger TST = BigInteger.TEN.pow(6);
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final int GAS_INDEX = 1_000_000;
    private static final int DEPOSITS = 10;
    /** 1.234567, 2.469134 ... TST and 0.0001 ETH + i wei: every deposit different, so a mix-up shows in the totals. */
    private static final List<String> TOKENS_PAID = java.util.stream.IntStream.rangeClosed(1, DEPOSITS)
            .mapToObj(i -> Units.format(BigInteger.valueOf(1_234_567L * i), 6)).toList();
    private static final List<BigInteger> ETHER_PAID = java.util.stream.IntStream.range(0, DEPOSITS)
            .mapToObj(i -> BigInteger.TEN.pow(14).add(BigInteger.valueOf(i))).toList();
    private static final Pattern HASH = Pattern.compile(" in (0x[0-9a-f]{64}) \\(block \\d+, gas used (\\d+)\\)");

    private static AnvilNode prague;
    private static AnvilNode cancun;
    private static ServerProcess server;
    private static ApiClient api;
    private static String mnemonic;
    private static String pragueToken;
    /** A second token of the Prague chain: the server lists it, the store never configured it (a stray token). */
    private static String pragueToken2;
    private static String cancunToken;
    private static String pragueStore;
    private static String cancunStore;
    private static String merchant;
    private static String sweeper;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(System.getenv("CHAINTILL_IT_DB") != null,
                "SetCodeSweepIT runs under failsafe, after the jar is packaged");
        byte[] entropy = new byte[16];
        new SecureRandom().nextBytes(entropy);
        mnemonic = MnemonicUtils.generateMnemonic(entropy);
        prague = AnvilNode.start(1337, "prague");
        cancun = AnvilNode.start(31337, "cancun");
        pragueToken = prague.deployTestToken("Sweep test token", "TST", TST.multiply(BigInteger.valueOf(1_000_000)));
        pragueToken2 = prague.deployTestToken("Second sweep token", "TSB", TST.multiply(BigInteger.valueOf(1_000_000)));
        cancunToken = cancun.deployTestToken("Sweep test token", "TST", TST.multiply(BigInteger.valueOf(1_000_000)));
        Map<String, String> env = new HashMap<>(Map.of(
                "CHAINTILL_ETH_RPC_URL", prague.rpcUrl(),
                "CHAINTILL_ETH_CHAIN_ID", "1337",
                "CHAINTILL_ETH_TOKENS", "TST:" + pragueToken + ":6,TSB:" + pragueToken2 + ":6",
                "CHAINTILL_EVM_OLDFORK_RPC_URL", cancun.rpcUrl(),
                "CHAINTILL_EVM_OLDFORK_CHAIN_ID", "31337",
                "CHAINTILL_EVM_OLDFORK_TOKENS", "TST:" + cancunToken + ":6",
                "CHAINTILL_JOBS_CHAIN_INTERVAL_MS", "1000",
                // an ETH invoice of a store that also takes TST prices its TST prompt
                "CHAINTILL_RATES_FIXED", "TST_ETH:0.0004"));
        if ("h2".equals(TestEnvironment.db())) {
            env.put("CHAINTILL_DATA_DIR", Files.createTempDirectory("chaintill-setcode-").toString());
        }
        server = ServerProcess.start(env);
        api = server.api().admin().newKey("unrestricted");
        String xpub = EthereumTestWallets.accountXpub(mnemonic);
        pragueStore = store("Prague shop", "TST-ERC20", xpub);
        cancunStore = store("Cancun shop", "TST-OLDFORK", xpub);
        merchant = fresh();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {server, prague, cancun}) {
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
    @Order(1)
    void oneTransactionFromTheGasAccountEmptiesEveryTokenAndAllEtherOfEveryDepositExactlyAsTheDryRunPlanned()
            throws Exception {
        List<String> deposits = new ArrayList<>(depositsPaid(prague, pragueStore, pragueToken, true));
        // every other TST deposit also got the second token, sent by mistake
        BigInteger tokens2 = BigInteger.ZERO;
        for (int i = 0; i < deposits.size(); i += 2) {
            BigInteger units = BigInteger.valueOf(111_111L * (i + 1));
            prague.waitForReceipt(prague.tokenTransfer(pragueToken2, 0, deposits.get(i), units));
            tokens2 = tokens2.add(units);
        }
        // an address handed out for the chain's ether method (the same derivation counter) holding ether and TSB
        api.put("/api/v1/stores/" + pragueStore + "/payment-methods/ETH-CHAIN", "{\"enabled\":true,\"config\":\""
                + EthereumTestWallets.accountXpub(mnemonic) + "\"}").expect(200);
        JsonObject etherInvoice = api.createInvoice(pragueStore,
                "{\"amount\":\"0.001\",\"currency\":\"ETH\",\"checkout\":{\"expirationMinutes\":60}}");
        String etherDeposit = api.get("/api/v1/stores/" + pragueStore + "/invoices/" + etherInvoice.getString("id")
                + "/payment-methods").expect(200).array().stream().map(v -> (JsonObject) v)
                .filter(m -> m.getString("paymentMethodId").equals("ETH-CHAIN")).findFirst().orElseThrow()
                .getString("destination");
        BigInteger etherDepositWei = BigInteger.TEN.pow(15).multiply(BigInteger.valueOf(3));
        BigInteger etherDepositTsb = BigInteger.valueOf(777_777);
        prague.waitForReceipt(prague.sendEther(1, etherDeposit, etherDepositWei));
        prague.waitForReceipt(prague.tokenTransfer(pragueToken2, 0, etherDeposit, etherDepositTsb));
        deposits.add(etherDeposit);
        tokens2 = tokens2.add(etherDepositTsb);

        String gasAccount = WalletSecret.parse(mnemonic, "").address(GAS_INDEX);
        prague.waitForReceipt(prague.sendEther(2, gasAccount, ETHER));
        BigInteger tokens = sum(TOKENS_PAID.stream().map(SetCodeSweepIT::tst).toList());
        BigInteger ether = sum(ETHER_PAID).add(etherDepositWei);

        SweepRun dry = sweep(args(pragueStore, "TST-ERC20", prague, merchant), mnemonic);
        assertEquals(0, dry.code, dry.output);
        assertTrue(dry.output.contains("way: EIP-7702 batch (the node accepts type-4 transactions)"), dry.output);
        assertTrue(dry.output.contains(" addresses handed out for TST-ERC20 and ETH-CHAIN"), dry.output);
        assertTrue(dry.output.contains("total to " + merchant + ": " + Units.format(tokens, 6) + " TST, "
                + Units.format(tokens2, 6) + " TSB and " + Units.ether(ether) + " ETH from " + deposits.size()
                + " addresses in 1 sweep transaction (+1 deploying the sweeper)"), dry.output);
        assertTrue(dry.output.contains("dry run: nothing was sent"), dry.output);
        for (String d : deposits) {
            assertEquals(BigInteger.ZERO, nonce(prague, d), "the dry run sent nothing");
        }
        assertEquals(ETHER, prague.balance(gasAccount));

        long before = prague.blockNumber();
        List<String> execute = args(pragueStore, "TST-ERC20", prague, merchant);
        execute.add("--execute");
        SweepRun run = sweep(execute, mnemonic);
        assertEquals(0, run.code, run.output);
        assertEquals(plan(dry.output), plan(run.output), "--execute carried out the plan the dry run printed");

        for (String d : deposits) {
            assertEquals(BigInteger.ZERO, prague.tokenBalance(pragueToken, d), d + " holds no token\n" + run.output);
            assertEquals(BigInteger.ZERO, prague.tokenBalance(pragueToken2, d), d + " holds no TSB\n" + run.output);
            assertEquals(BigInteger.ZERO, prague.balance(d), d + " holds no ether\n" + run.output);
            assertEquals(BigInteger.ONE, nonce(prague, d), "nonce 1: its authorization; it never sent a transaction");
        }
        // exact: had a deposit paid any gas, the merchant would hold less than was paid in
        assertEquals(tokens, prague.tokenBalance(pragueToken, merchant));
        assertEquals(tokens2, prague.tokenBalance(pragueToken2, merchant));
        assertEquals(ether, prague.balance(merchant));
        // every transaction since the dry run came from the gas account, none carried ether to a deposit
        List<Transaction> sent = transactionsAfter(prague, before);
        assertEquals(2, sent.size(), "the sweeper's deployment and ONE sweep transaction");
        for (Transaction tx : sent) {
            assertTrue(gasAccount.equalsIgnoreCase(tx.getFrom()), tx.getFrom());
            assertTrue(deposits.stream().noneMatch(d -> d.equalsIgnoreCase(tx.getTo())), "no transaction to a deposit");
        }
        assertEquals("0x4", sent.get(1).getType(), "the sweep is a set-code (type-4) transaction");

        sweeper = line(run.output, "sweeper: 0x").substring(0, 40);
        sweeper = "0x" + sweeper;
        long gasUsed = gasUsed(run.output, "batch 1: swept " + deposits.size() + " addresses");
        System.out.printf("MEASURED 7702 batch: %d gas for %d addresses (10 with TST and ether, 5 of them also TSB, 1"
                        + " with TSB and ether) = %d per address; Sweeper deployment %d gas%n", gasUsed, deposits.size(),
                gasUsed / deposits.size(), gasUsed(run.output, "deployed the Sweeper"));
    }

    @Test
    @Order(2)
    void aGivenSweeperIsReusedOnlyIfItsCodeIsTheShippedSweeperForThatDestination() throws Exception {
        Assumptions.assumeTrue(sweeper != null, "needs the sweeper deployed by the batch test");
        List<String> same = args(pragueStore, "TST-ERC20", prague, merchant);
        same.addAll(List.of("--sweeper", sweeper));
        SweepRun reuse = sweep(same, mnemonic);
        assertEquals(0, reuse.code, reuse.output);
        assertTrue(reuse.output.contains("sweeper: " + sweeper + ", verified"), reuse.output);
        assertTrue(reuse.output.contains("nothing to sweep"), reuse.output);

        List<String> other = args(pragueStore, "TST-ERC20", prague, fresh());
        other.addAll(List.of("--sweeper", sweeper, "--execute"));
        SweepRun refused = sweep(other, mnemonic);
        assertEquals(2, refused.code, refused.output);
        assertTrue(refused.output.contains("is not the shipped Sweeper paying"), refused.output);

        List<String> token = args(pragueStore, "TST-ERC20", prague, merchant);
        token.addAll(List.of("--sweeper", pragueToken));
        SweepRun notSweeper = sweep(token, mnemonic);
        assertEquals(2, notSweeper.code, notSweeper.output);
        assertTrue(notSweeper.output.contains("is not the shipped Sweeper paying"), notSweeper.output);
    }

    @Test
    @Order(3)
    void aNodeWithout7702GetsTopUpThenTransferAndStillEveryToken() throws Exception {
        List<String> deposits = depositsPaid(cancun, cancunStore, cancunToken, false);
        String gasAccount = WalletSecret.parse(mnemonic, "").address(GAS_INDEX);
        cancun.waitForReceipt(cancun.sendEther(2, gasAccount, ETHER));
        String to = fresh();
        List<String> execute = args(cancunStore, "TST-OLDFORK", cancun, to);
        execute.add("--execute");
        SweepRun run = sweep(execute, mnemonic);
        assertEquals(0, run.code, run.output);
        assertTrue(run.output.contains("way: top-up-then-transfer, not the EIP-7702 batch: the node refused a type-4"
                + " transaction"), run.output);
        for (String d : deposits) {
            assertEquals(BigInteger.ZERO, cancun.tokenBalance(cancunToken, d), d + " holds no token\n" + run.output);
        }
        assertEquals(sum(TOKENS_PAID.stream().map(SetCodeSweepIT::tst).toList()), cancun.tokenBalance(cancunToken, to));
        List<Long> gas = run.output.lines().filter(l -> l.startsWith("top-up of index") || l.contains(" TST in 0x"))
                .map(l -> gasUsed(l, "")).toList();
        assertEquals(2 * DEPOSITS, gas.size(), "a top-up and a transfer per address\n" + run.output);
        long total = gas.stream().mapToLong(Long::longValue).sum();
        System.out.printf("MEASURED top-up-then-transfer: %d gas for %d addresses = %d per address, %d transactions%n",
                total, DEPOSITS, total / DEPOSITS, 2 * DEPOSITS);
        assertFalse(run.output.contains("type-4 max fee"), "no batch plan was printed");
    }

    // ---- helpers ----


    /** Three invoices of {@code store}; each deposit is paid its token amount and, on request, some ether. */
    private static List<String> depositsPaid(AnvilNode node, String store, String token, boolean withEther) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < TOKENS_PAID.size(); i++) {
            JsonObject invoice = api.createInvoice(store, "{\"amount\":\"" + TOKENS_PAID.get(i)
                    + "\",\"currency\":\"TST\",\"checkout\":{\"expirationMinutes\":60}}");
            String address = api.get("/api/v1/stores/" + store + "/invoices/" + invoice.getString("id")
                    + "/payment-methods").expect(200).array().getJsonObject(0).getString("destination");
            node.waitForReceipt(node.tokenTransfer(token, 0, address, tst(TOKENS_PAID.get(i))));
            if (withEther) {
                node.waitForReceipt(node.sendEther(1, address, ETHER_PAID.get(i)));
            }
            out.add(address);
        }
        return out;
    }

    /** The plan's lines: deposits, batches, sweeper and totals (not the gas account's balance, which execution spends). */
    private static List<String> plan(String output) {
        return output.lines().filter(l -> l.matches("\\s+\\d+\\s+0x.*") || l.startsWith("batch ") && !l.contains(" in 0x")
                || l.startsWith("total to ") || l.startsWith("sweeper: the gas account") || l.startsWith("estimated gas "))
                .toList();
    }

    private static long gasUsed(String output, String prefix) {
        String l = prefix.isEmpty() ? output : line(output, prefix);
        Matcher m = HASH.matcher(l);
        assertTrue(m.find(), l);
        return Long.parseLong(m.group(2));
    }

    private static List<Transaction> transactionsAfter(AnvilNode node, long block) throws IOException {
        List<Transaction> out = new ArrayList<>();
        for (long n = block + 1; n <= node.blockNumber(); n++) {
            EthBlock.Block b = node.web3().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), true)
                    .send().getBlock();
            b.getTransactions().forEach(t -> out.add((Transaction) t.get()));
        }
        return out;
    }

    private static SweepRun sweep(List<String> args, String stdin) throws IOException, InterruptedException {
        return SweepRun.of(api.apiKey(), args, stdin);
    }

    private static List<String> args(String store, String method, AnvilNode node, String to) {
        return new ArrayList<>(List.of("--server", server.baseUrl(), "--store", store, "--method", method, "--to", to,
                "--rpc", node.rpcUrl(), "--gas-from-index", String.valueOf(GAS_INDEX), "--batch"));
    }

    private static String store(String name, String method, String xpub) {
        String id = api.post("/api/v1/stores", "{\"name\":\"" + name + "\",\"defaultCurrency\":\"USD\"}")
                .expect(200).object().getString("id");
        api.put("/api/v1/stores/" + id + "/payment-methods/" + method, "{\"enabled\":true,\"config\":\"" + xpub + "\"}")
                .expect(200);
        return id;
    }

    private static BigInteger nonce(AnvilNode node, String address) {
        try {
            return node.web3().ethGetTransactionCount(address, DefaultBlockParameterName.LATEST).send().getTransactionCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in\n" + output)).substring(prefix.length());
    }

    private static BigInteger tst(String amount) {
        return new java.math.BigDecimal(amount).movePointRight(6).toBigIntegerExact();
    }

    private static BigInteger sum(List<BigInteger> values) {
        return values.stream().reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** A fresh checksummed address nobody holds a key for: a clean destination. */
    private static String fresh() {
        byte[] bytes = new byte[20];
        new SecureRandom().nextBytes(bytes);
        return Keys.toChecksumAddress(Numeric.toHexString(bytes));
    }
}

package io.chaintill.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.bitcoin.rpc.BitcoindRpcClient;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcErrorCodes;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcException;
import io.chaintill.chain.bitcoin.rpc.RawBlockParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Coin;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.script.ScriptException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The harness and the production RPC client against a real Bitcoin Knots regtest node: payments
 * seen in the mempool and in parsed raw blocks, a reorg, and an RBF double spend. One node for the
 * class; each test uses fresh addresses so the order does not matter.
 */
@Tag(TestEnvironment.SINGLE_DATABASE) // the node harness; no server, no database
class BitcoindRegtestIT {

    private static final String SHOP = "shop";
    private static final String CUSTOMER = "customer";

    private static BitcoindRegtest node;
    private static BitcoindRpcClient client;

    @BeforeAll
    static void startNode() throws IOException {
        Path dataDir = itDataDir("node");
        node = BitcoindRegtest.start(dataDir, BitcoindRegtest.freePort(), BitcoindRegtest.freePort(),
                BitcoindRegtest.freePort());
        client = new BitcoindRpcClient(URI.create(node.rpcUrl()), node.rpcUser(), node.rpcPassword(),
                Duration.ofSeconds(2), Duration.ofSeconds(10));
        node.createWallet(SHOP);
        node.ensureSpendableCoins();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void nodeIsARegtestFullNodeWithZmq() throws IOException {
        assertEquals("regtest", client.chain());
        assertFalse(client.isPruned());
        assertTrue(client.blockCount() >= 101);
        try (Socket zmq = new Socket("127.0.0.1", Integer.parseInt(node.zmqUrl().replaceAll(".*:", "")))) {
            assertTrue(zmq.isConnected());
        }
    }

    @Test
    void createWalletIsIdempotent() {
        node.createWallet(SHOP);
        node.walletRpc(SHOP, "unloadwallet");
        node.createWallet(SHOP);
        assertTrue(node.newAddress(SHOP).startsWith("bcrt1"));
    }

    @Test
    void paymentIsSeenInMempoolThenInTheParsedBlock() {
        String address = node.newAddress(SHOP);
        BigDecimal amount = new BigDecimal("0.5");

        String txid = node.send(BitcoindRegtest.MINER_WALLET, address, amount);

        assertTrue(client.rawMempool().contains(txid));
        Transaction unconfirmed = Transaction.read(ByteBuffer.wrap(client.rawTransaction(txid)));
        assertEquals(txid, unconfirmed.getTxId().toString());
        assertEquals(Optional.of(Coin.valueOf(50_000_000)), paidTo(unconfirmed, address));

        String blockHash = node.mine(1).get(0);

        assertEquals(blockHash, client.blockHash(client.blockCount()));
        assertFalse(client.rawMempool().contains(txid));
        Block block = RawBlockParser.parse(client.rawBlock(blockHash), blockHash);
        Transaction confirmed = block.getTransactions().stream()
                .filter(tx -> tx.getTxId().toString().equals(txid))
                .findFirst().orElseThrow();
        assertEquals(Optional.of(Coin.valueOf(50_000_000)), paidTo(confirmed, address));
        // -txindex: confirmed transactions stay reachable by txid alone
        assertEquals(txid, Transaction.read(ByteBuffer.wrap(client.rawTransaction(txid))).getTxId().toString());
    }

    @Test
    void reorgMovesAPaymentBackToTheMempool() {
        String address = node.newAddress(SHOP);
        String txid = node.send(BitcoindRegtest.MINER_WALLET, address, new BigDecimal("0.25"));
        String paidBlock = node.mine(1).get(0);
        int height = node.blockCount();
        assertTrue(blockHasTx(paidBlock, txid));

        node.invalidateBlock(paidBlock);

        assertEquals(height - 1, node.blockCount());
        assertTrue(client.rawMempool().contains(txid), "the disconnected block's tx returns to the mempool");

        // the competing chain: an empty block at the same height, then one more, so it is longer
        String competitor = node.generateBlock(node.newAddress(BitcoindRegtest.MINER_WALLET), List.of());
        node.mine(1);

        assertEquals(height + 1, node.blockCount());
        assertEquals(competitor, client.blockHash(height));
        assertNotEquals(paidBlock, client.blockHash(height));
        assertFalse(blockHasTx(competitor, txid));
        // the paid block is still served by hash (a follower walking back to the fork point needs it)
        assertTrue(blockHasTx(paidBlock, txid));
    }

    @Test
    void rbfReplacementPaysElsewhere() {
        String shopAddress = node.newAddress(SHOP);
        String elsewhere = node.newAddress(CUSTOMER);
        BigDecimal amount = new BigDecimal("1.0");
        String original = node.send(BitcoindRegtest.MINER_WALLET, shopAddress, amount);
        assertTrue(client.rawMempool().contains(original));

        String replacement = node.replaceByFee(BitcoindRegtest.MINER_WALLET, original, elsewhere, amount);

        List<String> mempool = client.rawMempool();
        assertTrue(mempool.contains(replacement));
        assertFalse(mempool.contains(original), "the original payment is gone from the mempool");
        Transaction replacing = Transaction.read(ByteBuffer.wrap(client.rawTransaction(replacement)));
        assertEquals(Optional.empty(), paidTo(replacing, shopAddress));
        assertEquals(Optional.of(Coin.COIN), paidTo(replacing, elsewhere));
        BitcoindRpcException gone = assertThrows(BitcoindRpcException.class, () -> client.rawTransaction(original));
        assertEquals(BitcoindRpcErrorCodes.INVALID_ADDRESS_OR_KEY, gone.rpcCode().orElseThrow());

        String blockHash = node.mine(1).get(0);
        assertTrue(blockHasTx(blockHash, replacement));
        assertFalse(blockHasTx(blockHash, original));
    }

    @Test
    void broadcastOfAnAlreadyKnownTransactionIsAccepted() {
        String txid = node.send(BitcoindRegtest.MINER_WALLET, node.newAddress(SHOP), new BigDecimal("0.1"));
        String hex = HexFormat.of().formatHex(client.rawTransaction(txid));

        assertEquals(txid, client.sendRawTransaction(hex));
    }

    @Test
    void errorsFromTheRealNode() {
        BitcoindRpcException unknown = assertThrows(BitcoindRpcException.class, () -> client.call("nosuchmethod"));
        assertEquals(BitcoindRpcErrorCodes.METHOD_NOT_FOUND, unknown.rpcCode().orElseThrow());

        BitcoindRpcException noBlock = assertThrows(BitcoindRpcException.class, () -> client.rawBlock("00".repeat(32)));
        assertEquals(BitcoindRpcErrorCodes.INVALID_ADDRESS_OR_KEY, noBlock.rpcCode().orElseThrow());

        BitcoindRpcClient wrongPassword = new BitcoindRpcClient(URI.create(node.rpcUrl()), node.rpcUser(), "wrong",
                Duration.ofSeconds(2), Duration.ofSeconds(10));
        BitcoindRpcException unauthorized = assertThrows(BitcoindRpcException.class, wrongPassword::blockCount);
        assertEquals(BitcoindRpcException.Kind.UNAUTHORIZED, unauthorized.kind());
    }

    @Test
    void nodeThatDiesAtStartupIsReportedWithItsLog() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path dataDir = itDataDir("dies");

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> BitcoindRegtest.start(dataDir, BitcoindRegtest.freePort(), taken.getLocalPort()).close());

            assertTrue(e.getMessage().contains("exited"), e.getMessage());
            assertTrue(e.getMessage().contains("debug.log"), e.getMessage());
            assertTrue(e.getMessage().contains(String.valueOf(taken.getLocalPort())), e.getMessage());
        }
    }

    /** Under target/ so that mvn clean removes them; kept after the run for post-mortem. */
    private static Path itDataDir(String name) throws IOException {
        Path target = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target");
        Files.createDirectories(target);
        return Files.createTempDirectory(target, "bitcoind-it-" + name + "-");
    }

    private static boolean blockHasTx(String blockHash, String txid) {
        return RawBlockParser.parse(client.rawBlock(blockHash), blockHash).getTransactions().stream()
                .anyMatch(tx -> tx.getTxId().toString().equals(txid));
    }

    /** Sum of the outputs paying {@code address}, as a merchant's block scanner would compute it. */
    private static Optional<Coin> paidTo(Transaction tx, String address) {
        return tx.getOutputs().stream()
                .filter(output -> address.equals(addressOf(output)))
                .map(TransactionOutput::getValue)
                .reduce(Coin::add);
    }

    private static String addressOf(TransactionOutput output) {
        try {
            return output.getScriptPubKey().getToAddress(BitcoinNetwork.REGTEST).toString();
        } catch (ScriptException e) {
            return null; // OP_RETURN and other non-address outputs
        }
    }
}

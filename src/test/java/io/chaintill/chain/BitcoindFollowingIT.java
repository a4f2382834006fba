package io.chaintill.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.bitcoin.BitcoinScripts;
import io.chaintill.chain.bitcoin.BitcoindChainSource;
import io.chaintill.support.BitcoindRegtest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import io.chaintill.support.TestEnvironment;

/**
 * The follower against a real bitcoind (regtest): real blocks, real mempool, real reorgs (invalidateblock) and real
 * replacements (bumpfee). The ledger is the in-memory port; the server-level test is BitcoinTrackingIT.
 */
@Tag(TestEnvironment.SINGLE_DATABASE) // the ledger is the in-memory port: no database at all
class BitcoindFollowingIT {
    private static BitcoindRegtest node;
    private static BitcoindChainSource source;
    private InMemoryChainLedger ledger;
    private WatchedDestinations watched;
    private ChainFollower follower;
    private String shopAddress;

    @BeforeAll
    static void startNode() throws Exception {
        Path dir = Files.createTempDirectory("chaintill-following-");
        node = BitcoindRegtest.start(dir, BitcoindRegtest.freePort(), BitcoindRegtest.freePort());
        node.mine(20); // several mature coinbases: each test pays from its own coin
        source = new BitcoindChainSource(node.client());
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void setUp() {
        ledger = new InMemoryChainLedger();
        watched = new WatchedDestinations();
        shopAddress = node.newAddress("shop");
        watched.add(new WatchedDestination(BitcoinScripts.scriptHex(shopAddress, ChainNetwork.REGTEST), shopAddress,
                "invoice", "prompt"));
        follower = new ChainFollower("BTC", source, ledger, watched, 0, 100);
        follower.followOnce();
    }

    @Test
    void networkIsChecked() {
        assertTrue(source.runsOn(ChainNetwork.REGTEST));
        assertFalse(source.runsOn(ChainNetwork.MAINNET));
    }

    @Test
    void mempoolPaymentThenConfirmation() {
        String txid = node.send(BitcoindRegtest.MINER_WALLET, shopAddress, new BigDecimal("0.0015"));
        follower.followOnce();
        InMemoryChainLedger.Paid paid = ledger.payment(txid);
        assertNull(paid.height);
        assertEquals(150_000, paid.output.value().intValue());
        assertTrue(paid.output.replaceable(), "Knots signals RBF");

        node.mine(1);
        follower.followOnce();
        assertEquals(node.blockCount(), ledger.payment(txid).height);
    }

    @Test
    void reorgOfDepthOnePutsThePaymentBackToUnconfirmed() {
        String txid = node.send(BitcoindRegtest.MINER_WALLET, shopAddress, new BigDecimal("0.001"));
        String block = node.mine(1).get(0);
        follower.followOnce();
        assertEquals(node.blockCount(), ledger.payment(txid).height);

        node.invalidateBlock(block);
        String elsewhere = node.newAddress("other");
        node.generateBlock(elsewhere, List.of());
        node.generateBlock(elsewhere, List.of());
        FollowReport report = follower.followOnce();

        assertEquals(1, report.reorgDepth());
        assertNull(ledger.payment(txid).height, "its block is gone; it waits in the mempool again");
        assertTrue(ledger.payment(txid).valid);

        node.mine(1);
        follower.followOnce();
        assertEquals(node.blockCount(), ledger.payment(txid).height);
    }

    @Test
    void reorgOfDepthThreeWithADoubleSpendInvalidatesThePayment() {
        String txid = node.send(BitcoindRegtest.MINER_WALLET, shopAddress, new BigDecimal("0.002"));
        List<String> blocks = node.mine(3);
        follower.followOnce();
        assertTrue(ledger.payment(txid).height != null);

        node.invalidateBlock(blocks.get(0));
        String replacement = node.replaceByFee(BitcoindRegtest.MINER_WALLET, txid, node.newAddress("other"),
                new BigDecimal("0.0019"));
        node.mine(4);
        FollowReport report = follower.followOnce();

        assertEquals(3, report.reorgDepth());
        assertFalse(ledger.payment(txid).valid, "double spent by " + replacement);
    }

    @Test
    void replacementPayingElsewhereDropsTheUnconfirmedPayment() {
        String txid = node.send(BitcoindRegtest.MINER_WALLET, shopAddress, new BigDecimal("0.003"));
        follower.followOnce();
        assertTrue(ledger.payment(txid).valid);
        node.replaceByFee(BitcoindRegtest.MINER_WALLET, txid, node.newAddress("other"), new BigDecimal("0.0029"));
        FollowReport report = follower.followOnce();
        assertEquals(1, report.droppedTransactions());
        assertFalse(ledger.payment(txid).valid);
    }

    @Test
    void broadcastRelaysAndReportsTheNodesReason() {
        String txid = node.send(BitcoindRegtest.MINER_WALLET, shopAddress, new BigDecimal("0.004"));
        String hex = java.util.HexFormat.of().formatHex(node.client().rawTransaction(txid));
        assertEquals(txid, source.broadcast(hex), "already in the mempool: accepted again");
        node.mine(1);
        BroadcastRejectedException e = assertThrows(BroadcastRejectedException.class, () -> source.broadcast(hex));
        assertTrue(e.getMessage().toLowerCase().contains("already") || e.getMessage().contains("-27"), e.getMessage());
    }
}

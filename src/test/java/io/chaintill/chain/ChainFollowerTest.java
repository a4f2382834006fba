package io.chaintill.chain;

import static io.chaintill.chain.FakeChainSource.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChainFollowerTest {
    private final FakeChainSource chain = new FakeChainSource(10);
    private final InMemoryChainLedger ledger = new InMemoryChainLedger();
    private final WatchedDestinations watched = new WatchedDestinations();
    private ChainFollower follower;

    @BeforeEach
    void setUp() {
        watched.add(new WatchedDestination("watched-a", "addr-a", "inv-a", "prompt-a"));
        watched.add(new WatchedDestination("watched-b", "addr-b", "inv-b", "prompt-b"));
        follower = new ChainFollower("BTC", chain, ledger, watched, 2, 100);
        follower.followOnce();
    }

    @Test
    void firstStartBeginsSlightlyBelowTheTipAndScansUpToIt() {
        assertEquals(new ChainCursor(10, chain.tip().hash()), ledger.cursor);
        assertEquals(2, ledger.applyCalls);
    }

    @Test
    void mempoolPaymentIsRecordedThenConfirmedWhenMined() {
        ChainTransaction tx = payment("tx1", "watched-a", 5000);
        chain.mempool.put("tx1", tx);
        FollowReport report = follower.followOnce();
        assertEquals(1, report.mempoolPayments());
        assertNull(ledger.payment("tx1").height);

        chain.mine(List.of(tx));
        follower.followOnce();
        assertEquals(11, ledger.payment("tx1").height);
        assertTrue(ledger.payment("tx1").valid);
    }

    @Test
    void eachBlockIsFetchedOnceAndUnwatchedOutputsAreIgnored() {
        chain.mine(List.of(payment("tx1", "stranger", 1)));
        chain.mine(List.of(payment("tx2", "watched-b", 7)));
        int before = chain.blockFetches;
        follower.followOnce();
        follower.followOnce();
        assertEquals(before + 2, chain.blockFetches);
        assertEquals(1, ledger.payments.size());
        assertEquals(7, ledger.payment("tx2").output.value().intValue());
        assertEquals("inv-b", ledger.payment("tx2").output.watched().invoiceId());
    }

    @Test
    void reorgOfDepthOneUnconfirmsThePaymentAndRescansTheNewChain() {
        ChainTransaction tx = payment("tx1", "watched-a", 5000);
        chain.mine(List.of(tx));
        follower.followOnce();
        assertEquals(11, ledger.payment("tx1").height);

        chain.disconnect(1);
        chain.mine(List.of());
        chain.mine(List.of());
        FollowReport report = follower.followOnce();

        assertEquals(1, report.reorgDepth());
        assertEquals(12, report.cursor().height());
        assertNull(ledger.payment("tx1").height, "back in the mempool, not confirmed");
        assertTrue(ledger.payment("tx1").valid);
    }

    @Test
    void reorgOfDepthThreeThatDoubleSpendsThePaymentInvalidatesIt() {
        ChainTransaction tx = payment("tx1", "watched-a", 5000, "coin:0");
        chain.mine(List.of(tx));
        chain.mine(List.of());
        chain.mine(List.of());
        follower.followOnce();
        assertEquals(11, ledger.payment("tx1").height);

        chain.disconnect(3);
        chain.mine(List.of(payment("tx1-conflict", "elsewhere", 4900, "coin:0")));
        chain.mine(List.of());
        chain.mine(List.of());
        chain.mine(List.of());
        FollowReport report = follower.followOnce();

        assertEquals(3, report.reorgDepth());
        assertEquals(14, ledger.cursor.height());
        assertFalse(ledger.payment("tx1").valid, "double spent in the new chain");
    }

    @Test
    void reorgThatMinesThePaymentAgainKeepsItConfirmedAtItsNewHeight() {
        ChainTransaction tx = payment("tx1", "watched-a", 5000);
        chain.mine(List.of(tx));
        follower.followOnce();
        chain.disconnect(1);
        chain.mine(List.of());
        chain.mine(List.of(tx));
        follower.followOnce();
        assertEquals(12, ledger.payment("tx1").height);
        assertTrue(ledger.payment("tx1").valid);
    }

    @Test
    void replacementPayingElsewhereDropsTheUnconfirmedPayment() {
        chain.mempool.put("tx1", payment("tx1", "watched-a", 5000, "coin:0"));
        follower.followOnce();
        chain.mempool.remove("tx1");
        chain.mempool.put("tx1-rbf", payment("tx1-rbf", "elsewhere", 4000, "coin:0"));
        FollowReport report = follower.followOnce();
        assertEquals(1, report.droppedTransactions());
        assertFalse(ledger.payment("tx1").valid);
    }

    @Test
    void aPaymentAnotherNodeRecordsAfterThisNodeListedTheMempoolIsNotTakenForVanished() {
        ReceivedOutput seenByOtherNode = new ReceivedOutput(watched.match(payment("tx9", "watched-a", 5000)).get(0).watched(),
                "tx9", 0, java.math.BigInteger.valueOf(5000), false);
        chain.afterMempoolListed = () -> ledger.recordUnconfirmed(List.of(seenByOtherNode));
        FollowReport report = follower.followOnce();
        assertEquals(0, report.droppedTransactions());
        assertTrue(ledger.payment("tx9").valid);
    }

    @Test
    void doubleSpendMinedInABlockIsNoticedFromTheSpentOutpoint() {
        chain.mempool.put("tx1", payment("tx1", "watched-a", 5000, "coin:7"));
        follower.followOnce();
        chain.mine(List.of(payment("thief", "elsewhere", 5000, "coin:7")));
        follower.followOnce();
        assertFalse(ledger.payment("tx1").valid);
    }

    @Test
    void afterDowntimeEveryMissedBlockIsScanned() {
        for (int i = 0; i < 30; i++) {
            chain.mine(i == 17 ? List.of(payment("late", "watched-b", 99)) : List.of());
        }
        follower = new ChainFollower("BTC", chain, ledger, watched, 2, 100); // a restarted server: fresh memory
        follower.followOnce();
        assertEquals(40, ledger.cursor.height());
        assertEquals(28, ledger.payment("late").height);
    }

    @Test
    void aLongCatchUpIsSplitIntoBoundedPasses() {
        for (int i = 0; i < 25; i++) {
            chain.mine(List.of());
        }
        follower = new ChainFollower("BTC", chain, ledger, watched, 2, 10);
        assertEquals(10, follower.followOnce().blocksApplied());
        assertEquals(10, follower.followOnce().blocksApplied());
        assertEquals(5, follower.followOnce().blocksApplied());
        assertEquals(35, ledger.cursor.height());
    }

    @Test
    void anotherNodeMovingTheCursorStopsThisPassWithoutDoubleApplying() {
        chain.mine(List.of());
        ledger.cursor = new ChainCursor(11, chain.tip().hash()); // applied elsewhere
        ledger.blocks.put(11, chain.tip().hash());
        int before = ledger.applyCalls;
        follower.followOnce();
        assertEquals(before, ledger.applyCalls);
    }

    @Test
    void aTransactionSeenBeforeItsDestinationWasWatchedIsMatchedOnceItIs() {
        chain.mempool.put("early", payment("early", "watched-late", 5000));
        follower.followOnce();
        assertTrue(ledger.payments.isEmpty());
        watched.add(new WatchedDestination("watched-late", "addr-late", "inv-late", "prompt-late"));
        int fetches = chain.mempool.size();
        assertEquals(1, follower.followOnce().mempoolPayments());
        assertEquals("inv-late", ledger.payment("early").output.watched().invoiceId());
        assertEquals(1, fetches);
    }

    @Test
    void mempoolTransactionsAreFetchedOnceWhileTheyStay() {
        chain.mempool.put("t1", payment("t1", "stranger", 1));
        chain.mempool.put("t2", payment("t2", "stranger", 2));
        FakeChainSource counting = chain;
        follower.followOnce();
        int before = counting.mempoolFetches;
        follower.followOnce();
        follower.followOnce();
        assertEquals(before, counting.mempoolFetches);
    }

    @Test
    void aBlockPayingADestinationAddedDuringThePassIsMatchedAgainAfterIt() {
        chain.mine(List.of(payment("quick", "watched-new", 777)));
        follower.followOnce(); // the index did not know the destination yet
        assertTrue(ledger.payments.isEmpty());
        watched.add(new WatchedDestination("watched-new", "addr-new", "inv-new", "prompt-new"));
        assertEquals(1, follower.rematchLastPassBlocks());
        assertEquals(11, ledger.payment("quick").height);
        assertEquals(0, follower.rematchLastPassBlocks(), "only once");
    }
}

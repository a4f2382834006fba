package io.chaintill.chain;

import static io.chaintill.chain.FakeChainSource.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailoverSourceTest {
    /** Two views of one honest chain (same blocks), each with its own mempool; either can be switched off. */
    private final FakeChainSource primaryChain = new FakeChainSource(10);
    private final FakeChainSource witnessChain = new FakeChainSource(10);
    private final Switchable primary = new Switchable(primaryChain, "primary");
    private final Switchable witness = new Switchable(witnessChain, "witness");
    private final InMemoryChainLedger ledger = new InMemoryChainLedger();
    private final WatchedDestinations watched = new WatchedDestinations();
    private FailoverSource source;
    private ChainFollower follower;

    @BeforeEach
    void setUp() {
        watched.add(new WatchedDestination("watched-a", "addr-a", "inv-a", "prompt-a"));
        watched.add(new WatchedDestination("watched-b", "addr-b", "inv-b", "prompt-b"));
        source = new FailoverSource("BTC", primary, List.of(witness), s -> Optional.empty());
        follower = new ChainFollower("BTC", source, ledger, watched, 2, 100);
        assertTrue(source.choose().isEmpty());
        follower.followOnce();
    }

    private void mineOnBoth(ChainTransaction... txs) {
        assertEquals(primaryChain.mine(List.of(txs)), witnessChain.mine(List.of(txs)));
    }

    @Test
    void aDownPrimaryIsReplacedByTheWitnessFromTheCursorAndComesBackWhenItAnswers() {
        mineOnBoth(); // a block the follower has not seen when the primary goes
        primary.down = true;
        mineOnBoth(payment("tx2", "watched-b", 7));

        Optional<FailoverSource.Failover> failover = source.choose();
        assertTrue(failover.isPresent());
        assertSame(witness, failover.get().fallback());
        assertTrue(failover.get().reason().contains("primary does not answer"), failover.get().reason());
        FollowReport report = follower.followOnce();
        assertEquals(12, report.cursor().height());
        assertEquals(12, ledger.payment("tx2").height, "found through the witness");
        assertEquals(List.of(11, 12), ledger.blocks.tailMap(10, false).keySet().stream().toList(), "nothing skipped");

        primary.down = false;
        assertTrue(source.choose().isEmpty());
        assertSame(primary, source.current());
        mineOnBoth();
        assertEquals(13, follower.followOnce().cursor().height());
        assertTrue(ledger.payment("tx2").valid);
    }

    @Test
    void aPaymentOnlyThePrimaryRelayedIsNotTakenForReplacedWhileOnTheWitness() {
        ChainTransaction tx = payment("tx1", "watched-a", 5000);
        primaryChain.mempool.put("tx1", tx);
        follower.followOnce();
        assertNull(ledger.payment("tx1").height);

        primary.down = true;
        assertTrue(source.choose().isPresent());
        follower.followOnce();
        follower.followOnce();
        assertTrue(ledger.payment("tx1").valid, "still waiting: the witness's mempool just never had it");
        assertTrue(ledger.unconfirmedTxids().contains("tx1"));
    }

    @Test
    void withNoSourceAnsweringThePassFailsOnThePrimary() {
        primary.down = true;
        witness.down = true;
        assertTrue(source.choose().isEmpty());
        assertSame(primary, source.current());
        assertThrows(ChainSourceException.class, follower::followOnce);
    }

    @Test
    void aWitnessOnAnotherChainIsNeverFollowed() {
        FailoverSource picky = new FailoverSource("BTC", primary, List.of(witness),
                s -> s == witness ? Optional.of("another chain") : Optional.empty());
        primary.down = true;
        assertFalse(picky.choose().isPresent());
        assertSame(primary, picky.current());
    }

    @Test
    void aSourceAlongsideReadsTheNodeTheChooserChoseAndNeverChoosesItself() {
        Switchable tokenOnPrimary = new Switchable(primaryChain, "token on primary");
        Switchable tokenOnWitness = new Switchable(witnessChain, "token on witness");
        FailoverSource token = source.alongside(tokenOnPrimary, List.of(tokenOnWitness));
        assertSame(tokenOnPrimary, token.current());
        assertSame(tokenOnPrimary, FailoverSource.underlying(token));

        primary.down = true;
        tokenOnPrimary.down = true;
        assertTrue(source.choose().isPresent());
        assertSame(tokenOnWitness, token.current(), "one choice for the whole chain");
        assertEquals(witnessChain.tip(), token.tip());

        primary.down = false;
        tokenOnPrimary.down = false;
        assertTrue(source.choose().isEmpty());
        assertSame(tokenOnPrimary, token.current());
        assertThrows(IllegalStateException.class, token::choose);
        assertThrows(IllegalArgumentException.class, () -> source.alongside(tokenOnPrimary, List.of()));
    }

    /** A source that stops answering on demand, as a killed node does. */
    private static final class Switchable implements ChainSource {
        private final ChainSource chain;
        private final String name;
        boolean down;

        Switchable(ChainSource chain, String name) {
            this.chain = chain;
            this.name = name;
        }

        private ChainSource up() {
            if (down) {
                throw new ChainSourceException(name + " refused the connection");
            }
            return chain;
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public boolean runsOn(ChainNetwork network) {
            return up().runsOn(network);
        }

        @Override
        public ChainTip tip() {
            return up().tip();
        }

        @Override
        public Optional<String> blockHash(int height) {
            return up().blockHash(height);
        }

        @Override
        public ChainBlock block(String hash) {
            return up().block(hash);
        }

        @Override
        public List<String> mempoolTxids() {
            return up().mempoolTxids();
        }

        @Override
        public Optional<ChainTransaction> mempoolTransaction(String txid) {
            return up().mempoolTransaction(txid);
        }

        @Override
        public String broadcast(String hex) {
            return up().broadcast(hex);
        }
    }
}

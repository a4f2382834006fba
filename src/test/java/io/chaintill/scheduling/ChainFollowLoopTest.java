package io.chaintill.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.application.ChainStatus;
import io.chaintill.application.ChainStatus.State;
import io.chaintill.application.WatchedPromptLoader;
import io.chaintill.chain.ChainBlock;
import io.chaintill.chain.ChainCursor;
import io.chaintill.chain.ChainFollower;
import io.chaintill.chain.ChainLedger;
import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.ChainTip;
import io.chaintill.chain.ChainTransaction;
import io.chaintill.chain.WatchedDestination;
import io.chaintill.chain.WatchedDestinations;
import io.chaintill.domain.payment.PaymentMethodId;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The follow loop both chain jobs share: refusal before anything is recorded, backoff, health. */
class ChainFollowLoopTest {
    private final MovableClock clock = new MovableClock();
    private final ChainStatus status = new ChainStatus();
    private final Node node = new Node();
    private int followersMade;

    @Test
    void aRefusedSourceIsReportedDownWithTheReasonAndNeverFollowed() {
        ChainFollowLoop loop = loop(Optional.of("node runs chain id 1337, but chaintill.eth.chain-id is 1"));
        loop.pass(node);
        ChainStatus.Snapshot s = status.of("TEST");
        assertEquals(State.DOWN, s.state());
        assertEquals("node runs chain id 1337, but chaintill.eth.chain-id is 1", s.error());
        assertNull(s.scannedHeight());
        assertEquals(0, followersMade);
        assertFalse(loop.due(clock.instant().plusSeconds(59)), "checked again after a minute, not at once");
        assertTrue(loop.due(clock.instant().plusSeconds(60)));
    }

    @Test
    void aFailingSourceBacksOffReportsDownAndResumesUp() {
        ChainFollowLoop loop = loop(Optional.empty());
        node.down = true;
        loop.pass(node);
        assertEquals(State.DOWN, status.of("TEST").state());
        assertEquals("connection refused", status.of("TEST").error());
        assertFalse(loop.due(clock.instant()), "backing off");
        clock.advance(Duration.ofMillis(2000)); // first backoff: twice the interval
        assertTrue(loop.due(clock.instant()));
        loop.pass(node);
        clock.advance(Duration.ofMillis(3999));
        assertFalse(loop.due(clock.instant()), "second backoff doubles");
        clock.advance(Duration.ofMillis(1));
        node.down = false;
        loop.pass(node);
        ChainStatus.Snapshot up = status.of("TEST");
        assertEquals(State.UP, up.state());
        assertEquals(7, up.tipHeight());
        assertEquals(7, up.scannedHeight());
        assertEquals(1, up.watched(), "the watched index was loaded");
        assertTrue(loop.due(clock.instant()));
        assertEquals(1, followersMade, "one follower for the loop's life");
    }

    @Test
    void aStandbyNodeReportsTheSharedCursorAndTheNodesTipWithoutFollowing() {
        ChainFollowLoop loop = loop(Optional.empty());
        loop.standbyPass(node); // the ledger refuses every write: a standby pass must not make one
        ChainStatus.Snapshot s = status.of("TEST");
        assertEquals(State.UP, s.state());
        assertEquals(7, s.tipHeight());
        assertEquals(7, s.scannedHeight());
        assertEquals(0, s.watched(), "the watched index is the leader's business");
        node.down = true;
        loop.standbyPass(node);
        assertEquals(State.DOWN, status.of("TEST").state());
        assertEquals("connection refused", status.of("TEST").error());
        assertEquals(1, followersMade);
    }

    private ChainFollowLoop loop(Optional<String> refusal) {
        ChainFollowLoop.Chain chain = new ChainFollowLoop.Chain() {
            @Override
            public String key() {
                return "TEST";
            }

            @Override
            public PaymentMethodId method() {
                return PaymentMethodId.BTC_CHAIN;
            }

            @Override
            public String matchKey(String destination) {
                return destination.toLowerCase();
            }

            @Override
            public Optional<String> refusal(ChainSource source) {
                return refusal;
            }

            @Override
            public ChainFollower follower(ChainSource source, WatchedDestinations watched) {
                followersMade++;
                return new ChainFollower("TEST", source, ledgerAt(new ChainCursor(7, "h7")), watched, 6, 100);
            }
        };
        WatchedPromptLoader prompts = new WatchedPromptLoader() {
            @Override
            public List<WatchedDestination> load(PaymentMethodId method, Instant createdSince, Instant now,
                                                 Function<String, String> scriptOf) {
                return List.of(new WatchedDestination(scriptOf.apply("ADDR"), "ADDR", "inv", "prompt"));
            }

            @Override
            public List<String> processingPastMonitoring(PaymentMethodId method, Instant now) {
                return List.of();
            }
        };
        return new ChainFollowLoop(chain, status, prompts, null, clock, 1000);
    }

    /** A ledger already at the node's tip, with nothing unconfirmed: a pass only looks. */
    private static ChainLedger ledgerAt(ChainCursor cursor) {
        return (ChainLedger) Proxy.newProxyInstance(ChainLedger.class.getClassLoader(), new Class<?>[] {ChainLedger.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "cursor" -> Optional.of(cursor);
                    case "unconfirmedTxids" -> Set.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A node at block 7 that can be switched off. */
    private static final class Node implements ChainSource {
        boolean down;

        @Override
        public String describe() {
            return "test node";
        }

        @Override
        public boolean runsOn(ChainNetwork network) {
            return true;
        }

        @Override
        public ChainTip tip() {
            if (down) {
                throw new ChainSourceException("connection refused");
            }
            return new ChainTip(7, "h7");
        }

        @Override
        public Optional<String> blockHash(int height) {
            return height == 7 ? Optional.of("h7") : Optional.empty();
        }

        @Override
        public ChainBlock block(String hash) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> mempoolTxids() {
            return List.of();
        }

        @Override
        public Optional<ChainTransaction> mempoolTransaction(String txid) {
            return Optional.empty();
        }

        @Override
        public String broadcast(String hex) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package io.chaintill.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.rates.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaseKeeperTest {
    private static final Duration TTL = Duration.ofSeconds(6);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final RowStore store = new RowStore(clock);

    /** The SQL's semantics on a map: take if free, expired or ours; release only if ours. */
    static final class RowStore implements LeaseStore {
        record Row(String holder, Instant expires) {
        }

        private final MutableClock clock;
        final Map<String, Row> rows = new HashMap<>();
        int calls;
        boolean down;

        RowStore(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public boolean tryTake(String resource, String holder, Duration ttl) {
            calls++;
            if (down) {
                throw new IllegalStateException("database unreachable");
            }
            Row row = rows.get(resource);
            Instant now = clock.instant();
            if (row == null || row.holder().equals(holder) || row.expires().isBefore(now)) {
                rows.put(resource, new Row(holder, now.plus(ttl)));
                return true;
            }
            return false;
        }

        @Override
        public void release(String resource, String holder) {
            if (rows.containsKey(resource) && rows.get(resource).holder().equals(holder)) {
                rows.remove(resource);
            }
        }
    }

    private LeaseKeeper keeper(String node) {
        return new LeaseKeeper("chain:BTC", node, TTL, RETRY, store, clock);
    }

    private void advance(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }

    @Test
    void onlyOneOfTwoNodesHoldsTheLeaseWhileItsHolderRenewsIt() {
        LeaseKeeper a = keeper("a");
        LeaseKeeper b = keeper("b");
        assertTrue(a.holds());
        for (int i = 0; i < 60; i++) { // a minute of 1 s follow passes on both nodes
            advance(1000);
            assertTrue(a.holds(), "holder keeps it at second " + i);
            assertFalse(b.holds(), "standby never gets it at second " + i);
        }
        assertEquals("a", store.rows.get("chain:BTC").holder());
    }

    @Test
    void aKilledHoldersLeaseIsTakenOverWithinTtlPlusRetry() {
        LeaseKeeper a = keeper("a");
        LeaseKeeper b = keeper("b");
        assertTrue(a.holds());
        assertFalse(b.holds());
        // a is killed: it never calls again. b polls every 100 ms (a ZMQ-driven follower's tick).
        long waited = 0;
        while (!b.holds()) {
            advance(100);
            waited += 100;
            assertTrue(waited <= TTL.plus(RETRY).toMillis(), "handover took longer than ttl + retry");
        }
        assertTrue(waited >= TTL.toMillis() - 1000, "taken over before the old lease could have ended: " + waited);
        assertEquals("b", store.rows.get("chain:BTC").holder());
    }

    @Test
    void aStandbyNodeAsksTheStoreAtMostOncePerRetry() {
        keeper("a").holds();
        LeaseKeeper b = keeper("b");
        int before = store.calls;
        for (int i = 0; i < 50; i++) { // 5 s of 100 ms ticks
            b.holds();
            advance(100);
        }
        assertEquals(5, store.calls - before);
    }

    @Test
    void theHolderRenewsAfterAThirdOfTheTtlNotOnEveryPass() {
        LeaseKeeper a = keeper("a");
        a.holds();
        int before = store.calls;
        for (int i = 0; i < 60; i++) { // 6 s of 100 ms ticks: renewals at 2 s, 4 s, 6 s
            advance(100);
            a.holds();
        }
        assertEquals(3, store.calls - before);
    }

    @Test
    void closingHandsTheLeaseOverAtOnceAndNeverTakesItAgain() {
        LeaseKeeper a = keeper("a");
        LeaseKeeper b = keeper("b");
        assertTrue(a.holds());
        a.close();
        assertFalse(store.rows.containsKey("chain:BTC"));
        assertTrue(b.holds(), "the next node takes it without waiting for the expiry");
        advance(TTL.toMillis() * 2);
        assertFalse(a.holds(), "a closed keeper stays out even once the lease is free");
    }

    @Test
    void aHolderCutOffFromTheStoreStopsClaimingTheLeaseWhenItEnds() {
        LeaseKeeper a = keeper("a");
        assertTrue(a.holds());
        store.down = true;
        advance(2500); // renewal due, store unreachable: the lease is still surely ours
        assertTrue(a.holds());
        advance(3400); // 5.9 s: still within the lease sent at 0
        assertTrue(a.holds());
        advance(200); // 6.1 s: another node may have it now
        assertFalse(a.holds());
        store.down = false;
        advance(1000);
        assertTrue(a.holds(), "takes it again once the store answers and nobody else took it");
    }

    @Test
    void aHolderWhoseLeaseWasTakenMeanwhileLearnsAtItsNextRenewal() {
        LeaseKeeper a = keeper("a");
        assertTrue(a.holds());
        // a stalls (a long GC pause) past its lease; b takes it
        advance(7000);
        LeaseKeeper b = keeper("b");
        assertTrue(b.holds());
        assertFalse(a.holds(), "the renewal is refused: a must stop following");
        assertTrue(b.holds());
    }

    @Test
    void restartedNodeWithTheSameIdResumesItsOwnLeaseWithoutWaiting() {
        assertTrue(keeper("a").holds());
        advance(500);
        assertTrue(keeper("a").holds());
    }
}

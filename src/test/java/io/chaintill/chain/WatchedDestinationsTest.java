package io.chaintill.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchedDestinationsTest {
    private final WatchedDestinations index = new WatchedDestinations();
    private final WatchedDestination a = new WatchedDestination("0014aa", "bcrt1qa", "inv-1", "p-1");

    @Test
    void matchesOnlyOutputsPayingAWatchedScript() {
        index.add(a);
        ChainTransaction tx = new ChainTransaction("t", true, List.of(
                new ChainOutput(0, "0014bb", BigInteger.ONE),
                new ChainOutput(1, "0014aa", BigInteger.valueOf(1500))), List.of());
        List<ReceivedOutput> found = index.match(tx);
        assertEquals(1, found.size());
        assertEquals(new ReceivedOutput(a, "t", 1, BigInteger.valueOf(1500), true), found.get(0));
    }

    @Test
    void twoOutputsToTheSameDestinationAreTwoPayments() {
        index.add(a);
        ChainTransaction tx = new ChainTransaction("t", false, List.of(
                new ChainOutput(0, "0014aa", BigInteger.TEN), new ChainOutput(3, "0014aa", BigInteger.TWO)), List.of());
        assertEquals(2, index.match(tx).size());
    }

    @Test
    void zeroValueOutputsAreNotPayments() {
        index.add(a);
        ChainTransaction tx = new ChainTransaction("t", false, List.of(new ChainOutput(0, "0014aa", BigInteger.ZERO)), List.of());
        assertTrue(index.match(tx).isEmpty());
    }

    @Test
    void replaceAllForgetsClosedDestinations() {
        index.add(a);
        index.replaceAll(List.of(new WatchedDestination("0014cc", "bcrt1qc", "inv-2", "p-2")));
        assertEquals(1, index.size());
        ChainTransaction tx = new ChainTransaction("t", false, List.of(new ChainOutput(0, "0014aa", BigInteger.TEN)), List.of());
        assertTrue(index.match(tx).isEmpty());
    }
}

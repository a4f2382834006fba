package io.chaintill.chain.bitcoin;

import io.chaintill.support.TestEnvironment;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ChainWakeup;
import io.chaintill.support.BitcoindRegtest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** bitcoind's ZMQ notifications ring the follower's doorbell for blocks and (rate-limited) for transactions. */
@Tag(TestEnvironment.SINGLE_DATABASE) // bitcoind notifications; no database
class ZmqChainListenerIT {

    @Test
    void blocksAndTransactionsRingTheWakeup() throws Exception {
        int zmqPort = BitcoindRegtest.freePort();
        try (BitcoindRegtest node = BitcoindRegtest.start(Files.createTempDirectory("chaintill-zmq-"),
                BitcoindRegtest.freePort(), BitcoindRegtest.freePort(), zmqPort)) {
            node.ensureSpendableCoins();
            ChainWakeup wakeup = new ChainWakeup();
            try (ZmqChainListener listener = new ZmqChainListener(node.zmqUrl(), wakeup)) {
                listener.start(Thread::new);
                assertTrue(aMinedBlockRings(node, wakeup), "a block rings");
                Thread.sleep(1100);
                node.send(BitcoindRegtest.MINER_WALLET, node.newAddress("shop"), new BigDecimal("0.001"));
                assertTrue(rings(wakeup), "a transaction rings");
                assertTrue(listener.notifications() >= 2);
            }
        }
    }

    /**
     * A subscription reaches the publisher a moment after it is made (ZMQ's slow joiner; longer on a loaded machine),
     * and a block published before that is lost: mine until one rings, for at most 20 s.
     */
    private static boolean aMinedBlockRings(BitcoindRegtest node, ChainWakeup wakeup) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            wakeup.consume();
            node.mine(1);
            Instant wait = Instant.now().plusSeconds(1);
            while (Instant.now().isBefore(wait)) {
                if (wakeup.consume()) {
                    return true;
                }
                Thread.sleep(20);
            }
        }
        return false;
    }

    private static boolean rings(ChainWakeup wakeup) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (wakeup.consume()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}

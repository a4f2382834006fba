package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HashingGateTest {

    @Test
    void overTheBoundACallerGivesUpAfterTheWaitInsteadOfQueueing() throws Exception {
        HashingGate gate = new HashingGate(1, Duration.ofMillis(50));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<String>> holder = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            inside.countDown();
            await(release);
            return "first";
        }));
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        assertEquals(Optional.empty(), gate.run(() -> "second"), "no permit free");
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(waitedMs >= 40 && waitedMs < 2000, waitedMs + " ms");
        release.countDown();
        assertEquals(Optional.of("first"), holder.get(5, TimeUnit.SECONDS));
        assertEquals(Optional.of("third"), gate.run(() -> "third"), "the permit is back");
    }

    @Test
    void aFailingCheckReturnsItsPermit() {
        HashingGate gate = new HashingGate(1, Duration.ofMillis(10));
        try {
            gate.run(() -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the permit must be released anyway
        }
        assertEquals(Optional.of(1), gate.run(() -> 1));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.chaintill.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

    @Test
    void waitsTheDrainPeriodThenForRequestsInFlight() {
        AtomicInteger inFlight = new AtomicInteger(2);
        long started = System.nanoTime();
        Thread finisher = new Thread(() -> {
            sleep(400);
            inFlight.set(0);
        });
        finisher.start();
        int left = GracefulShutdown.drain(Duration.ofMillis(100), Duration.ofSeconds(10), inFlight::get);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, left);
        assertTrue(ms >= 400 && ms < 5000, "returned when the last request ended, after " + ms + " ms");
    }

    @Test
    void givesUpOnRequestsThatOutlastTheTimeout() {
        long started = System.nanoTime();
        int left = GracefulShutdown.drain(Duration.ofMillis(200), Duration.ofMillis(300), () -> 3);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals(3, left);
        assertTrue(ms >= 500 && ms < 5000, "drain plus timeout, not forever: " + ms + " ms");
    }

    @Test
    void withNothingInFlightOnlyTheDrainPeriodIsWaited() {
        long started = System.nanoTime();
        GracefulShutdown.drain(Duration.ofMillis(300), Duration.ofSeconds(20), () -> 0);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertTrue(ms >= 300 && ms < 5000, "waited " + ms + " ms");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

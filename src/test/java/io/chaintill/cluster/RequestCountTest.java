package io.chaintill.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestCountTest {

    private static RequestCount inFlight(int n) {
        RequestCount count = new RequestCount();
        for (int i = 0; i < n; i++) {
            count.started();
        }
        return count;
    }

    @Test
    void waitsTheDrainPeriodThenForRequestsInFlight() throws Exception {
        RequestCount inFlight = inFlight(2);
        long started = System.nanoTime();
        Thread finisher = new Thread(() -> {
            try {
                Thread.sleep(400); // two requests that take 400 ms
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.ended();
            inFlight.ended();
        });
        finisher.start();
        int left = inFlight.awaitIdle(Duration.ofMillis(100), Duration.ofSeconds(10));
        long ms = (System.nanoTime() - started) / 1_000_000;
        finisher.join();
        assertEquals(0, left);
        assertTrue(ms >= 400 && ms < 5000, "returned when the last request ended, after " + ms + " ms");
    }

    @Test
    void givesUpOnRequestsThatOutlastTheTimeout() {
        long started = System.nanoTime();
        int left = inFlight(3).awaitIdle(Duration.ofMillis(200), Duration.ofMillis(300));
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals(3, left);
        assertTrue(ms >= 500 && ms < 5000, "drain plus timeout, not forever: " + ms + " ms");
    }

    @Test
    void withNothingInFlightOnlyTheDrainPeriodIsWaited() {
        long started = System.nanoTime();
        inFlight(0).awaitIdle(Duration.ofMillis(300), Duration.ofSeconds(20));
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertTrue(ms >= 300 && ms < 5000, "waited " + ms + " ms");
    }
}

package io.chaintill.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polling waits for integration tests, which watch a real server and real nodes catch up. */
public final class Await {
    private Await() {
    }

    /** Polls {@code condition} every 100 ms until it holds, or fails naming {@code what}. */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            pause(100);
        }
        throw new AssertionError(what + " not reached within " + timeout);
    }

    public static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.chaintill.application;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many password hashes are computed at once. Each PBKDF2 check costs ~80 ms of a core, and anyone can
 * ask for one without credentials; without a bound a flood queues up in the request threads and starves every
 * other request. Over the bound a caller waits at most {@code maxWait}, then gets nothing (answered as "busy").
 */
final class HashingGate {
    private final Semaphore permits;
    private final Duration maxWait;

    HashingGate(int permits, Duration maxWait) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        this.permits = new Semaphore(permits, true);
        this.maxWait = maxWait;
    }

    /** The result of {@code work}, or empty if no permit came free within the wait. */
    <T> Optional<T> run(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            permits.release();
        }
    }
}

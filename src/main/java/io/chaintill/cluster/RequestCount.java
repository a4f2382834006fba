package io.chaintill.cluster;

import java.time.Duration;

/**
 * Requests being answered, with a wait that wakes when the last one ends (no polling): what a graceful shutdown
 * waits for.
 */
final class RequestCount {
    private int count;

    synchronized void started() {
        count++;
    }

    synchronized void ended() {
        if (--count == 0) {
            notifyAll();
        }
    }

    synchronized int current() {
        return count;
    }

    /**
     * Waits {@code pause} whatever happens (the balancer notices the node is not ready meanwhile), then until no
     * request is in flight or {@code timeout} more has passed. Returns the requests still in flight at the end.
     */
    synchronized int awaitIdle(Duration pause, Duration timeout) {
        try {
            waitUntil(System.nanoTime() + pause.toNanos(), false);
            waitUntil(System.nanoTime() + timeout.toNanos(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return count;
    }

    private void waitUntil(long deadline, boolean orIdle) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); left > 0 && !(orIdle && count == 0);
             left = deadline - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
    }
}

package io.chaintill.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to try a delivery again. Exponential backoff with full jitter: the n-th retry waits a uniformly random
 * time in [0, min(cap, initial * 2^(n-1))], so many deliveries failing together (a receiver outage) do not come
 * back in lock step. A receiver's Retry-After is honoured as a lower bound, within the cap. Once the next try
 * would fall after {@code window} since the first attempt, the delivery is failed.
 */
public final class RetryPolicy {
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration window;
    private final RandomGenerator random;

    public RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration window, RandomGenerator random) {
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < initial backoff <= max backoff");
        }
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.window = window;
        this.random = random;
    }

    /**
     * @param attemptNumber 1 for the first attempt of the delivery, 2 for the first retry, ...
     * @param firstAttemptAt when the delivery's first attempt started (the window counts from there)
     */
    public RetryDecision decide(AttemptOutcome outcome, int attemptNumber, Instant firstAttemptAt, Instant now,
                                boolean automaticRedelivery) {
        if (outcome.succeeded()) {
            return RetryDecision.delivered();
        }
        if (!outcome.retryable()) {
            return RetryDecision.failed(outcome.refused() ? "target refused" : "HTTP " + outcome.httpStatus() + " is not retried");
        }
        if (!automaticRedelivery) {
            return RetryDecision.failed("automatic redelivery is off for this webhook");
        }
        Instant next = now.plus(delay(attemptNumber, outcome.retryAfter()));
        if (next.isAfter(firstAttemptAt.plus(window))) {
            return RetryDecision.failed("retry window of " + window.toHours() + " h ended");
        }
        return RetryDecision.retryAt(next);
    }

    /** The wait after attempt {@code attemptNumber}: jittered backoff, raised to Retry-After, never above the cap. */
    Duration delay(int attemptNumber, Duration retryAfter) {
        long ceiling = ceilingMillis(attemptNumber);
        long jittered = random.nextLong(ceiling + 1);
        if (retryAfter != null && !retryAfter.isNegative()) {
            jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), maxBackoff.toMillis()));
        }
        return Duration.ofMillis(jittered);
    }

    /** min(cap, initial * 2^(attemptNumber-1)), without overflowing for large attempt numbers. */
    long ceilingMillis(int attemptNumber) {
        long cap = maxBackoff.toMillis();
        long value = initialBackoff.toMillis();
        for (int i = 1; i < attemptNumber && value < cap; i++) {
            value *= 2;
        }
        return Math.min(value, cap);
    }
}

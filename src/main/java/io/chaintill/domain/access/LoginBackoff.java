package io.chaintill.domain.access;

import java.time.Duration;

/**
 * How long logins wait after repeated failures: nothing for the first {@code freeFailures}, then
 * {@code firstWait} doubling with each further failure up to {@code maxWait}. Doubling keeps a person who
 * mistyped a few times nearly unaffected while making guessing cost hours; the cap keeps an attacker from
 * locking a merchant out for longer than a coffee break.
 */
public record LoginBackoff(int freeFailures, Duration firstWait, Duration maxWait) {
    /** Per account: 5 failures, then 30 s, 60 s, 120 s ... at most 15 min. */
    public static final LoginBackoff PER_ACCOUNT = new LoginBackoff(5, Duration.ofSeconds(30), Duration.ofMinutes(15));
    /** Per client address: more lenient, as several people may share one address (office, NAT). */
    public static final LoginBackoff PER_ADDRESS = new LoginBackoff(20, Duration.ofSeconds(30), Duration.ofMinutes(15));
    /** Failures older than this are forgotten, so an occasional typo never adds up to a lock. */
    public static final Duration FORGET_AFTER = Duration.ofHours(24);

    public LoginBackoff {
        if (freeFailures < 1 || firstWait.isNegative() || firstWait.isZero() || maxWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("invalid backoff");
        }
    }

    /** The wait after the given number of consecutive failures. */
    public Duration waitAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = failures - freeFailures;
        if (doublings >= 30) {
            return maxWait;
        }
        Duration wait = firstWait.multipliedBy(1L << doublings);
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}

package io.chaintill.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
    static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration INITIAL = Duration.ofSeconds(10);
    static final Duration CAP = Duration.ofHours(1);
    static final Duration WINDOW = Duration.ofHours(72);

    /** A "random" source that always answers the highest value: the schedule's ceiling. */
    static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    final RetryPolicy ceilingPolicy = new RetryPolicy(INITIAL, CAP, WINDOW, HIGHEST);

    static AttemptOutcome status(int code) {
        return AttemptOutcome.answered(code, null, 12);
    }

    @Test
    void scheduleDoublesFromTheInitialBackoffUpToTheCap() {
        long[] expectedSeconds = {10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600};
        for (int attempt = 1; attempt <= expectedSeconds.length; attempt++) {
            assertEquals(expectedSeconds[attempt - 1] * 1000, ceilingPolicy.ceilingMillis(attempt), "attempt " + attempt);
        }
        assertEquals(CAP.toMillis(), ceilingPolicy.ceilingMillis(10_000), "no overflow for huge attempt numbers");
    }

    @Test
    void fullJitterStaysWithinZeroAndTheCeiling() {
        RetryPolicy policy = new RetryPolicy(INITIAL, CAP, WINDOW, new SplittableRandom(42));
        for (int attempt = 1; attempt <= 15; attempt++) {
            long ceiling = policy.ceilingMillis(attempt);
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < 2000; i++) {
                long d = policy.delay(attempt, null).toMillis();
                assertTrue(d >= 0 && d <= ceiling, d + " outside [0, " + ceiling + "]");
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            // Full jitter really spreads: both ends of the range are reached, roughly.
            assertTrue(min < ceiling / 10, "min " + min + " for ceiling " + ceiling);
            assertTrue(max > ceiling * 9 / 10, "max " + max + " for ceiling " + ceiling);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 599, 408, 429})
    void retryableAnswersAreRetried(int code) {
        Instant now = FIRST.plusSeconds(1);
        RetryDecision d = ceilingPolicy.decide(status(code), 1, FIRST, now, true);
        assertEquals(RetryDecision.Kind.RETRY, d.kind());
        assertEquals(now.plusSeconds(10), d.nextAttemptAt());
    }

    @Test
    void networkErrorsAndTimeoutsAreRetried() {
        RetryDecision d = ceilingPolicy.decide(AttemptOutcome.noAnswer("timeout", 15_000), 3, FIRST, FIRST, true);
        assertEquals(RetryDecision.Kind.RETRY, d.kind());
        assertEquals(FIRST.plusSeconds(40), d.nextAttemptAt());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 410, 413, 422, 301, 302, 100})
    void otherAnswersFailAtOnce(int code) {
        RetryDecision d = ceilingPolicy.decide(status(code), 1, FIRST, FIRST, true);
        assertEquals(RetryDecision.Kind.FAILED, d.kind());
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void anyTwoHundredIsDelivered(int code) {
        assertEquals(RetryDecision.Kind.DELIVERED, ceilingPolicy.decide(status(code), 1, FIRST, FIRST, true).kind());
    }

    @Test
    void refusedTargetsAreNotRetried() {
        RetryDecision d = ceilingPolicy.decide(AttemptOutcome.refusedTarget("refused"), 1, FIRST, FIRST, true);
        assertEquals(RetryDecision.Kind.FAILED, d.kind());
    }

    @Test
    void withoutAutomaticRedeliveryTheFirstFailureIsFinal() {
        RetryDecision d = ceilingPolicy.decide(status(503), 1, FIRST, FIRST, false);
        assertEquals(RetryDecision.Kind.FAILED, d.kind());
    }

    @Test
    void retryAfterIsALowerBound() {
        RetryPolicy random = new RetryPolicy(INITIAL, CAP, WINDOW, new SplittableRandom(7));
        AttemptOutcome busy = AttemptOutcome.answered(429, Duration.ofSeconds(120), 5);
        for (int i = 0; i < 100; i++) {
            RetryDecision d = random.decide(busy, 1, FIRST, FIRST, true);
            assertEquals(FIRST.plusSeconds(120), d.nextAttemptAt(), "120 s beats any backoff <= 10 s");
        }
        // A shorter Retry-After does not shorten the backoff.
        RetryDecision d = ceilingPolicy.decide(AttemptOutcome.answered(503, Duration.ofSeconds(1), 5), 1, FIRST, FIRST, true);
        assertEquals(FIRST.plusSeconds(10), d.nextAttemptAt());
    }

    @Test
    void retryAfterIsCapped() {
        AttemptOutcome busy = AttemptOutcome.answered(503, Duration.ofDays(3), 5);
        RetryDecision d = ceilingPolicy.decide(busy, 1, FIRST, FIRST, true);
        assertEquals(FIRST.plus(CAP), d.nextAttemptAt());
    }

    @Test
    void failsOnceTheNextTryWouldFallAfterTheWindow() {
        Instant nearEnd = FIRST.plus(WINDOW).minusSeconds(3599);
        RetryDecision d = ceilingPolicy.decide(status(500), 30, FIRST, nearEnd, true);
        assertEquals(RetryDecision.Kind.FAILED, d.kind());
        assertTrue(d.reason().contains("72 h"), d.reason());

        Instant earlier = FIRST.plus(WINDOW).minusSeconds(3600);
        assertEquals(RetryDecision.Kind.RETRY, ceilingPolicy.decide(status(500), 30, FIRST, earlier, true).kind());
    }
}

package io.chaintill.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DashboardLoginBackoffTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void accountPolicyIsFreeForFourFailuresThenDoublesFromThirtySecondsToFifteenMinutes() {
        LoginBackoff p = LoginBackoff.PER_ACCOUNT;
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, p.waitAfter(i), "after " + i);
        }
        assertEquals(Duration.ofSeconds(30), p.waitAfter(5));
        assertEquals(Duration.ofSeconds(60), p.waitAfter(6));
        assertEquals(Duration.ofSeconds(120), p.waitAfter(7));
        assertEquals(Duration.ofSeconds(480), p.waitAfter(9));
        assertEquals(Duration.ofMinutes(15), p.waitAfter(10), "960 s is capped at 900 s");
        assertEquals(Duration.ofMinutes(15), p.waitAfter(1000), "no overflow for huge counts");
    }

    @Test
    void addressPolicyToleratesMoreFailuresThanAccountPolicy() {
        assertEquals(Duration.ZERO, LoginBackoff.PER_ADDRESS.waitAfter(19));
        assertEquals(Duration.ofSeconds(30), LoginBackoff.PER_ADDRESS.waitAfter(20));
    }

    @Test
    void invalidPoliciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LoginBackoff(0, Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThrows(IllegalArgumentException.class, () -> new LoginBackoff(1, Duration.ZERO, Duration.ofSeconds(2)));
        assertThrows(IllegalArgumentException.class, () -> new LoginBackoff(1, Duration.ofSeconds(3), Duration.ofSeconds(2)));
    }

    @Test
    void throttleLocksOnTheFifthFailureUntilTheWaitHasPassed() {
        LoginThrottle t = new LoginThrottle("account:a@b.c", T0);
        for (int i = 1; i <= 4; i++) {
            t.fail(LoginBackoff.PER_ACCOUNT, T0.plusSeconds(i));
            assertFalse(t.lockedAt(T0.plusSeconds(i)), "failure " + i + " must not lock");
        }
        t.fail(LoginBackoff.PER_ACCOUNT, T0.plusSeconds(5));
        assertTrue(t.lockedAt(T0.plusSeconds(5)));
        assertTrue(t.lockedAt(T0.plusSeconds(34)));
        assertFalse(t.lockedAt(T0.plusSeconds(35)));
        t.fail(LoginBackoff.PER_ACCOUNT, T0.plusSeconds(36));
        assertEquals(T0.plusSeconds(36 + 60), t.lockedUntil(), "the sixth failure waits twice as long");
    }

    @Test
    void failuresOlderThanADayAreForgotten() {
        LoginThrottle t = new LoginThrottle("ip:127.0.0.1", T0);
        for (int i = 0; i < 5; i++) {
            t.fail(LoginBackoff.PER_ACCOUNT, T0);
        }
        assertEquals(5, t.failures());
        Instant later = T0.plus(LoginBackoff.FORGET_AFTER).plusSeconds(1);
        t.fail(LoginBackoff.PER_ACCOUNT, later);
        assertEquals(1, t.failures());
        assertFalse(t.lockedAt(later));
    }

    @Test
    void sessionEndsAfterIdleTimeOrAbsoluteLifetime() {
        DashboardSession s = new DashboardSession("h", "u", "c", T0);
        Duration idle = Duration.ofHours(8);
        Duration absolute = Duration.ofHours(24);
        assertTrue(s.activeAt(T0.plus(Duration.ofHours(7)), idle, absolute));
        assertFalse(s.activeAt(T0.plus(Duration.ofHours(8)), idle, absolute), "idle for 8 h");
        assertTrue(s.touch(T0.plus(Duration.ofHours(7))));
        assertTrue(s.activeAt(T0.plus(Duration.ofHours(14)), idle, absolute), "use extends the idle limit");
        assertTrue(s.touch(T0.plus(Duration.ofHours(14))));
        assertTrue(s.touch(T0.plus(Duration.ofHours(21))));
        assertFalse(s.activeAt(T0.plus(Duration.ofHours(24)), idle, absolute), "24 h is the limit however active");
    }

    @Test
    void touchWritesAtMostOncePerMinute() {
        DashboardSession s = new DashboardSession("h", "u", "c", T0);
        assertFalse(s.touch(T0.plusSeconds(30)));
        assertTrue(s.touch(T0.plusSeconds(61)));
        assertEquals(T0.plusSeconds(61), s.lastSeenAt());
    }
}

package io.chaintill.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void delaySeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(" 0 ", NOW));
    }

    @Test
    void httpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Thu, 01 Jan 2026 00:01:30 GMT", NOW));
    }

    @Test
    void httpDateInThePastMeansNow() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", NOW));
    }

    @Test
    void garbageIsIgnored() {
        for (String value : new String[] {null, "", "soon", "-5", "1.5", "99999999999999999999", "Thu 01 Jan 2026"}) {
            assertEquals(Optional.empty(), RetryAfter.parse(value, NOW), String.valueOf(value));
        }
    }
}

package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyTotalsTest {
    @Test
    void sumsPerUtcDayAndKeyInDateThenKeyOrder() {
        DailyTotals t = new DailyTotals();
        t.add(Instant.parse("2026-11-21T23:59:59Z"), "USD", new BigDecimal("5"));
        t.add(Instant.parse("2026-11-22T00:00:00Z"), "USD", new BigDecimal("1.50"));
        t.add(Instant.parse("2026-11-22T12:00:00Z"), "USD", new BigDecimal("2"));
        t.add(Instant.parse("2026-11-22T13:00:00Z"), "EUR", new BigDecimal("7"));
        List<DailyTotals.Entry> e = t.entries();
        assertEquals(List.of(
                new DailyTotals.Entry(LocalDate.parse("2026-11-21"), "USD", new BigDecimal("5"), 1),
                new DailyTotals.Entry(LocalDate.parse("2026-11-22"), "EUR", new BigDecimal("7"), 1),
                new DailyTotals.Entry(LocalDate.parse("2026-11-22"), "USD", new BigDecimal("3.50"), 2)), e);
    }
}

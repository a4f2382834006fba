package io.chaintill.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Amounts summed per UTC day and key (a currency or a payment method), in date then key order. */
public final class DailyTotals {
    private final Map<LocalDate, Map<String, Total>> days = new TreeMap<>();

    public void add(Instant at, String key, BigDecimal amount) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        days.computeIfAbsent(day, d -> new TreeMap<>()).merge(key, new Total(amount, 1),
                (a, b) -> new Total(a.amount.add(b.amount), a.count + b.count));
    }

    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        days.forEach((day, byKey) -> byKey.forEach((key, t) -> out.add(new Entry(day, key, t.amount, t.count))));
        return out;
    }

    private record Total(BigDecimal amount, int count) {
    }

    /** One day's sum for one key, and how many amounts made it. */
    public record Entry(LocalDate date, String key, BigDecimal amount, int count) {
    }
}

package io.chaintill.api;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.invoice.InvoiceStatus;
import io.chaintill.persistence.InvoiceQuery;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the invoice list's query parameters (shared by the JSON list and the CSV export). Numbers arrive as text
 * and are parsed here, so a bad value is a 422 naming its parameter rather than JAX-RS's bare 404.
 */
final class InvoiceFilters {
    private static final int MAX_SEARCH_LENGTH = 500;
    private static final int MAX_ORDER_IDS = 100;

    private InvoiceFilters() {
    }

    static InvoiceQuery query(String storeId, List<String> orderIds, List<String> statuses, String text, String start,
                              String end, boolean includeArchived, String skip, String take, int defaultTake, int maxTake) {
        int from = integer(skip, 0, "skip");
        if (from < 0) {
            throw new InvalidInputException("skip", "must not be negative");
        }
        int limit = integer(take, defaultTake, "take");
        if (limit < 1 || limit > maxTake) {
            throw new InvalidInputException("take", "must be between 1 and " + maxTake);
        }
        Set<InvoiceStatus> wanted = EnumSet.noneOf(InvoiceStatus.class);
        for (String s : statuses) {
            wanted.add(status(s));
        }
        if (orderIds.size() > MAX_ORDER_IDS) {
            throw new InvalidInputException("orderId", "at most " + MAX_ORDER_IDS + " values");
        }
        List<String> orders = orderIds.stream().filter(o -> o != null && !o.isBlank()).map(o -> searchable(o, "orderId")).toList();
        String words = text == null || text.isBlank() ? null : searchable(text.trim(), "textSearch");
        return new InvoiceQuery(storeId, orders, wanted, words,
                time(start, "startDate"), time(end, "endDate"), includeArchived, from, limit);
    }

    /**
     * A value compared with stored text: bounded, and free of control characters (PostgreSQL refuses a NUL in a
     * query parameter, and no stored order id or metadata holds one).
     */
    static String searchable(String value, String field) {
        if (value.length() > MAX_SEARCH_LENGTH) {
            throw new InvalidInputException(field, "must be at most " + MAX_SEARCH_LENGTH + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidInputException(field, "must not contain control characters");
        }
        return value;
    }

    static InvoiceStatus status(String value) {
        for (InvoiceStatus s : InvoiceStatus.values()) {
            if (s.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return s;
            }
        }
        throw new InvalidInputException("status", "must be one of New, Processing, Settled, Expired, Invalid");
    }

    /** Year 1 to year 9999: stored as epoch milliseconds, so far beyond that would overflow a long. */
    static final long MIN_TIME = -62_135_596_800L;
    static final long MAX_TIME = 253_402_300_799L;

    /** Unix seconds, as Greenfield passes times; empty means no bound. */
    private static Instant time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            seconds = Long.MIN_VALUE;
        }
        if (seconds < MIN_TIME || seconds > MAX_TIME) {
            throw new InvalidInputException(field, "must be a time in unix seconds between " + MIN_TIME + " and " + MAX_TIME);
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static int integer(String value, int fallback, String field) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }
}

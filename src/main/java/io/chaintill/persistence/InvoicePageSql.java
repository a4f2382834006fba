package io.chaintill.persistence;

import io.chaintill.domain.invoice.InvoiceStatus;
import io.chaintill.domain.invoice.SearchTerms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The SQL that finds one page of a store's invoices (their ids, newest first) for an {@link InvoiceQuery}.
 *
 * <p>The page size and offset are written into the statement's text, not bound. EclipseLink binds them for
 * {@code setMaxResults} on PostgreSQL ({@code LIMIT ? OFFSET ?}), and once the driver prepares the statement on the
 * server, PostgreSQL may switch to its cached generic plan, which cannot see the limit and sorts every invoice of the
 * store: the newest 50 of 100,000 invoices ran at 61/s that way, 167/s with each execution planned for its values
 * (docs/performance.md). Both numbers are bounded integers (InvoiceFilters), so nothing from a request reaches the text.
 * Everything else stays a bound parameter.
 */
public record InvoicePageSql(String sql, List<Object> parameters) {

    public static InvoicePageSql of(InvoiceQuery q) {
        if (q.skip() < 0 || q.take() < 0) {
            throw new IllegalArgumentException("skip and take must not be negative");
        }
        StringBuilder sql = new StringBuilder("SELECT id FROM invoice WHERE store_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(q.storeId()));
        if (!q.includeArchived()) {
            sql.append(" AND archived = FALSE");
        }
        in(sql, parameters, "order_id", q.orderIds());
        in(sql, parameters, "status", q.statuses().stream().map(InvoiceStatus::name).toList());
        String prefix = q.text() == null ? "" : SearchTerms.normalized(q.text());
        if (!prefix.isEmpty()) {
            // the terms that start with the text, as a range of ix_invoice_search_term (V28): unlike LIKE 'text%', a
            // range with bound ends is an index scan in PostgreSQL's generic plan too (a bound LIKE pattern scanned
            // all 100,000 invoices of the store there, 400 ms), and % or _ are plain characters
            sql.append(" AND id IN (SELECT invoice_id FROM invoice_search_term WHERE term >= ? AND term < ?)");
            parameters.add(prefix);
            parameters.add(pastPrefix(prefix));
        }
        if (q.start() != null) {
            sql.append(" AND created_at >= ?");
            parameters.add(q.start().toEpochMilli()); // as InstantConverter stores it
        }
        if (q.end() != null) {
            sql.append(" AND created_at <= ?");
            parameters.add(q.end().toEpochMilli());
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT ").append(q.take()).append(" OFFSET ").append(q.skip());
        return new InvoicePageSql(sql.toString(), List.copyOf(parameters));
    }

    private static void in(StringBuilder sql, List<Object> parameters, String column, Collection<String> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ").append(column).append(" IN (").append(String.join(", ", Collections.nCopies(values.size(), "?")))
                    .append(')');
            parameters.addAll(values);
        }
    }

    /**
     * The least string after every string that starts with {@code prefix}: its last code point plus one, in both
     * orders the terms are kept in: PostgreSQL's "C" collation (V28), by code point, and H2's, by UTF-16 unit. The
     * two agree on this for every code point {@link SearchTerms#normalized} leaves in a text.
     */
    static String pastPrefix(String prefix) {
        int last = prefix.offsetByCodePoints(prefix.length(), -1);
        return prefix.substring(0, last) + Character.toString(prefix.codePointAt(last) + 1);
    }
}

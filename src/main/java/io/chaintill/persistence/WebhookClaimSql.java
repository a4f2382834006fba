package io.chaintill.persistence;

/**
 * The two claim queries of the webhook pipeline, as plain SQL because JPQL has no SKIP LOCKED. Each takes
 * the lock clause from {@link RowLocking} and is tested on both H2 and PostgreSQL (WebhookClaimSqlTest).
 */
public final class WebhookClaimSql {
    private WebhookClaimSql() {
    }

    /** Undispatched outbox events, oldest first. Parameter 1: batch size. */
    public static String undispatchedEvents(String lockClause) {
        return "SELECT id FROM invoice_event WHERE dispatched = FALSE ORDER BY id LIMIT ? " + lockClause;
    }

    /**
     * Due deliveries (Pending, next attempt time reached) that have no earlier Pending delivery for the same
     * webhook and invoice: events of one invoice reach a receiver in the order they happened.
     * Parameters 1: now (epoch ms), 2: batch size.
     */
    public static String dueDeliveries(String lockClause) {
        return "SELECT d.id FROM webhook_delivery d"
                + " WHERE d.status = 'Pending' AND d.next_attempt_at <= ?"
                + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery e"
                + "   WHERE e.webhook_id = d.webhook_id AND e.invoice_id = d.invoice_id AND e.status = 'Pending'"
                + "   AND (e.event_id < d.event_id OR (e.event_id = d.event_id AND e.created_at < d.created_at)))"
                + " ORDER BY d.next_attempt_at LIMIT ? " + lockClause;
    }
}

package io.chaintill.persistence;

import java.util.function.UnaryOperator;

/**
 * The two claim queries of the webhook pipeline, as plain SQL because JPQL has no SKIP LOCKED. The tail (order,
 * limit, locks) comes from {@link RowLocking}; both are tested on H2 and PostgreSQL (WebhookClaimSqlTest).
 */
public final class WebhookClaimSql {
    private WebhookClaimSql() {
    }

    /** Undispatched outbox events, oldest first. Parameter 1: batch size. */
    public static String undispatchedEvents(UnaryOperator<String> claimTail) {
        return "SELECT id FROM invoice_event WHERE dispatched = FALSE " + claimTail.apply("id");
    }

    /**
     * Due deliveries (Pending, next attempt time reached), soonest due first, that have no earlier Pending
     * delivery for the same webhook (or IPN target) and invoice: events of one invoice reach a receiver in the
     * order they happened. Parameters 1: now (epoch ms), 2: batch size.
     */
    public static String dueDeliveries(UnaryOperator<String> claimTail) {
        return "SELECT d.id FROM webhook_delivery d"
                + " WHERE d.status = 'Pending' AND d.next_attempt_at <= ?"
                + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery e"
                + "   WHERE (e.webhook_id = d.webhook_id OR e.webhook_id IS NULL AND d.webhook_id IS NULL AND e.target = d.target)"
                + "   AND e.invoice_id = d.invoice_id AND e.status = 'Pending'"
                + "   AND (e.event_id < d.event_id OR (e.event_id = d.event_id AND e.created_at < d.created_at)))"
                + " " + claimTail.apply("d.next_attempt_at");
    }
}

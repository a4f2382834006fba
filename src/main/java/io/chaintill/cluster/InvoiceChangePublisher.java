package io.chaintill.cluster;

import io.chaintill.domain.invoice.InvoiceChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Sends every local invoice change to the other nodes with PostgreSQL's NOTIFY, inside the transaction that saves
 * the invoice: PostgreSQL delivers it only when that transaction commits (and never if it rolls back), so a remote
 * stream never hears of a state it cannot read yet, and no change committed here can be lost between commit and
 * publish. Several saves of one invoice in one transaction send one message (PostgreSQL folds equal payloads).
 */
@ApplicationScoped
public class InvoiceChangePublisher {
    static final String CHANNEL = "chaintill_invoice_changed";

    @Inject
    ClusterSettings settings;
    @PersistenceContext(unitName = "chaintill")
    EntityManager em;

    void publish(@Observes InvoiceChanged change) {
        if (!settings.enabled() || change.fromOtherNode()) {
            return;
        }
        em.createNativeQuery("SELECT pg_notify(?, ?)").setParameter(1, CHANNEL)
                .setParameter(2, RelayMessage.of(settings.nodeId(), change).text()).getSingleResult();
    }
}

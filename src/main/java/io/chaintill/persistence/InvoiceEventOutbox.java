package io.chaintill.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The outbox side the webhook dispatcher reads: invoice events not yet turned into deliveries. */
@ApplicationScoped
public class InvoiceEventOutbox {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;
    @Inject
    RowLocking locking;

    /**
     * Locks up to {@code limit} undispatched events, oldest first, and returns them. The lock lasts until the
     * caller's transaction ends, which is where the caller marks them dispatched.
     */
    @SuppressWarnings("unchecked")
    public List<InvoiceEventRecord> lockUndispatched(int limit) {
        List<Object> ids = em.createNativeQuery(WebhookClaimSql.undispatchedEvents(locking::claimTail))
                .setParameter(1, limit).getResultList();
        return ids.stream().map(id -> em.find(InvoiceEventRecord.class, ((Number) id).longValue())).toList();
    }

    public InvoiceEventRecord get(long eventId) {
        return em.find(InvoiceEventRecord.class, eventId);
    }
}

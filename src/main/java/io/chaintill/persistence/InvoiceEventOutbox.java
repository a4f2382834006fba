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
        List<Long> ids = ((List<Object>) em.createNativeQuery(WebhookClaimSql.undispatchedEvents(locking::claimTail))
                .setParameter(1, limit).getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // one read for the batch: a find per id was 200 statements per batch (a store's backlog after an outage)
        return em.createQuery("select e from InvoiceEventRecord e where e.id in :ids order by e.id", InvoiceEventRecord.class)
                .setParameter("ids", ids).getResultList();
    }

    /** Marks the events dispatched in one statement; only for events locked by {@link #lockUndispatched} in this transaction. */
    public void markDispatched(List<InvoiceEventRecord> events) {
        if (!events.isEmpty()) {
            em.createQuery("update InvoiceEventRecord e set e.dispatched = true where e.id in :ids")
                    .setParameter("ids", events.stream().map(InvoiceEventRecord::id).toList()).executeUpdate();
        }
    }

    public InvoiceEventRecord get(long eventId) {
        return em.find(InvoiceEventRecord.class, eventId);
    }
}

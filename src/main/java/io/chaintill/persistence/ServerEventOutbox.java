package io.chaintill.persistence;

import io.chaintill.domain.store.ServerEventType;
import io.chaintill.domain.store.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Puts a server event into the durable webhook outbox, in the caller's transaction: one row per store that has a
 * webhook wanting it, so the dispatcher fans it out, signs and retries it like any invoice event.
 */
@ApplicationScoped
public class ServerEventOutbox {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    /** Returns how many stores it was queued for. */
    public int append(ServerEventType type, String dataJson, Instant at) {
        Set<String> stores = new LinkedHashSet<>();
        em.createQuery("select w from WebhookEndpoint w where w.enabled = true order by w.storeId", WebhookEndpoint.class)
                .getResultList().stream().filter(w -> w.wants(type.name())).forEach(w -> stores.add(w.storeId()));
        for (String store : stores) {
            em.persist(new InvoiceEventRecord(null, store, type.name(), dataJson, at));
        }
        return stores.size();
    }
}

package io.chaintill.persistence;

import io.chaintill.domain.store.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints of stores. */
@ApplicationScoped
public class WebhookRepository {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    public Optional<WebhookEndpoint> find(String storeId, String webhookId) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, webhookId)).filter(w -> w.storeId().equals(storeId));
    }

    public Optional<WebhookEndpoint> find(String webhookId) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, webhookId));
    }

    /** These webhooks by id, in one query; deleted ones are missing. */
    public java.util.Map<String, WebhookEndpoint> byIds(java.util.Collection<String> webhookIds) {
        if (webhookIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, WebhookEndpoint> out = new java.util.HashMap<>();
        em.createQuery("select w from WebhookEndpoint w where w.id in :ids", WebhookEndpoint.class)
                .setParameter("ids", List.copyOf(webhookIds)).getResultList().forEach(w -> out.put(w.id(), w));
        return out;
    }

    public List<WebhookEndpoint> ofStore(String storeId) {
        return em.createQuery("select w from WebhookEndpoint w where w.storeId = :s order by w.createdAt, w.id",
                WebhookEndpoint.class).setParameter("s", storeId).getResultList();
    }

    public void add(WebhookEndpoint webhook) {
        em.persist(webhook);
    }

    /** Removes the webhook; its deliveries and attempts go with it (ON DELETE CASCADE). */
    public void remove(WebhookEndpoint webhook) {
        em.remove(em.contains(webhook) ? webhook : em.merge(webhook));
        // The cascade happens in the database; flush now so the rows are gone in this transaction.
        em.flush();
    }
}

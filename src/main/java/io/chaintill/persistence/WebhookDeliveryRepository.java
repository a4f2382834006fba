package io.chaintill.persistence;

import io.chaintill.webhook.DeliveryStatus;
import io.chaintill.webhook.WebhookAttempt;
import io.chaintill.webhook.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Webhook deliveries and their attempts: the delivery log, and the claim queries of the relay. */
@ApplicationScoped
public class WebhookDeliveryRepository {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;
    @Inject
    RowLocking locking;

    public void add(WebhookDelivery delivery) {
        em.persist(delivery);
    }

    public void add(WebhookAttempt attempt) {
        em.persist(attempt);
    }

    /** Writes this transaction's changes so far, so that a native query after it sees them. */
    public void flush() {
        em.flush();
    }

    public Optional<WebhookDelivery> find(String webhookId, String deliveryId) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, deliveryId)).filter(d -> webhookId.equals(d.webhookId()));
    }

    public Optional<WebhookDelivery> findForUpdate(String deliveryId) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Newest first. */
    public List<WebhookDelivery> ofWebhook(String webhookId, int skip, int take) {
        return em.createQuery("select d from WebhookDelivery d where d.webhookId = :w order by d.createdAt desc, d.id desc",
                        WebhookDelivery.class)
                .setParameter("w", webhookId).setFirstResult(skip).setMaxResults(take).getResultList();
    }

    /**
     * Every delivery an invoice's events caused, in event order (deliveries of one fan-out share a time), each
     * event's redeliveries after its first delivery.
     */
    public List<WebhookDelivery> ofInvoice(String storeId, String invoiceId) {
        return em.createQuery("select d from WebhookDelivery d where d.storeId = :s and d.invoiceId = :i"
                        + " order by d.eventId, d.createdAt, d.id", WebhookDelivery.class)
                .setParameter("s", storeId).setParameter("i", invoiceId).getResultList();
    }

    public List<WebhookAttempt> attempts(String deliveryId) {
        return em.createQuery("select a from WebhookAttempt a where a.deliveryId = :d order by a.attemptedAt, a.id",
                WebhookAttempt.class).setParameter("d", deliveryId).getResultList();
    }

    /** Locks and returns the ids of up to {@code limit} due deliveries; see {@link WebhookClaimSql#dueDeliveries}. */
    @SuppressWarnings("unchecked")
    public List<String> lockDue(Instant now, int limit) {
        List<Object> ids = em.createNativeQuery(WebhookClaimSql.dueDeliveries(locking::claimTail))
                .setParameter(1, now.toEpochMilli()).setParameter(2, limit).getResultList();
        return ids.stream().map(String::valueOf).toList();
    }

    public WebhookDelivery get(String deliveryId) {
        return em.find(WebhookDelivery.class, deliveryId);
    }

    /** These deliveries, in one query (a relay batch reads its claimed rows with it, not one find each). */
    public List<WebhookDelivery> getAll(List<String> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select d from WebhookDelivery d where d.id in :ids", WebhookDelivery.class)
                .setParameter("ids", deliveryIds).getResultList();
    }

    /**
     * These deliveries locked for update, in one query, locked in id order so that two nodes recording overlapping
     * batches (a lease taken over) cannot deadlock. A deleted delivery is simply missing.
     */
    public List<WebhookDelivery> lockAll(List<String> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select d from WebhookDelivery d where d.id in :ids order by d.id", WebhookDelivery.class)
                .setParameter("ids", deliveryIds).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** Nulls request bodies older than {@code cutoff}; Pending ones keep theirs, they still have to be sent. */
    public int pruneBodies(Instant cutoff) {
        return em.createQuery("update WebhookDelivery d set d.body = null where d.createdAt < :cutoff"
                        + " and d.body is not null and d.status <> :pending")
                .setParameter("cutoff", cutoff).setParameter("pending", DeliveryStatus.Pending).executeUpdate();
    }
}

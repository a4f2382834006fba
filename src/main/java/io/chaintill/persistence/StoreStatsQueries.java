package io.chaintill.persistence;

import io.chaintill.domain.invoice.InvoiceStatus;
import io.chaintill.domain.payment.Payment;
import io.chaintill.domain.payment.PaymentStatus;
import io.chaintill.webhook.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The read-only figures of a store's overview: settled amounts, payments, open invoices, webhook failures. */
@ApplicationScoped
public class StoreStatsQueries {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    /** Invoices with an amount that settled since {@code from}, with the time they settled. */
    public List<SettledInvoice> settledSince(String storeId, Instant from) {
        return em.createQuery("select e, i.amount, i.currency from InvoiceEventRecord e, Invoice i"
                        + " where e.invoiceId = i.id and e.storeId = :s and i.storeId = :s and e.type = 'InvoiceSettled'"
                        + " and e.createdAt >= :from and i.status = :settled and i.amount is not null", Object[].class)
                .setParameter("s", storeId).setParameter("from", from).setParameter("settled", InvoiceStatus.Settled)
                .getResultList().stream()
                .map(r -> new SettledInvoice(((InvoiceEventRecord) r[0]).invoiceId(), ((InvoiceEventRecord) r[0]).createdAt(),
                        (BigDecimal) r[1], (String) r[2]))
                .toList();
    }

    /** Payments to the store's invoices first seen since {@code from} that still count. */
    public List<Payment> paymentsSince(String storeId, Instant from) {
        return em.createQuery("select p from Payment p, Invoice i where p.invoiceId = i.id and i.storeId = :s"
                        + " and p.receivedAt >= :from and p.status <> :invalid", Payment.class)
                .setParameter("s", storeId).setParameter("from", from).setParameter("invalid", PaymentStatus.Invalid)
                .getResultList();
    }

    public long countInStatus(String storeId, InvoiceStatus status) {
        return em.createQuery("select count(i) from Invoice i where i.storeId = :s and i.status = :st and i.archived = false",
                        Long.class)
                .setParameter("s", storeId).setParameter("st", status).getSingleResult();
    }

    /** Invoices that became Invalid since {@code from} (by the chain, the monitoring window or the merchant). */
    public long invalidatedSince(String storeId, Instant from) {
        return em.createQuery("select count(distinct e.invoiceId) from InvoiceEventRecord e where e.storeId = :s"
                        + " and e.type = 'InvoiceInvalid' and e.createdAt >= :from", Long.class)
                .setParameter("s", storeId).setParameter("from", from).getSingleResult();
    }

    /** Deliveries created since {@code from} that ended without success: retries exhausted or not retryable. */
    public long failedDeliveriesSince(String storeId, Instant from) {
        return em.createQuery("select count(d) from WebhookDelivery d where d.storeId = :s and d.status = :failed"
                        + " and d.createdAt >= :from", Long.class)
                .setParameter("s", storeId).setParameter("failed", DeliveryStatus.Failed).setParameter("from", from)
                .getSingleResult();
    }

    /** Deliveries still being retried after a failed attempt (an attempt records its code or error when it ends). */
    public long failingDeliveries(String storeId) {
        return em.createQuery("select count(d) from WebhookDelivery d where d.storeId = :s and d.status = :pending"
                        + " and d.attemptCount > 0 and (d.lastHttpCode is not null or d.lastError is not null)", Long.class)
                .setParameter("s", storeId).setParameter("pending", DeliveryStatus.Pending).getSingleResult();
    }

    /** An invoice's amount and currency with the time it settled. */
    public record SettledInvoice(String invoiceId, Instant settledAt, BigDecimal amount, String currency) {
    }
}

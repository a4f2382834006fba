package io.chaintill.persistence;

import io.chaintill.domain.invoice.PaymentPrompt;
import io.chaintill.domain.payment.Payment;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payment.PaymentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Payments found on chain, and the prompts whose destinations are watched. */
@ApplicationScoped
public class PaymentRepository {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    public Optional<Payment> find(String id) {
        return Optional.ofNullable(em.find(Payment.class, id));
    }

    public void add(Payment payment) {
        em.persist(payment);
    }

    public List<Payment> ofInvoice(String invoiceId) {
        return em.createQuery("select p from Payment p where p.invoiceId = :i order by p.receivedAt, p.id", Payment.class)
                .setParameter("i", invoiceId).getResultList();
    }

    /** Payments of several invoices at once (empty input, empty answer: an empty IN list is not portable SQL). */
    public List<Payment> ofInvoices(Collection<String> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from Payment p where p.invoiceId in :i order by p.receivedAt, p.id", Payment.class)
                .setParameter("i", List.copyOf(invoiceIds)).getResultList();
    }

    public List<Payment> ofPrompt(String promptId) {
        return em.createQuery("select p from Payment p where p.promptId = :i order by p.receivedAt, p.id", Payment.class)
                .setParameter("i", promptId).getResultList();
    }

    /** Valid payments of a method that have no confirmation yet. */
    public List<Payment> unconfirmed(PaymentMethodId method) {
        return em.createQuery("select p from Payment p where p.paymentMethodId = :m and p.blockHeight is null"
                        + " and p.status <> :invalid", Payment.class)
                .setParameter("m", method.toString()).setParameter("invalid", PaymentStatus.Invalid).getResultList();
    }

    public List<Payment> unconfirmedOfTransactions(PaymentMethodId method, Collection<String> txids) {
        return em.createQuery("select p from Payment p where p.paymentMethodId = :m and p.blockHeight is null"
                        + " and p.status <> :invalid and p.txid in :t", Payment.class)
                .setParameter("m", method.toString()).setParameter("invalid", PaymentStatus.Invalid)
                .setParameter("t", List.copyOf(txids)).getResultList();
    }

    public List<Payment> confirmedAbove(PaymentMethodId method, int height) {
        return em.createQuery("select p from Payment p where p.paymentMethodId = :m and p.blockHeight > :h", Payment.class)
                .setParameter("m", method.toString()).setParameter("h", height).getResultList();
    }

    /** Invoices with a valid payment not yet final: each new block may change their state. */
    public List<String> invoicesAwaitingConfirmations(PaymentMethodId method) {
        return em.createQuery("select distinct p.invoiceId from Payment p where p.paymentMethodId = :m"
                        + " and p.status = :processing", String.class)
                .setParameter("m", method.toString()).setParameter("processing", PaymentStatus.Processing).getResultList();
    }

    /** Prompts of a method created since {@code since} whose invoice is still monitored at {@code now}. */
    public List<PaymentPrompt> watchedPrompts(PaymentMethodId method, Instant since, Instant now) {
        return em.createQuery("select p from PaymentPrompt p where p.paymentMethodId = :m and p.createdAt >= :since"
                        + " and p.invoice.monitoringEndsAt > :now", PaymentPrompt.class)
                .setParameter("m", method.toString()).setParameter("since", since).setParameter("now", now)
                .getResultList();
    }

    /** Highest derivation index of an account key that received a valid payment, if any. */
    public Optional<Integer> highestPaidIndex(String keyId) {
        Object max = em.createQuery("select max(pp.derivationIndex) from PaymentPrompt pp, Payment p"
                        + " where p.promptId = pp.id and pp.keyId = :k and p.status <> :invalid")
                .setParameter("k", keyId).setParameter("invalid", PaymentStatus.Invalid).getSingleResult();
        return Optional.ofNullable(max).map(m -> ((Number) m).intValue());
    }

    /** Processing invoices whose monitoring window has closed. */
    public List<String> processingPastMonitoring(Instant now, int limit) {
        return em.createQuery("select i.id from Invoice i where i.status = io.chaintill.domain.invoice.InvoiceStatus.Processing"
                        + " and i.monitoringEndsAt <= :now", String.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }
}

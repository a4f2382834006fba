package io.chaintill.persistence;

import io.chaintill.domain.invoice.PaymentPrompt;
import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.Payment;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payment.PaymentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
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

    /**
     * Payments of several invoices at once, for answers: read-only (META-INF/orm.xml), so callers must not change
     * them. Empty input, empty answer: an empty IN list is not portable SQL.
     */
    public List<Payment> ofInvoices(Collection<String> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("Payment.ofInvoicesToRead", Payment.class).setParameter("ids", List.copyOf(invoiceIds))
                .getResultList();
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

    /** Valid payments of a method to these prompts mined at or below {@code height}. */
    public List<Payment> confirmedOfPrompts(PaymentMethodId method, Collection<String> promptIds, int height) {
        if (promptIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from Payment p where p.paymentMethodId = :m and p.promptId in :ids"
                        + " and p.blockHeight <= :h and p.status <> :invalid", Payment.class)
                .setParameter("m", method.toString()).setParameter("ids", promptIds).setParameter("h", height)
                .setParameter("invalid", PaymentStatus.Invalid).getResultList();
    }

    /** Invoices with a valid payment not yet final: each new block may change their state. */
    public List<String> invoicesAwaitingConfirmations(PaymentMethodId method) {
        return em.createQuery("select distinct p.invoiceId from Payment p where p.paymentMethodId = :m"
                        + " and p.status = :processing", String.class)
                .setParameter("m", method.toString()).setParameter("processing", PaymentStatus.Processing).getResultList();
    }

    /** Invoices with a payment of the method held by a chain integrity check. */
    public List<String> invoicesWithHeldPayments(PaymentMethodId method) {
        return em.createQuery("select distinct p.invoiceId from Payment p where p.paymentMethodId = :m"
                        + " and p.heldReason is not null", String.class)
                .setParameter("m", method.toString()).getResultList();
    }

    /** The methods that have held payments, so a pass rechecks only those. */
    public List<String> methodsWithHeldPayments() {
        return em.createQuery("select distinct p.paymentMethodId from Payment p where p.heldReason is not null",
                String.class).getResultList();
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

    /**
     * Deposit addresses a store handed out for {@code method} from the account key {@code keyId}, by derivation
     * index, each with the sum of its valid payments; with {@code onlyPaid} just those that received something.
     * Plain SQL because JPQL cannot left-join the unrelated payment rows; it runs unchanged on H2 and PostgreSQL.
     */
    public List<DepositAddress> depositAddresses(String storeId, PaymentMethodId method, String keyId, boolean onlyPaid) {
        String sql = "SELECT pp.derivation_index, pp.destination, pp.invoice_id, pp.decimals,"
                + " COALESCE(SUM(p.value_units), 0), COUNT(p.id)"
                + " FROM payment_prompt pp JOIN invoice i ON i.id = pp.invoice_id"
                + " LEFT JOIN payment p ON p.prompt_id = pp.id AND p.status <> ?1"
                + " WHERE i.store_id = ?2 AND pp.payment_method_id = ?3 AND pp.key_id = ?4"
                + " GROUP BY pp.id, pp.derivation_index, pp.destination, pp.invoice_id, pp.decimals"
                + (onlyPaid ? " HAVING COUNT(p.id) > 0" : "")
                + " ORDER BY pp.derivation_index, pp.id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql)
                .setParameter(1, PaymentStatus.Invalid.name()).setParameter(2, storeId)
                .setParameter(3, method.toString()).setParameter(4, keyId).getResultList();
        return rows.stream().map(r -> new DepositAddress(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                CryptoAmount.ofUnits(new BigDecimal(r[4].toString()).toBigIntegerExact(),
                        ((Number) r[3]).intValue()))).toList();
    }

    /**
     * Processing invoices paid with {@code method} whose monitoring window has closed. By method, so only a follower
     * that is up to date on that chain ends them (a payment confirmed while another chain's node is down counts).
     */
    public List<String> processingPastMonitoring(PaymentMethodId method, Instant now, int limit) {
        return em.createQuery("select i.id from Invoice i where i.status = io.chaintill.domain.invoice.InvoiceStatus.Processing"
                        + " and i.monitoringEndsAt <= :now and exists (select p.id from Payment p where"
                        + " p.invoiceId = i.id and p.paymentMethodId = :m)", String.class)
                .setParameter("now", now).setParameter("m", method.toString()).setMaxResults(limit).getResultList();
    }
}

package io.chaintill.persistence;

import io.chaintill.domain.payout.Payout;
import io.chaintill.domain.payout.PayoutEvent;
import io.chaintill.domain.payout.PayoutState;
import jakarta.enterprise.context.ApplicationScoped;
import io.chaintill.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Payouts and their events. {@link #save} stores the payout and the events it raised together in the webhook outbox
 * (rows without an invoice, their data naming the payout), so a state change never goes without its webhook.
 */
@ApplicationScoped
public class PayoutRepository {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    public Optional<Payout> find(String id) {
        return Optional.ofNullable(em.find(Payout.class, id));
    }

    public Optional<Payout> findForUpdate(String id) {
        return Optional.ofNullable(em.find(Payout.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public void save(Payout payout) {
        List<PayoutEvent> raised = payout.drainEvents();
        if (!em.contains(payout)) {
            if (em.find(Payout.class, payout.id()) == null) {
                em.persist(payout);
            } else {
                em.merge(payout);
            }
        }
        for (PayoutEvent e : raised) {
            String data = Json.createObjectBuilder().add("payoutId", payout.id())
                    .add("pullPaymentId", payout.pullPaymentId()).add("payoutState", e.state().name()).build().toString();
            em.persist(new InvoiceEventRecord(null, payout.storeId(), e.type().name(), data, e.at()));
        }
    }

    /** Oldest first. */
    public List<Payout> ofPullPayment(String pullPaymentId, boolean includeCancelled) {
        return em.createQuery("select p from Payout p where p.pullPaymentId = :pp and p.state in :states"
                        + " order by p.createdAt, p.id", Payout.class)
                .setParameter("pp", pullPaymentId).setParameter("states", states(includeCancelled)).getResultList();
    }

    /** Newest first. */
    public List<Payout> ofStore(String storeId, boolean includeCancelled, int limit) {
        return em.createQuery("select p from Payout p where p.storeId = :s and p.state in :states"
                        + " order by p.createdAt desc, p.id", Payout.class)
                .setParameter("s", storeId).setParameter("states", states(includeCancelled))
                .setMaxResults(limit).getResultList();
    }

    /** The original amounts of a pull payment's payouts that still count against it. */
    public BigDecimal claimed(String pullPaymentId) {
        return ofPullPayment(pullPaymentId, false).stream().map(Payout::originalAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<PayoutState> states(boolean includeCancelled) {
        return java.util.Arrays.stream(PayoutState.values())
                .filter(s -> includeCancelled || s != PayoutState.Cancelled).toList();
    }

    /** Approved payouts of a method not yet seen paid, for the chain watcher. */
    public List<Payout> inFlight(String payoutMethodId) {
        return em.createQuery("select p from Payout p where p.payoutMethodId = :m and p.state in :states", Payout.class)
                .setParameter("m", payoutMethodId)
                .setParameter("states", List.of(PayoutState.AwaitingPayment, PayoutState.InProgress)).getResultList();
    }

    /** A store's approved payouts of a method in no open batch, oldest first: what a new batch pays. */
    public List<Payout> awaitingPaymentUnbatched(String storeId, String payoutMethodId) {
        return em.createQuery("select p from Payout p where p.storeId = :s and p.payoutMethodId = :m and p.state = :st"
                        + " and p.batchId is null order by p.createdAt, p.id", Payout.class)
                .setParameter("s", storeId).setParameter("m", payoutMethodId)
                .setParameter("st", PayoutState.AwaitingPayment).getResultList();
    }

    /**
     * What the chain watcher matches transactions against: approved payouts of a method not yet Completed and in no
     * payout batch (a batch's PSBT transaction is watched by its txid, BitcoinPayoutWatcher).
     */
    public List<Payout> watchedOnChain(String payoutMethodId) {
        return em.createQuery("select p from Payout p where p.payoutMethodId = :m and p.state in :states"
                        + " and p.batchId is null order by p.createdAt, p.id", Payout.class)
                .setParameter("m", payoutMethodId)
                .setParameter("states", List.of(PayoutState.AwaitingPayment, PayoutState.InProgress)).getResultList();
    }

    /** Unbatched InProgress payouts of a method, locked: the chain watcher confirms, unmines or drops them. */
    public List<Payout> inProgressUnbatchedForUpdate(String payoutMethodId) {
        return em.createQuery("select p from Payout p where p.payoutMethodId = :m and p.state = :st"
                        + " and p.batchId is null order by p.createdAt, p.id", Payout.class)
                .setParameter("m", payoutMethodId).setParameter("st", PayoutState.InProgress)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** Unbatched approved payouts of a method to one destination, locked, oldest first. */
    public List<Payout> watchedToForUpdate(String payoutMethodId, String destination) {
        return em.createQuery("select p from Payout p where p.payoutMethodId = :m and p.destination = :d"
                        + " and p.state in :states and p.batchId is null order by p.createdAt, p.id", Payout.class)
                .setParameter("m", payoutMethodId).setParameter("d", destination)
                .setParameter("states", List.of(PayoutState.AwaitingPayment, PayoutState.InProgress))
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
    }
}

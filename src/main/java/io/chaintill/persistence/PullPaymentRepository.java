package io.chaintill.persistence;

import io.chaintill.domain.payout.PullPayment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Pull payments of stores. */
@ApplicationScoped
public class PullPaymentRepository {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    public void add(PullPayment pullPayment) {
        em.persist(pullPayment);
    }

    public Optional<PullPayment> find(String id) {
        return Optional.ofNullable(em.find(PullPayment.class, id));
    }

    /** Locked until the transaction ends, so two claims racing for the last of it are taken one after the other. */
    public Optional<PullPayment> findForUpdate(String id) {
        return Optional.ofNullable(em.find(PullPayment.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Newest first. */
    public List<PullPayment> ofStore(String storeId, boolean includeArchived, int limit) {
        return em.createQuery("select p from PullPayment p where p.storeId = :s"
                        + (includeArchived ? "" : " and p.archived = false") + " order by p.createdAt desc, p.id",
                        PullPayment.class)
                .setParameter("s", storeId).setMaxResults(limit).getResultList();
    }

    public List<PullPayment> ofInvoice(String invoiceId) {
        return em.createQuery("select p from PullPayment p where p.invoiceId = :i order by p.createdAt", PullPayment.class)
                .setParameter("i", invoiceId).getResultList();
    }
}

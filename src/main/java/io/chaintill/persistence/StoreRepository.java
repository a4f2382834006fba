package io.chaintill.persistence;

import io.chaintill.domain.store.PaymentMethodConfig;
import io.chaintill.domain.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Stores and the payment methods configured on them. */
@ApplicationScoped
public class StoreRepository {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    public Optional<Store> find(String id) {
        return Optional.ofNullable(em.find(Store.class, id));
    }

    /** The id of the store's owner, without reading the rest of the store. */
    public Optional<String> ownerOf(String storeId) {
        return em.createQuery("select s.ownerUserId from Store s where s.id = :id", String.class)
                .setParameter("id", storeId).getResultStream().findFirst();
    }

    public List<Store> all() {
        return em.createQuery("select s from Store s order by s.createdAt", Store.class).getResultList();
    }

    public List<Store> ownedBy(String userId) {
        return em.createQuery("select s from Store s where s.ownerUserId = :u order by s.createdAt", Store.class)
                .setParameter("u", userId).getResultList();
    }

    public void add(Store store) {
        em.persist(store);
    }

    public void remove(Store store) {
        em.remove(em.contains(store) ? store : em.merge(store));
    }

    public List<PaymentMethodConfig> paymentMethods(String storeId) {
        return em.createQuery("select p from PaymentMethodConfig p where p.storeId = :s order by p.paymentMethodId",
                PaymentMethodConfig.class).setParameter("s", storeId).getResultList();
    }

    public Optional<PaymentMethodConfig> paymentMethod(String storeId, String paymentMethodId) {
        return Optional.ofNullable(em.find(PaymentMethodConfig.class, storeId + ":" + paymentMethodId));
    }

    public void add(PaymentMethodConfig config) {
        em.persist(config);
    }

    public void remove(PaymentMethodConfig config) {
        em.remove(em.contains(config) ? config : em.merge(config));
    }
}

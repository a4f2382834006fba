package io.chaintill.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The next unused derivation index per account key. Taking an index is an UPDATE of the key's row, so concurrent
 * invoice creations (on any node, for any store sharing the key) queue on that row lock until the first commits.
 */
@ApplicationScoped
public class AddressCounters {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    /** Reserves and returns the next index; must run inside the transaction that stores the invoice. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int take(String keyId) {
        int updated = em.createNativeQuery("UPDATE address_counter SET next_index = next_index + 1 WHERE key_id = ?")
                .setParameter(1, keyId).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("no address counter for key " + keyId);
        }
        Number next = (Number) em.createNativeQuery("SELECT next_index FROM address_counter WHERE key_id = ?")
                .setParameter(1, keyId).getSingleResult();
        return next.intValue() - 1;
    }

    public int peek(String keyId) {
        for (Object n : em.createNativeQuery("SELECT next_index FROM address_counter WHERE key_id = ?")
                .setParameter(1, keyId).getResultList()) {
            return ((Number) n).intValue();
        }
        return 0;
    }

    /** Creates the counter if missing, in its own transaction, tolerating a concurrent creator. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ensure(String keyId) {
        if (em.createNativeQuery("SELECT 1 FROM address_counter WHERE key_id = ?").setParameter(1, keyId)
                .getResultList().isEmpty()) {
            em.createNativeQuery("INSERT INTO address_counter (key_id, next_index) VALUES (?, 0)")
                    .setParameter(1, keyId).executeUpdate();
        }
    }
}

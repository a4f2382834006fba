package io.chaintill.persistence;

import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payment.PaymentStatus;
import io.chaintill.domain.payout.PayoutBatch;
import io.chaintill.domain.store.PaymentMethodConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Payout batches, and the store's own outputs a new batch may spend. */
@ApplicationScoped
public class PayoutBatchRepository {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    /** An output of the store's key: {@code change} says which chain {@code index} is on. */
    public record OwnOutput(String txid, int vout, long value, boolean change, int index) {
        public String outpoint() {
            return txid + ":" + vout;
        }
    }

    public Optional<PayoutBatch> find(String id) {
        return Optional.ofNullable(em.find(PayoutBatch.class, id));
    }

    public Optional<PayoutBatch> findForUpdate(String id) {
        return Optional.ofNullable(em.find(PayoutBatch.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Locks the store's payment method row: batch creations of one store queue on it, so two never pick the same
     * payout or output.
     */
    public Optional<PaymentMethodConfig> lockPaymentMethod(String storeId, PaymentMethodId method) {
        return Optional.ofNullable(em.find(PaymentMethodConfig.class, storeId + ":" + method, LockModeType.PESSIMISTIC_WRITE));
    }

    public void add(PayoutBatch batch) {
        em.persist(batch);
    }

    /** Newest first. */
    public List<PayoutBatch> ofStore(String storeId, int limit) {
        return em.createQuery("select b from PayoutBatch b where b.storeId = :s order by b.createdAt desc, b.id",
                PayoutBatch.class).setParameter("s", storeId).setMaxResults(limit).getResultList();
    }

    /** The next change index of an account key: one past every batch's (a cancelled one leaves a gap of one). */
    public int nextChangeIndex(String keyId) {
        Object max = em.createQuery("select max(b.changeIndex) from PayoutBatch b where b.keyId = :k")
                .setParameter("k", keyId).getSingleResult();
        return max == null ? 0 : ((Number) max).intValue() + 1;
    }

    /**
     * Outputs of {@code keyId} the store may spend, before the node is asked whether they are unspent: confirmed
     * valid payments to its invoices' addresses (not those chain integrity holds), and the change of its broadcast batches; minus what open batches
     * spend. Plain SQL for the payment join; it runs unchanged on H2 and PostgreSQL.
     */
    public List<OwnOutput> candidateOutputs(String storeId, PaymentMethodId method, String keyId) {
        String sql = "SELECT p.txid, p.output_index, p.value_units, pp.derivation_index"
                + " FROM payment p JOIN payment_prompt pp ON pp.id = p.prompt_id JOIN invoice i ON i.id = p.invoice_id"
                + " WHERE i.store_id = ?1 AND p.payment_method_id = ?2 AND pp.key_id = ?3 AND p.status <> ?4"
                + " AND p.block_height IS NOT NULL AND p.held_reason IS NULL ORDER BY p.txid, p.output_index";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, storeId).setParameter(2, method.toString())
                .setParameter(3, keyId).setParameter(4, PaymentStatus.Invalid.name()).getResultList();
        List<OwnOutput> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new OwnOutput((String) r[0], ((Number) r[1]).intValue(), Long.parseLong(r[2].toString()), false,
                    ((Number) r[3]).intValue()));
        }
        Set<String> locked = new HashSet<>();
        for (PayoutBatch b : em.createQuery("select b from PayoutBatch b where b.storeId = :s and b.keyId = :k",
                PayoutBatch.class).setParameter("s", storeId).setParameter("k", keyId).getResultList()) {
            if (b.state() == PayoutBatch.State.Open) {
                locked.addAll(b.inputs());
            }
            if (b.state() == PayoutBatch.State.Broadcast && b.changeOutput() >= 0) {
                out.add(new OwnOutput(b.transactionId().orElseThrow(), b.changeOutput(), b.changeUnits(), true,
                        b.changeIndex()));
            }
        }
        return out.stream().filter(o -> !locked.contains(o.outpoint())).toList();
    }
}

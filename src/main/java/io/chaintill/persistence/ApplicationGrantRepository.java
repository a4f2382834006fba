package io.chaintill.persistence;

import io.chaintill.domain.access.ApplicationGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Keys made through the authorize flow, by user and application. */
@ApplicationScoped
public class ApplicationGrantRepository {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    /** Newest first, so a returning application is offered its latest key. */
    public List<ApplicationGrant> of(String userId, String applicationIdentifier, String applicationAuthority) {
        return em.createQuery("select g from ApplicationGrant g where g.userId = :u and g.applicationIdentifier = :i "
                        + "and g.applicationAuthority = :a order by g.createdAt desc", ApplicationGrant.class)
                .setParameter("u", userId).setParameter("i", applicationIdentifier).setParameter("a", applicationAuthority)
                .getResultList();
    }

    /** After the key it belongs to: the key was persisted in this transaction, and the row references it. */
    public void add(ApplicationGrant grant) {
        // the two entities have no mapped relation, so nothing else makes the key's insert come first
        em.flush();
        em.persist(grant);
    }
}

package io.chaintill.persistence;

import io.chaintill.domain.access.DashboardSession;
import io.chaintill.domain.access.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Dashboard sessions and failed-login counters. */
@ApplicationScoped
public class DashboardSessionRepository {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    public Optional<DashboardSession> session(String idHash) {
        return Optional.ofNullable(em.find(DashboardSession.class, idHash));
    }

    public void add(DashboardSession session) {
        em.persist(session);
    }

    public void remove(String idHash) {
        em.createQuery("delete from DashboardSession s where s.idHash = :h").setParameter("h", idHash).executeUpdate();
    }

    /** Deletes sessions that cannot be valid any more (begun before {@code createdBefore} or idle since {@code seenBefore}). */
    public int removeExpired(Instant createdBefore, Instant seenBefore) {
        return em.createQuery("delete from DashboardSession s where s.createdAt < :c or s.lastSeenAt < :l")
                .setParameter("c", createdBefore).setParameter("l", seenBefore).executeUpdate();
    }

    public Optional<LoginThrottle> throttle(String subject) {
        return Optional.ofNullable(em.find(LoginThrottle.class, subject));
    }

    public void add(LoginThrottle throttle) {
        em.persist(throttle);
    }

    public void removeThrottle(String subject) {
        em.createQuery("delete from LoginThrottle t where t.subject = :s").setParameter("s", subject).executeUpdate();
    }
}

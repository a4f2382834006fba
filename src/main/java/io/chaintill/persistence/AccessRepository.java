package io.chaintill.persistence;

import io.chaintill.domain.access.ApiKey;
import io.chaintill.domain.access.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Users and API keys. */
@ApplicationScoped
public class AccessRepository {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    public long userCount() {
        return em.createQuery("select count(u) from User u", Long.class).getSingleResult();
    }

    public Optional<User> user(String id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    public Optional<User> userByEmail(String email) {
        return em.createQuery("select u from User u where u.email = :e", User.class)
                .setParameter("e", email).getResultStream().findFirst();
    }

    public void add(User user) {
        em.persist(user);
    }

    public Optional<ApiKey> keyByHash(String hash) {
        return Optional.ofNullable(em.find(ApiKey.class, hash));
    }

    /**
     * The key with this hash and its user, read together with the key's permissions in one statement: every API
     * request authenticates, and three lookups by key (key, permissions, user) were three of a list's seven statements.
     * Read-only (META-INF/orm.xml): they become the request's {@code Caller} and are never changed.
     */
    public Optional<KeyOwner> keyWithOwner(String hash) {
        return em.createNamedQuery("ApiKey.withOwner", Object[].class).setParameter("h", hash).getResultStream().findFirst()
                .map(row -> new KeyOwner((ApiKey) row[0], (User) row[1]));
    }

    public record KeyOwner(ApiKey key, User user) {
    }

    public java.util.List<ApiKey> keysOfUser(String userId) {
        return em.createQuery("select k from ApiKey k where k.userId = :u order by k.createdAt desc", ApiKey.class)
                .setParameter("u", userId).getResultList();
    }

    public void add(ApiKey key) {
        em.persist(key);
    }

    public void remove(ApiKey key) {
        em.remove(em.contains(key) ? key : em.merge(key));
    }
}

package io.chaintill.persistence;

import io.chaintill.cluster.LeaseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Leases as rows of {@code chain_lease}, PostgreSQL only (cluster mode refuses H2). One statement takes, renews or
 * refuses, atomically under the row's lock; times are the database's, so the nodes' clocks do not matter.
 */
@ApplicationScoped
public class ChainLeaseRows implements LeaseStore {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;
    @Inject
    UnpooledConnections unpooled;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryTake(String resource, String holder, Duration ttl) {
        return em.createNativeQuery("INSERT INTO chain_lease (chain_id, holder, expires_at, taken_at)"
                        + " VALUES (?, ?, clock_timestamp() + make_interval(secs => CAST(? AS double precision)), clock_timestamp())"
                        + " ON CONFLICT (chain_id) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at,"
                        + " taken_at = CASE WHEN chain_lease.holder = EXCLUDED.holder THEN chain_lease.taken_at"
                        + " ELSE EXCLUDED.taken_at END"
                        + " WHERE chain_lease.holder = EXCLUDED.holder OR chain_lease.expires_at < clock_timestamp()")
                .setParameter(1, resource).setParameter(2, holder).setParameter(3, ttl.toMillis() / 1000.0)
                .executeUpdate() == 1;
    }

    /**
     * On a connection of its own, not the pool's: release runs while the server shuts down (a JVM shutdown hook),
     * when the container's transactions and pool may already be gone.
     */
    @Override
    public void release(String resource, String holder) {
        PGSimpleDataSource ds = unpooled.dataSource();
        ds.setConnectTimeout(2);
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM chain_lease WHERE chain_id = ? AND holder = ?")) {
            s.setString(1, resource);
            s.setString(2, holder);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}

package io.chaintill.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL connections outside the container's pool, for the two cluster jobs the pool cannot do: a LISTEN that
 * holds its connection for the node's life, and a lease release in a JVM shutdown hook, when the pool may be gone.
 */
@ApplicationScoped
public class UnpooledConnections {
    @Inject
    @ConfigProperty(name = "chaintill.db.url")
    String url;
    @Inject
    @ConfigProperty(name = "chaintill.db.user")
    String user;
    @Inject
    @ConfigProperty(name = "chaintill.db.password")
    String password;

    /** A data source on the configured database; each caller adds what its connection needs (timeouts, a name). */
    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }
}

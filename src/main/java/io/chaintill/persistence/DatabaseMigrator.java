package io.chaintill.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Defines the application's data source from configuration and brings the schema up to date before anything
 * else runs. Flyway commits its own work, so this bean manages no container transaction.
 * Pool settings (issue 17, docs/performance.md): one user for every connection, so the pool hands out any free one
 * without matching credentials (profiled: every request's connections queued on one lock in the credential match);
 * a statement cache per connection spares H2 the parse and lets PostgreSQL reuse server-side prepared statements;
 * 8 connections kept open so that a burst does not open connections on its requests' path.
 */
@DataSourceDefinition(
        name = DatabaseMigrator.DATASOURCE,
        className = "${MPCONFIG=chaintill.db.datasource-class}",
        url = "${MPCONFIG=chaintill.db.url}",
        user = "${MPCONFIG=chaintill.db.user}",
        password = "${MPCONFIG=chaintill.db.password}",
        minPoolSize = 8,
        maxPoolSize = 40,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.match-connections=false",
                "fish.payara.statement-cache-size=64",
                // blank: Payara's LRU cache (unset, Payara reads the type as the text "null", fails to load a class of
                // that name and logs a SEVERE line per connection)
                "fish.payara.statement-cache-type= "})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {
    public static final String DATASOURCE = "java:app/jdbc/chaintill";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    /** Static: read by readiness probes, which must not queue on this singleton's lock while it migrates. */
    private static volatile boolean migrated;

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    public static boolean migrated() {
        return migrated;
    }

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        migrated = true;
        LOG.info(() -> "database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied)");
    }
}

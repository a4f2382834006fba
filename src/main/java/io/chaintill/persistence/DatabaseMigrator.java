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
 */
@DataSourceDefinition(
        name = DatabaseMigrator.DATASOURCE,
        className = "${MPCONFIG=chaintill.db.datasource-class}",
        url = "${MPCONFIG=chaintill.db.url}",
        user = "${MPCONFIG=chaintill.db.user}",
        password = "${MPCONFIG=chaintill.db.password}",
        minPoolSize = 2,
        maxPoolSize = 40,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data"})
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

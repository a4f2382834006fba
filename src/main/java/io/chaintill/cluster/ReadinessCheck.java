package io.chaintill.cluster;

import io.chaintill.persistence.DatabaseMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * /health/ready: this node can serve requests once its schema is migrated and the database answers, until it
 * starts shutting down ({@link GracefulShutdown}). Chain nodes
 * are left out on purpose: a bitcoind outage must not take every node out of the balancer, since invoices, the
 * dashboard and webhooks keep working (and /api/v1/health reports the chains).
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    @Resource(lookup = DatabaseMigrator.DATASOURCE)
    DataSource dataSource;
    @Inject
    ClusterSettings settings;

    @Override
    public HealthCheckResponse call() {
        boolean migrated = DatabaseMigrator.migrated();
        boolean stopping = GracefulShutdown.draining();
        boolean database = databaseAnswers();
        return HealthCheckResponse.named("chaintill")
                .status(migrated && database && !stopping)
                .withData("node", settings.nodeId())
                .withData("cluster", settings.enabled())
                .withData("database", database ? "UP" : "DOWN")
                .withData("migrations", migrated ? "done" : "pending")
                .withData("stopping", stopping)
                .build();
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(DATABASE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}

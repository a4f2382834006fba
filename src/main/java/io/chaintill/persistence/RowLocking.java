package io.chaintill.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The row-lock clause for "claim some rows" queries. On PostgreSQL, {@code FOR UPDATE SKIP LOCKED} lets several
 * nodes claim disjoint batches without waiting on each other; H2 (single node, embedded) gets a plain
 * {@code FOR UPDATE}. The database product is read once from the data source, not configured.
 */
@ApplicationScoped
public class RowLocking {
    @Resource(lookup = DatabaseMigrator.DATASOURCE)
    DataSource dataSource;

    private volatile String clause;

    public String clause() {
        if (clause == null) {
            clause = clauseFor(productName());
        }
        return clause;
    }

    static String clauseFor(String databaseProduct) {
        return databaseProduct.toLowerCase(Locale.ROOT).contains("postgres") ? "FOR UPDATE SKIP LOCKED" : "FOR UPDATE";
    }

    private String productName() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product name", e);
        }
    }
}

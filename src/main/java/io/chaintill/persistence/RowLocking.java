package io.chaintill.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The tail of "claim some rows" queries (order, limit, row locks), which differs by database. On PostgreSQL,
 * {@code FOR UPDATE SKIP LOCKED} lets several nodes claim disjoint batches without waiting on each other. H2
 * (single node, embedded) gets a plain {@code FOR UPDATE} and no ORDER BY: with both, H2 locks every candidate
 * row before sorting (measured: 0.3-0.8 s per claim with 5000 pending rows, against 3 ms without), while its
 * scan of the index behind the WHERE clause already returns rows in the wanted order.
 * The database product is read once from the data source, not configured.
 */
@ApplicationScoped
public class RowLocking {
    @Resource(lookup = DatabaseMigrator.DATASOURCE)
    DataSource dataSource;

    private volatile String product;

    /** {@code ORDER BY orderBy LIMIT ? FOR UPDATE ...} as this database wants it; one parameter, the limit. */
    public String claimTail(String orderBy) {
        if (product == null) {
            product = productName();
        }
        return claimTail(product, orderBy);
    }

    static String claimTail(String databaseProduct, String orderBy) {
        if (databaseProduct.toLowerCase(Locale.ROOT).contains("postgres")) {
            return "ORDER BY " + orderBy + " LIMIT ? FOR UPDATE SKIP LOCKED";
        }
        return "LIMIT ? FOR UPDATE";
    }

    private String productName() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product name", e);
        }
    }
}

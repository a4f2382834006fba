package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes for the invoice list at 100,000 invoices in a store (issue 17, docs/performance.md): newest first with
 * the list's id tie-break, and by status, both within the store. On PostgreSQL also a trigram index for the text
 * search ({@code search_text LIKE '%term%'}), which a B-tree cannot serve; it needs the pg_trgm extension (a
 * "trusted" one: the database owner may create it). Where it cannot be had, the search scans the store's invoices
 * as before and the migration still succeeds. Java, not SQL, because only PostgreSQL knows that index.
 */
public class V25__invoice_read_indexes extends BaseJavaMigration {
    private static final Logger LOG = Logger.getLogger(V25__invoice_read_indexes.class.getName());

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX ix_invoice_store_newest ON invoice (store_id, created_at, id)");
            s.execute("CREATE INDEX ix_invoice_store_status ON invoice (store_id, status, created_at)");
            s.execute("DROP INDEX ix_invoice_store_created"); // a prefix of ix_invoice_store_newest
        }
        if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            trigramIndex(c);
        }
    }

    private static void trigramIndex(Connection c) throws SQLException {
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            s.execute("CREATE INDEX ix_invoice_search_trgm ON invoice USING gin (search_text gin_trgm_ops)");
            c.releaseSavepoint(before);
        } catch (SQLException e) {
            c.rollback(before); // the failed statement must not abort the migration's transaction
            LOG.warning("no trigram index for the invoice text search (pg_trgm not available: " + e.getMessage()
                    + "); the search still works, scanning the store's invoices");
        }
    }
}

package io.chaintill.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * An invoice written before V28 is found by the new text search: its terms come from its metadata's values and the
 * words of its old search text (which alone held the additional search terms), and the old column is gone.
 */
class SearchTermsMigrationTest {

    @Test
    void anInvoiceOfTheOldSchemaGetsItsTerms() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:search-terms-migration;DB_CLOSE_DELAY=-1");
        migrate(ds, "27");
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO invoice (id, store_id, amount, currency, metadata_json,"
                     + " order_id, search_text, speed_policy, payment_tolerance, redirect_automatically, expiration_minutes,"
                     + " monitoring_minutes, created_at, expires_at, monitoring_ends_at, status, additional_status, archived,"
                     + " version) VALUES ('Inv1', 's', 10, 'USD', ?, 'Order-7', ?, 'MediumSpeed', 0, FALSE, 15, 60, 0, 0, 0,"
                     + " 'New', 'None', FALSE, 1)")) {
            ps.setString(1, "{\"orderId\":\"Order-7\",\"buyerEmail\":\"Alice@Example.com\",\"itemDesc\":\"Blue  mug\","
                    + "\"quantity\":3,\"nested\":{\"x\":\"hidden\"}}");
            ps.setString(2, "inv1 order-7 alice@example.com blue mug gift-wrap");
            ps.executeUpdate();
        }

        migrate(ds, "latest");

        try (Connection c = ds.getConnection()) {
            assertEquals(Set.of("inv1", "order-7", "alice@example.com", "blue mug", "blue", "mug", "3", "gift-wrap"),
                    terms(c, "Inv1"), "the id, each metadata string or number, its words, and the old text's words");
            try (ResultSet columns = c.getMetaData().getColumns(null, null, "INVOICE", "SEARCH_TEXT")) {
                assertFalse(columns.next(), "invoice.search_text is dropped");
            }
        }
    }

    private static void migrate(DataSource ds, String target) {
        Flyway.configure(SearchTermsMigrationTest.class.getClassLoader()).dataSource(ds)
                .locations("classpath:db/migration").target(target).load().migrate();
    }

    private static Set<String> terms(Connection c, String invoiceId) throws SQLException {
        Set<String> terms = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT term FROM invoice_search_term WHERE invoice_id = ?")) {
            ps.setString(1, invoiceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    terms.add(rs.getString(1));
                }
            }
        }
        return terms;
    }
}

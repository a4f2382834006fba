package io.chaintill.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The invoice text search on both databases, with the real migrations: an invoice written before V28 gets its terms
 * (from its metadata's values and the words of its old search text, which alone held the additional search terms),
 * and the SQL of {@link InvoicePageSql} finds exactly the invoices one of whose terms starts with the text, in the
 * code point order both databases give the terms, beyond the BMP too.
 */
class InvoiceSearchTermsSqlTest {
    static EmbeddedPostgres postgres;
    static List<DataSource> databases;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:search-terms;DB_CLOSE_DELAY=-1");
        databases = List.of(h2, postgres.getPostgresDatabase());
        for (DataSource d : databases) {
            migrate(d, "27");
            try (Connection c = d.getConnection()) {
                oldInvoice(c, "Inv1", "{\"orderId\":\"Order-7\",\"buyerEmail\":\"Alice@Example.com\",\"itemDesc\":\"Blue  mug\","
                        + "\"quantity\":3,\"nested\":{\"x\":\"hidden\"}}", "inv1 order-7 alice@example.com blue mug gift-wrap");
                oldInvoice(c, "Inv2", "{\"orderId\":\"order_1\",\"itemDesc\":\"Blüe \uD83D\uDE00smile\"}", null);
                oldInvoice(c, "Inv3", "{\"orderId\":\"abc\uD83D\uDE00\",\"itemDesc\":\"abd\uFFFE\", \"note\":\"x\uFFFF\"}", null);
            }
            migrate(d, "latest");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void anInvoiceOfTheOldSchemaGetsItsTerms() throws SQLException {
        for (DataSource d : databases) {
            try (Connection c = d.getConnection()) {
                assertEquals(Set.of("inv1", "order-7", "alice@example.com", "blue mug", "blue", "mug", "3", "gift-wrap"),
                        terms(c, "Inv1"), "the id, each metadata string or number, its words, and the old text's words");
                try (ResultSet columns = c.getMetaData().getColumns(null, null, "%", "%search_text%")) {
                    assertFalse(columns.next(), "invoice.search_text is dropped");
                }
                try (ResultSet columns = c.getMetaData().getColumns(null, null, "%", "%SEARCH_TEXT%")) {
                    assertFalse(columns.next(), "invoice.search_text is dropped");
                }
            }
        }
    }

    @Test
    void aTextFindsTheInvoicesOneOfWhoseTermsStartsWithIt() throws SQLException {
        for (DataSource d : databases) {
            try (Connection c = d.getConnection()) {
                assertEquals(Set.of("Inv1"), found(c, "BLUE"));
                assertEquals(Set.of("Inv1"), found(c, "blue m"));
                assertEquals(Set.of("Inv1"), found(c, "alice@exa"));
                assertEquals(Set.of(), found(c, "example.com"), "a prefix, not a substring");
                assertEquals(Set.of("Inv2"), found(c, "blü"));
                assertEquals(Set.of("Inv2"), found(c, "order_"), "_ is a character");
                assertEquals(Set.of(), found(c, "order%"), "% is a character");
                assertEquals(Set.of("Inv1", "Inv2"), found(c, "order"));
                assertEquals(Set.of("Inv2"), found(c, "\uD83D\uDE00"), "a word beyond the BMP");
                assertEquals(Set.of("Inv3"), found(c, "abc"));
                assertEquals(Set.of("Inv3"), found(c, "abc\uD83D\uDE00"));
                assertEquals(Set.of("Inv3"), found(c, "abd\uFFFE"), "the BMP's last character kept");
                assertEquals(Set.of("Inv3"), found(c, "x\uFFFF"), "a noncharacter is U+FFFD in a text and a term alike");
                assertEquals(Set.of("Inv3"), found(c, "ab"));
                assertEquals(Set.of("Inv1", "Inv2", "Inv3"), found(c, "inv"), "the id");
            }
        }
    }

    private static Set<String> found(Connection c, String text) throws SQLException {
        InvoicePageSql page = InvoicePageSql.of(new InvoiceQuery("s", List.of(), Set.of(), text, null, null, false, 0, 50));
        try (PreparedStatement ps = c.prepareStatement(page.sql())) {
            for (int i = 0; i < page.parameters().size(); i++) {
                ps.setObject(i + 1, page.parameters().get(i));
            }
            return strings(ps);
        }
    }

    private static void oldInvoice(Connection c, String id, String metadata, String searchText) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO invoice (id, store_id, amount, currency, metadata_json,"
                + " order_id, search_text, speed_policy, payment_tolerance, redirect_automatically, expiration_minutes,"
                + " monitoring_minutes, created_at, expires_at, monitoring_ends_at, status, additional_status, archived,"
                + " version) VALUES (?, 's', 10, 'USD', ?, NULL, ?, 'MediumSpeed', 0, FALSE, 15, 60, ?, 0, 0,"
                + " 'New', 'None', FALSE, 1)")) {
            ps.setString(1, id);
            ps.setString(2, metadata);
            ps.setString(3, searchText);
            ps.setLong(4, id.hashCode());
            ps.executeUpdate();
        }
    }

    private static void migrate(DataSource ds, String target) {
        Flyway.configure(InvoiceSearchTermsSqlTest.class.getClassLoader()).dataSource(ds)
                .locations("classpath:db/migration").target(target).load().migrate();
    }

    private static Set<String> terms(Connection c, String invoiceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT term FROM invoice_search_term WHERE invoice_id = ?")) {
            ps.setString(1, invoiceId);
            return strings(ps);
        }
    }

    private static Set<String> strings(PreparedStatement ps) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}

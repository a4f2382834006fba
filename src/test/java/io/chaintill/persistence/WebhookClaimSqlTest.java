package io.chaintill.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook claim queries on both databases the server supports, with the real migrations: the SQL is
 * portable, picks the right rows, and on PostgreSQL two claimers get disjoint rows without waiting.
 */
class WebhookClaimSqlTest {
    static final long NOW = 1_767_225_600_000L;
    static EmbeddedPostgres postgres;
    static DataSource h2;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:claims;DB_CLOSE_DELAY=-1");
        h2 = ds;
        for (DataSource d : List.of(h2, postgres.getPostgresDatabase())) {
            Flyway.configure().dataSource(d).locations("classpath:db/migration").load().migrate();
            fill(d);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void lockClauseFollowsTheDatabase() throws SQLException {
        assertEquals("LIMIT ? FOR UPDATE", RowLocking.claimTail(product(h2), "id"));
        assertEquals("ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                RowLocking.claimTail(product(postgres.getPostgresDatabase()), "id"));
    }

    @Test
    void undispatchedEventsOldestFirstOnBothDatabases() throws SQLException {
        for (DataSource d : List.of(h2, postgres.getPostgresDatabase())) {
            try (Connection c = d.getConnection()) {
                c.setAutoCommit(false);
                assertEquals(List.of("1", "3"), ids(c, WebhookClaimSql.undispatchedEvents(clause(d)), 10));
                assertEquals(List.of("1"), ids(c, WebhookClaimSql.undispatchedEvents(clause(d)), 1));
                c.rollback();
            }
        }
    }

    @Test
    void dueDeliveriesRespectTimeAndPerInvoiceOrderOnBothDatabases() throws SQLException {
        for (DataSource d : List.of(h2, postgres.getPostgresDatabase())) {
            try (Connection c = d.getConnection()) {
                c.setAutoCommit(false);
                // a1 blocks a2 (same invoice, earlier event); b1 is not due and still blocks b2; c1 failed so c2 is free;
                // r1 (a redelivery of an older event of invoice r) goes before r2 of the same event id created later.
                // IPNs (no webhook) queue per target: i1 blocks i2 (same target and invoice), j2 has a target of its own,
                // and neither waits for invoice a's webhook deliveries.
                assertEquals(List.of("a1", "c2", "i1", "j2", "r1"), sorted(ids(c, WebhookClaimSql.dueDeliveries(clause(d)), NOW, 10)));
                c.rollback();
            }
        }
    }

    @Test
    void postgresClaimersGetDisjointRowsWithoutWaiting() throws SQLException {
        DataSource pg = postgres.getPostgresDatabase();
        String sql = WebhookClaimSql.dueDeliveries(clause(pg));
        try (Connection first = pg.getConnection(); Connection second = pg.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            List<String> one = ids(first, sql, NOW, 2);
            try (Statement s = second.createStatement()) {
                s.execute("SET lock_timeout = '2s'"); // a wait instead of a skip would fail the test, not hang it
            }
            List<String> two = ids(second, sql, NOW, 10);
            assertEquals(2, one.size());
            assertTrue(two.stream().noneMatch(one::contains), one + " and " + two);
            assertEquals(3, two.size(), "the other three due rows: " + two);
            first.rollback();
            second.rollback();
        }
    }

    private static UnaryOperator<String> clause(DataSource d) throws SQLException {
        String product = product(d);
        return orderBy -> RowLocking.claimTail(product, orderBy);
    }

    private static String product(DataSource d) throws SQLException {
        try (Connection c = d.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        }
    }

    private static List<String> ids(Connection c, String sql, long... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static void fill(DataSource d) throws SQLException {
        try (Connection c = d.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO app_user VALUES ('u1', 'a@example.com', 'x', TRUE, 0)");
            s.execute("INSERT INTO store (id, name, owner_user_id, default_currency, speed_policy, invoice_expiration_s,"
                    + " monitoring_expiration_s, payment_tolerance, created_at) VALUES ('s1', 'Shop', 'u1', 'USD', 'MediumSpeed', 900, 86400, 0, 0)");
            s.execute("INSERT INTO webhook VALUES ('w1', 's1', 'https://example.com/', 'secret', TRUE, TRUE, TRUE, '', 0)");
            s.execute("INSERT INTO invoice_event (id, invoice_id, store_id, type, data_json, created_at, dispatched) VALUES"
                    + " (1, 'a', 's1', 'InvoiceCreated', '{}', 0, FALSE), (2, 'b', 's1', 'InvoiceCreated', '{}', 0, TRUE),"
                    + " (3, 'c', 's1', 'InvoiceCreated', '{}', 0, FALSE)");
            delivery(s, "a1", "a", 1, "Pending", NOW - 5, 0);
            delivery(s, "a2", "a", 2, "Pending", NOW - 9, 1);
            delivery(s, "b1", "b", 3, "Pending", NOW + 60_000, 0);
            delivery(s, "b2", "b", 4, "Pending", NOW - 1, 1);
            delivery(s, "c1", "c", 5, "Failed", NOW - 1, 0);
            delivery(s, "c2", "c", 6, "Pending", NOW, 1);
            delivery(s, "r2", "r", 7, "Pending", NOW, 2);
            delivery(s, "r1", "r", 7, "Pending", NOW, 1);
            ipn(s, "i1", "https://shop.example/ipn", 1, NOW - 5, 0);
            ipn(s, "i2", "https://shop.example/ipn", 2, NOW - 9, 1);
            ipn(s, "j2", "https://other.example/ipn", 2, NOW - 9, 1);
        }
    }

    /** A pending IPN of invoice a: no webhook, its own target. */
    private static void ipn(Statement s, String id, String target, long event, long next, long created) throws SQLException {
        s.execute("INSERT INTO webhook_delivery (id, webhook_id, target, store_id, invoice_id, event_id, event_type,"
                + " original_delivery_id, redelivery, status, body, created_at, next_attempt_at, attempt_count) VALUES ('"
                + id + "', NULL, '" + target + "', 's1', 'a', " + event + ", 'InvoiceCreated', '" + id
                + "', FALSE, 'Pending', '{}', " + created + ", " + next + ", 0)");
    }

    private static void delivery(Statement s, String id, String invoice, long event, String status, long next, long created)
            throws SQLException {
        s.execute("INSERT INTO webhook_delivery (id, webhook_id, store_id, invoice_id, event_id, event_type,"
                + " original_delivery_id, redelivery, status, body, created_at, next_attempt_at, attempt_count) VALUES ('"
                + id + "', 'w1', 's1', '" + invoice + "', " + event + ", 'InvoiceCreated', '" + id + "', FALSE, '" + status
                + "', '{}', " + created + ", " + next + ", 0)");
    }
}

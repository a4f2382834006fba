package io.chaintill.bench;

import io.chaintill.domain.invoice.SearchTerms;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The limit invoice creation is measured against: the rows one creation writes (the address counter row locked and
 * advanced, the invoice, its search terms, its prompt, its outbox event) in one transaction, over plain JDBC through a fixed pool, on a
 * database of the server's kind with its URL options and schema (the same Flyway migrations). The reads benchmark
 * uses the same writes to fill a stopped server's database.
 */
final class RawInvoiceWrites implements AutoCloseable {
    private final BlockingQueue<Connection> pool;
    private final String nextEventId;
    private final String storeId;
    private final String keyId;

    private RawInvoiceWrites(BlockingQueue<Connection> pool, String nextEventId, String storeId, String keyId) {
        this.pool = pool;
        this.nextEventId = nextEventId;
        this.storeId = storeId;
        this.keyId = keyId;
    }

    /** On a fresh database: migrates it and creates the counter of key "bench". */
    static RawInvoiceWrites open(BenchDatabase db, String name, int size) throws Exception {
        DataSource ds = db.dataSource(name);
        Flyway.configure(RawInvoiceWrites.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration").load().migrate();
        RawInvoiceWrites raw = on(ds, db, size, "store", "bench");
        raw.inOne(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO address_counter (key_id, next_index) VALUES ('bench', 0)");
            }
        });
        return raw;
    }

    /** On an existing database, writing invoices of {@code storeId} that take indexes of {@code keyId}'s counter. */
    static RawInvoiceWrites on(DataSource ds, BenchDatabase db, int size, String storeId, String keyId) throws SQLException {
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Connection c = ds.getConnection();
            c.setAutoCommit(false);
            pool.add(c);
        }
        return new RawInvoiceWrites(pool, db.nextEventId(), storeId, keyId);
    }

    interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction on a pooled connection. */
    void inOne(Work work) throws Exception {
        Connection c = pool.take();
        try {
            work.run(c);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            pool.add(c);
        }
    }

    void createOne() throws Exception {
        createOne("bench", "bench");
    }

    /** One invoice with this order id and search text, in one transaction. */
    void createOne(String orderId, String searchText) throws Exception {
        inOne(c -> write(c, orderId, searchText));
    }

    /**
     * {@code count} invoices, 1,000 per transaction, numbered from 0: order id {@code order-N}, searchable as
     * {@code buyer-N@example.com}; every 100th is Settled. Returns their ids in creation order.
     */
    java.util.List<String> seed(int count) throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>(count);
        for (int from = 0; from < count; from += 1000) {
            int start = from;
            inOne(c -> {
                for (int i = start; i < Math.min(count, start + 1000); i++) {
                    String id = write(c, "order-" + i, "buyer-" + i + "@example.com");
                    ids.add(id);
                    if (i % 100 == 0) {
                        try (PreparedStatement ps = c.prepareStatement("UPDATE invoice SET status = 'Settled' WHERE id = ?")) {
                            ps.setString(1, id);
                            ps.executeUpdate();
                        }
                    }
                }
            });
        }
        return ids;
    }

    private String write(Connection c, String orderId, String searchText) throws SQLException {
        int index;
        try (PreparedStatement ps = c.prepareStatement("SELECT next_index FROM address_counter WHERE key_id = ? FOR UPDATE")) {
            ps.setString(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                index = rs.getInt(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE address_counter SET next_index = ? WHERE key_id = ?")) {
            ps.setInt(1, index + 1);
            ps.setString(2, keyId);
            ps.executeUpdate();
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO invoice (id, store_id, amount, currency, metadata_json,"
                + " order_id, speed_policy, payment_tolerance, redirect_automatically, expiration_minutes,"
                + " monitoring_minutes, created_at, expires_at, monitoring_ends_at, status, additional_status, archived, version)"
                + " VALUES (?, ?, ?, 'USD', ?, ?, 'MediumSpeed', 0, FALSE, 15, 60, ?, ?, ?, 'New', 'None', FALSE, 1)")) {
            ps.setString(1, id);
            ps.setString(2, storeId);
            ps.setBigDecimal(3, new BigDecimal("10"));
            ps.setString(4, "{\"orderId\":\"" + orderId + "\"}");
            ps.setString(5, orderId);
            ps.setLong(6, now);
            ps.setLong(7, now + 900_000);
            ps.setLong(8, now + 4_500_000);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO invoice_search_term (invoice_id, term) VALUES (?, ?)")) {
            for (String term : SearchTerms.of(id, List.of(orderId, searchText))) {
                ps.setString(1, id);
                ps.setString(2, term);
                ps.executeUpdate(); // one statement per row, as the server's EclipseLink sends them
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO payment_prompt (id, invoice_id, payment_method_id, currency,"
                + " decimals, destination, key_id, derivation_index, rate, due_units, created_at)"
                + " VALUES (?, ?, 'BTC-CHAIN', 'BTC', 8, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id + "p");
            ps.setString(2, id);
            ps.setString(3, "bcrt1q" + id + index);
            ps.setString(4, keyId);
            ps.setInt(5, index);
            ps.setBigDecimal(6, new BigDecimal("50000"));
            ps.setBigDecimal(7, new BigDecimal("20000"));
            ps.setLong(8, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO invoice_event (id, invoice_id, store_id, type, data_json, created_at)"
                + " VALUES (" + nextEventId + ", ?, ?, 'InvoiceCreated', ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, storeId);
            ps.setString(3, "{\"invoiceId\":\"" + id + "\"}");
            ps.setLong(4, now);
            ps.executeUpdate();
        }
        return id;
    }

    /** The raw side reserves indexes the way the server must: distinct and contiguous. */
    String reservationCheck() throws Exception {
        Connection c = pool.take();
        try {
            return "raw " + reservationCheck(c);
        } finally {
            c.commit();
            pool.add(c);
        }
    }

    /** Whether every account key's prompts hold distinct, contiguous derivation indexes, as a line of the report. */
    static String reservationCheck(Connection c) throws SQLException {
        long keys = 0;
        long prompts = 0;
        boolean ok = true;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT key_id, COUNT(*), COUNT(DISTINCT derivation_index), MIN(derivation_index),"
                     + " MAX(derivation_index) FROM payment_prompt GROUP BY key_id")) {
            while (rs.next()) {
                keys++;
                prompts += rs.getLong(2);
                ok &= rs.getLong(2) == rs.getLong(3) && rs.getLong(5) - rs.getLong(4) + 1 == rs.getLong(2);
            }
        }
        return String.format("indexes distinct and contiguous (%d prompts, %d keys): %s", prompts, keys, ok);
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : pool) {
            c.close();
        }
    }
}

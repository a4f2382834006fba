package io.chaintill.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The limit invoice creation is measured against: the rows one creation writes (the address counter row locked and
 * advanced, the invoice, its prompt, its outbox event) in one transaction, over plain JDBC through a fixed pool, on an
 * H2 file database with the server's URL options and schema (the same Flyway migrations).
 */
final class RawInvoiceWrites implements AutoCloseable {
    private final BlockingQueue<Connection> pool;

    private RawInvoiceWrites(BlockingQueue<Connection> pool) {
        this.pool = pool;
    }

    static RawInvoiceWrites open(Path dir, int size) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("raw") + ";LOCK_TIMEOUT=20000;WRITE_DELAY=0");
        ds.setUser("chaintill");
        ds.setPassword("chaintill");
        Flyway.configure(RawInvoiceWrites.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration").load().migrate();
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Connection c = ds.getConnection();
            c.setAutoCommit(false);
            pool.add(c);
        }
        try (Connection c = pool.peek(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO address_counter (key_id, next_index) VALUES ('bench', 0)");
            c.commit();
        }
        return new RawInvoiceWrites(pool);
    }

    void createOne() throws Exception {
        Connection c = pool.take();
        try {
            int index;
            try (PreparedStatement ps = c.prepareStatement("SELECT next_index FROM address_counter WHERE key_id = ? FOR UPDATE")) {
                ps.setString(1, "bench");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    index = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE address_counter SET next_index = ? WHERE key_id = ?")) {
                ps.setInt(1, index + 1);
                ps.setString(2, "bench");
                ps.executeUpdate();
            }
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
            long now = System.currentTimeMillis();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO invoice (id, store_id, amount, currency, metadata_json,"
                    + " order_id, search_text, speed_policy, payment_tolerance, redirect_automatically, expiration_minutes,"
                    + " monitoring_minutes, created_at, expires_at, monitoring_ends_at, status, additional_status, archived, version)"
                    + " VALUES (?, 'store', ?, 'USD', ?, 'bench', ?, 'MediumSpeed', 0, FALSE, 15, 60, ?, ?, ?, 'New', 'None', FALSE, 1)")) {
                ps.setString(1, id);
                ps.setBigDecimal(2, new BigDecimal("10"));
                ps.setString(3, "{\"orderId\":\"bench\"}");
                ps.setString(4, id + " bench");
                ps.setLong(5, now);
                ps.setLong(6, now + 900_000);
                ps.setLong(7, now + 4_500_000);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO payment_prompt (id, invoice_id, payment_method_id, currency,"
                    + " decimals, destination, key_id, derivation_index, rate, due_units, created_at)"
                    + " VALUES (?, ?, 'BTC-CHAIN', 'BTC', 8, ?, 'bench', ?, ?, ?, ?)")) {
                ps.setString(1, id + "p");
                ps.setString(2, id);
                ps.setString(3, "bcrt1q" + id + index);
                ps.setInt(4, index);
                ps.setBigDecimal(5, new BigDecimal("50000"));
                ps.setBigDecimal(6, new BigDecimal("20000"));
                ps.setLong(7, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO invoice_event (id, invoice_id, store_id, type, data_json, created_at)"
                    + " VALUES (NEXT VALUE FOR invoice_event_seq, ?, 'store', 'InvoiceCreated', ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, "{\"invoiceId\":\"" + id + "\"}");
                ps.setLong(3, now);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            pool.add(c);
        }
    }

    /** The raw side reserves indexes the way the server must: distinct and contiguous. */
    String reservationCheck() throws Exception {
        Connection c = pool.take();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT derivation_index), MIN(derivation_index),"
                     + " MAX(derivation_index) FROM payment_prompt")) {
            rs.next();
            boolean ok = rs.getLong(1) == rs.getLong(2) && rs.getLong(4) - rs.getLong(3) + 1 == rs.getLong(1);
            c.commit();
            return "raw indexes distinct and contiguous: " + ok;
        } finally {
            pool.add(c);
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : pool) {
            c.close();
        }
    }
}

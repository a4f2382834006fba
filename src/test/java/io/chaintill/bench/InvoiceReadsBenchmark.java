package io.chaintill.bench;

import io.chaintill.support.ApiClient;
import io.chaintill.support.ServerProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Reads at {@code -Dbench.reads.invoices} (100,000) invoices in one store, over HTTP: get by id, newest 50, filter by
 * orderId, by status and text search, each against the fixed limit of 20 ms p99. The invoices are written
 * straight into the stopped server's database (the rows an HTTP creation writes, as {@link RawInvoiceWrites}), then
 * the server starts again: that start is timed too, and its RSS read after the reads. On PostgreSQL it prints the
 * query plans of the list queries (EXPLAIN ANALYZE of the SQL EclipseLink sends).
 */
final class InvoiceReadsBenchmark implements Benchmarks.Benchmark {
    private static final int INVOICES = Integer.getInteger("bench.reads.invoices", 100_000);
    private static final long SECONDS = Long.getLong("bench.reads.seconds", 10);
    private static final int CLIENTS = 4;
    private static final double LIMIT_MS = 20;

    @Override
    public String name() {
        return "reads";
    }

    @Override
    public String run() throws Exception {
        return BenchDatabase.onEveryKind(db -> run(db));
    }

    private static String run(BenchDatabase db) throws Exception {
        StringBuilder out = new StringBuilder();
        Map<String, String> env = db.serverEnvWithFixedRates();
        try (ServerProcess server = ServerProcess.start(env)) {
            ApiClient admin = server.api().admin();
            ApiClient key = admin.newKey("unrestricted");
            String store = key.storeWithBitcoin("bench");
            key.createInvoice(store, "{\"amount\":\"10\",\"currency\":\"USD\"}"); // the store's address counter
            server.stop();
            DataSource ds = db.dataSource("server");
            List<String> ids;
            long seedStart = System.nanoTime();
            try (RawInvoiceWrites seed = RawInvoiceWrites.on(ds, db, 1, store, counterKey(ds))) {
                ids = seed.seed(INVOICES);
            }
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            long start = System.nanoTime();
            server.restart();
            double startSeconds = (System.nanoTime() - start) / 1e9;
            double drainSeconds = awaitOutboxDrained(ds);
            String base = "/api/v1/stores/" + store + "/invoices";
            Map<String, Load.Operation> reads = new LinkedHashMap<>();
            reads.put("get by id", () -> key.get(base + "/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))).expect(200));
            reads.put("newest 50", () -> key.get(base + "?take=50").expect(200));
            reads.put("by orderId", () -> key.get(base + "?orderId=order-" + ThreadLocalRandom.current().nextInt(INVOICES)).expect(200));
            reads.put("by status (50 Settled)", () -> key.get(base + "?status=Settled&take=50").expect(200));
            reads.put("text search", () -> key.get(base + "?textSearch=buyer-" + ThreadLocalRandom.current().nextInt(INVOICES)
                    + "@example&take=50").expect(200));
            out.append(String.format("%d invoices (seeded in %.0f s), start to ready %.1f s, "
                    + "their %d InvoiceCreated events dispatched %.1f s after; ", INVOICES + 1, seedSeconds, startSeconds, INVOICES, drainSeconds));
            for (Map.Entry<String, Load.Operation> read : reads.entrySet()) {
                Load.run(CLIENTS, 2, read.getValue()); // warm-up
                Load.Result r = Load.run(CLIENTS, SECONDS, read.getValue());
                out.append(String.format("%s p99 %.1f ms (%.0f/s, %d clients): ratio %.2f to %.0f ms; ", read.getKey(), r.p99Ms(),
                        r.perSecond(), CLIENTS, r.p99Ms() / LIMIT_MS, LIMIT_MS));
            }
            out.append(String.format("server RSS %d MB", ProcStats.of(server.pid()).rssKb() / 1024));
            if (db.postgres()) {
                explain(ds, store);
            }
        }
        return out.toString();
    }

    /**
     * The seeded invoices' events reach the restarted server undispatched, and its dispatcher works through them:
     * measuring reads before it is done measured the backlog (at 100,000 invoices, most of the newest-50 phase).
     */
    private static double awaitOutboxDrained(DataSource ds) throws Exception {
        long start = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            while (!"0".equals(firstColumn(c, "SELECT COUNT(*) FROM invoice_event WHERE dispatched = FALSE").get(0))) {
                if (System.nanoTime() - start > 600_000_000_000L) {
                    throw new IllegalStateException("the outbox did not drain within 600 s");
                }
                Thread.sleep(200);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String counterKey(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            return firstColumn(c, "SELECT key_id FROM address_counter").get(0);
        }
    }

    /**
     * The plans of the list queries as EclipseLink sends them (InvoiceRepository.search), with real parameters, and of
     * the reads of one invoice's prompts and payments.
     */
    private static void explain(DataSource ds, String store) throws Exception {
        String select = "SELECT id FROM invoice WHERE store_id = ? AND archived = false";
        String tail = " ORDER BY created_at DESC, id LIMIT 50";
        try (Connection c = ds.getConnection()) {
            String someInvoice = firstColumn(c, "SELECT id FROM invoice WHERE store_id = ? ORDER BY created_at DESC LIMIT 1", store)
                    .get(0);
            // each: the SQL, then its parameters
            Map<String, String[]> queries = new LinkedHashMap<>();
            queries.put("newest 50", new String[] {select + tail, store});
            queries.put("by orderId", new String[] {select + " AND order_id IN (?)" + tail, store, "order-4242"});
            queries.put("by status", new String[] {select + " AND status IN (?)" + tail, store, "Settled"});
            queries.put("text search", new String[] {select + " AND search_text LIKE ?" + tail, store, "%buyer-4242@example%"});
            // what every get by id and every listed page reads besides the invoice (its prompts, its payments)
            queries.put("prompts of an invoice", new String[] {"SELECT id FROM payment_prompt WHERE invoice_id = ?", someInvoice});
            queries.put("payments of an invoice", new String[] {"SELECT id FROM payment WHERE invoice_id = ?", someInvoice});
            // the newest page's prompts, batch-fetched IN the page's ids
            queries.put("prompts of a page", new String[] {"SELECT * FROM payment_prompt WHERE invoice_id IN (SELECT id FROM invoice"
                    + " WHERE store_id = ? ORDER BY created_at DESC LIMIT 50)", store});
            for (Map.Entry<String, String[]> q : queries.entrySet()) {
                String[] sqlAndParameters = q.getValue();
                System.out.println("-- plan, " + q.getKey() + ": " + sqlAndParameters[0]);
                for (String line : firstColumn(c, "EXPLAIN ANALYZE " + sqlAndParameters[0],
                        java.util.Arrays.copyOfRange(sqlAndParameters, 1, sqlAndParameters.length))) {
                    System.out.println("   " + line);
                }
            }
        }
    }

    private static List<String> firstColumn(Connection c, String sql, String... parameters) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}

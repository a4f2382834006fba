package io.chaintill.bench;

import io.chaintill.domain.invoice.InvoiceStatus;
import io.chaintill.persistence.InvoicePageSql;
import io.chaintill.persistence.InvoiceQuery;
import io.chaintill.support.ApiClient;
import io.chaintill.support.ServerProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Reads at {@code -Dbench.reads.invoices} (100,000) invoices in one store, over HTTP: get by id, newest 50, filter by
 * orderId, by status and text search, each against the fixed limit of 20 ms p99. The invoices are written
 * straight into the stopped server's database (the rows an HTTP creation writes, as {@link RawInvoiceWrites}), then
 * the server starts again: that start is timed too, and its RSS read after the reads. On PostgreSQL it prints the
 * query plans of the list queries (EXPLAIN ANALYZE of the SQL the server sends, planned for its values and generic).
 */
final class InvoiceReadsBenchmark implements Benchmarks.Benchmark {
    private static final int INVOICES = Integer.getInteger("bench.reads.invoices", 100_000);
    private static final long SECONDS = Long.getLong("bench.reads.seconds", 10);
    private static final long WARM_UP_SECONDS = 5;
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
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                // a store that grew to 100,000 invoices has long dispatched their events (measuring with the backlog
                // measured the dispatcher: at 100,000, most of the first phases) and has its statistics
                s.executeUpdate("UPDATE invoice_event SET dispatched = TRUE");
                s.execute("ANALYZE");
            }
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            long start = System.nanoTime();
            server.restart();
            double startSeconds = (System.nanoTime() - start) / 1e9;
            String base = "/api/v1/stores/" + store + "/invoices";
            Map<String, Load.Operation> reads = new LinkedHashMap<>();
            reads.put("get by id", () -> key.get(base + "/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))).expect(200));
            reads.put("newest 50", () -> key.get(base + "?take=50").expect(200));
            reads.put("by orderId", () -> key.get(base + "?orderId=order-" + ThreadLocalRandom.current().nextInt(INVOICES)).expect(200));
            reads.put("by status (50 Settled)", () -> key.get(base + "?status=Settled&take=50").expect(200));
            reads.put("text search", () -> key.get(base + "?textSearch=buyer-" + ThreadLocalRandom.current().nextInt(INVOICES)
                    + "@example&take=50").expect(200));
            out.append(String.format("%d invoices (seeded in %.0f s), start to ready %.1f s; ", INVOICES + 1, seedSeconds, startSeconds));
            // JIT: every read once before any is measured, since they share most of their code (with 5 s of warm-up
            // each, the first read measured still paid the compiler: a third more server CPU per read than later)
            for (Load.Operation read : reads.values()) {
                Load.run(CLIENTS, WARM_UP_SECONDS, read);
            }
            for (Map.Entry<String, Load.Operation> read : reads.entrySet()) {
                Load.run(CLIENTS, WARM_UP_SECONDS, read.getValue());
                double cpuBefore = ProcStats.of(server.pid()).cpuSeconds();
                Load.Result r = Load.run(CLIENTS, SECONDS, read.getValue());
                // the server's own CPU per read: steadier than the p99, which moves with whatever else the 2 cores run
                double cpuMs = (ProcStats.of(server.pid()).cpuSeconds() - cpuBefore) * 1000 / r.operations();
                out.append(String.format("%s p99 %.1f ms (%.0f/s, %d clients, server CPU %.2f ms per read): ratio %.2f to %.0f ms; ",
                        read.getKey(), r.p99Ms(), r.perSecond(), CLIENTS, cpuMs, r.p99Ms() / LIMIT_MS, LIMIT_MS));
            }
            out.append(String.format("server RSS %d MB", ProcStats.of(server.pid()).rssKb() / 1024));
            if (db.postgres()) {
                explain(ds, store);
            }
        }
        return out.toString();
    }

    private static String counterKey(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            return firstColumn(c, "SELECT key_id FROM address_counter").get(0);
        }
    }

    /**
     * The plans of the list queries as the server sends them (InvoicePageSql), with real parameters, and of the reads
     * of one invoice's prompts and payments. Each is explained twice: planned for its values, and as PostgreSQL's
     * generic plan, which it may cache for a statement the driver has prepared on the server (after five executions)
     * and which cannot see the parameters' values: a bound LIMIT once made that plan sort the whole store.
     */
    private static void explain(DataSource ds, String store) throws Exception {
        try (Connection c = ds.getConnection()) {
            String someInvoice = firstColumn(c, "SELECT id FROM invoice WHERE store_id = ? ORDER BY created_at DESC LIMIT 1", store)
                    .get(0);
            // each: the SQL, then its parameters; the list queries exactly as the server builds them
            Map<String, Object[]> queries = new LinkedHashMap<>();
            queries.put("newest 50", page(new InvoiceQuery(store, List.of(), Set.of(), null, null, null, false, 0, 50)));
            queries.put("by orderId", page(new InvoiceQuery(store, List.of("order-4242"), Set.of(), null, null, null, false, 0, 50)));
            queries.put("by status", page(new InvoiceQuery(store, List.of(), Set.of(InvoiceStatus.Settled), null, null, null, false, 0, 50)));
            queries.put("text search", page(new InvoiceQuery(store, List.of(), Set.of(), "buyer-4242@example", null, null, false, 0, 50)));
            // what every get by id and every listed page reads besides the invoice (its prompts, its payments)
            queries.put("prompts of an invoice", new Object[] {"SELECT id FROM payment_prompt WHERE invoice_id = ?", someInvoice});
            queries.put("payments of an invoice", new Object[] {"SELECT id FROM payment WHERE invoice_id = ?", someInvoice});
            // the newest page's prompts, batch-fetched IN the page's ids
            queries.put("prompts of a page", new Object[] {"SELECT * FROM payment_prompt WHERE invoice_id IN (SELECT id FROM invoice"
                    + " WHERE store_id = ? ORDER BY created_at DESC LIMIT 50)", store});
            for (Map.Entry<String, Object[]> q : queries.entrySet()) {
                Object[] sqlAndParameters = q.getValue();
                Object[] parameters = java.util.Arrays.copyOfRange(sqlAndParameters, 1, sqlAndParameters.length);
                System.out.println("-- plan, " + q.getKey() + ": " + sqlAndParameters[0]);
                print(firstColumn(c, "EXPLAIN ANALYZE " + sqlAndParameters[0], parameters));
                System.out.println("-- generic plan, " + q.getKey());
                print(genericPlan(c, (String) sqlAndParameters[0], parameters));
            }
        }
    }

    /** EXPLAIN ANALYZE of the plan PostgreSQL would cache for the statement, whatever the values (the harness's own). */
    private static List<String> genericPlan(Connection c, String sql, Object... parameters) throws Exception {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            numbered.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        List<String> types = new java.util.ArrayList<>();
        List<String> values = new java.util.ArrayList<>();
        for (Object p : parameters) {
            types.add(p instanceof Number ? "bigint" : "text");
            values.add(p instanceof Number ? p.toString() : "'" + p.toString().replace("'", "''") + "'");
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE generic_plan (" + String.join(", ", types) + ") AS " + numbered);
            try {
                return firstColumn(c, "EXPLAIN ANALYZE EXECUTE generic_plan (" + String.join(", ", values) + ")");
            } finally {
                s.execute("DEALLOCATE generic_plan");
                s.execute("RESET plan_cache_mode");
            }
        }
    }

    private static void print(List<String> plan) {
        plan.forEach(line -> System.out.println("   " + line));
    }

    private static Object[] page(InvoiceQuery query) {
        InvoicePageSql page = InvoicePageSql.of(query);
        List<Object> sqlAndParameters = new java.util.ArrayList<>(List.of(page.sql()));
        sqlAndParameters.addAll(page.parameters());
        return sqlAndParameters.toArray();
    }

    private static List<String> firstColumn(Connection c, Object sql, Object... parameters) throws Exception {
        try (PreparedStatement ps = c.prepareStatement((String) sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
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

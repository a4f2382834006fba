package io.chaintill.bench;

import io.chaintill.support.ApiClient;
import io.chaintill.support.ServerProcess;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Invoice creation over HTTP (one store, BTC, keep-alive clients; a server in its own process) against raw JDBC
 * writes of the same rows through a pool of the same size on a database of the same kind and schema, at 10 and 50
 * concurrent clients, in the same run, on H2 and on PostgreSQL ({@code -Dbench.databases}): throughput ratio and
 * p99 ratio. The HTTP and raw runs alternate ({@code -Dbench.invoices.rounds} times each). After the load, the
 * server's own prompts are checked for distinct, contiguous derivation indexes.
 */
final class InvoiceCreationBenchmark implements Benchmarks.Benchmark {
    private static final long SECONDS = Long.getLong("bench.invoices.seconds", 15);
    private static final int ROUNDS = Integer.getInteger("bench.invoices.rounds", 1);
    private static final List<Integer> CLIENTS = List.of(10, 50);
    /** The server's pool size (DatabaseMigrator's maxPoolSize). */
    private static final int POOL = 40;

    @Override
    public String name() {
        return "invoices";
    }

    @Override
    public String run() throws Exception {
        return BenchDatabase.onEveryKind(db -> run(db));
    }

    private static String run(BenchDatabase db) throws Exception {
        StringBuilder out = new StringBuilder();
        Map<String, String> env = db.serverEnvWithFixedRates();
        try (ServerProcess server = ServerProcess.start(env);
             RawInvoiceWrites raw = RawInvoiceWrites.open(db, "raw", POOL)) {
            ApiClient key = server.api().admin().newKey("unrestricted");
            String store = key.storeWithBitcoin("bench");
            String path = "/api/v1/stores/" + store + "/invoices";
            String body = "{\"amount\":\"10\",\"currency\":\"USD\",\"metadata\":{\"orderId\":\"bench\"}}";
            Load.Operation http = () -> key.post(path, body).expect(200);
            Load.run(10, 10, http); // warm-up: JIT, pool growth
            Load.run(10, 5, raw::createOne);
            for (int clients : CLIENTS) {
                Load.Result h = Load.Result.NONE;
                Load.Result j = Load.Result.NONE;
                double serverCpu = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    double before = ProcStats.of(server.pid()).cpuSeconds();
                    h = h.plus(Load.run(clients, SECONDS, http));
                    serverCpu += ProcStats.of(server.pid()).cpuSeconds() - before;
                    j = j.plus(Load.run(clients, SECONDS, raw::createOne));
                }
                // the server's own CPU per invoice does not depend on how busy the rest of the machine is
                out.append(String.format("%d clients: HTTP %.0f/s p99 %.0f ms (server CPU %.1f ms per invoice), raw JDBC %.0f/s"
                                + " p99 %.0f ms: throughput ratio %.2f (target >= 0.5), p99 ratio %.2f (target <= 2); ", clients,
                        h.perSecond(), h.p99Ms(), serverCpu * 1000 / h.operations(), j.perSecond(), j.p99Ms(),
                        h.perSecond() / j.perSecond(), h.p99Ms() / j.p99Ms()));
            }
            out.append(raw.reservationCheck()).append("; ");
            server.stop(); // H2 locks its file while the server runs
            try (Connection c = db.dataSource("server").getConnection()) {
                out.append("server ").append(RawInvoiceWrites.reservationCheck(c)).append(';');
            }
        }
        return out.toString();
    }
}

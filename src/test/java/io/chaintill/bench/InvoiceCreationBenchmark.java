package io.chaintill.bench;

import io.chaintill.support.ApiClient;
import io.chaintill.support.ServerProcess;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Invoice creation over HTTP (one store, BTC, keep-alive clients; a server in its own process on H2) against raw
 * JDBC writes of the same rows through a pool of the same size on a database of the same kind and schema, at 10
 * and 50 concurrent clients, in the same run: throughput ratio and p99 ratio.
 */
final class InvoiceCreationBenchmark implements Benchmarks.Benchmark {
    private static final long SECONDS = Long.getLong("bench.invoices.seconds", 15);
    private static final List<Integer> CLIENTS = List.of(10, 50);

    @Override
    public String name() {
        return "invoices";
    }

    @Override
    public String run() throws Exception {
        StringBuilder out = new StringBuilder();
        try (ServerProcess server = ServerProcess.start(Map.of(
                "CHAINTILL_DATA_DIR", Files.createTempDirectory("chaintill-bench").toString(),
                "CHAINTILL_RATES_PROVIDERS", "fixed",
                "CHAINTILL_RATES_FIXED", "BTC_USD:50000"))) {
            ApiClient key = server.api().admin().newKey("unrestricted");
            String store = key.storeWithBitcoin("bench");
            String path = "/api/v1/stores/" + store + "/invoices";
            String body = "{\"amount\":\"10\",\"currency\":\"USD\",\"metadata\":{\"orderId\":\"bench\"}}";
            Load.run(4, 5, () -> key.post(path, body).expect(200)); // warm-up
            try (RawInvoiceWrites raw = RawInvoiceWrites.open(Files.createTempDirectory("chaintill-bench-raw"), 40)) {
                Load.run(4, 3, raw::createOne);
                for (int clients : CLIENTS) {
                    Load.Result http = Load.run(clients, SECONDS, () -> key.post(path, body).expect(200));
                    Load.Result jdbc = Load.run(clients, SECONDS, raw::createOne);
                    out.append(String.format("%d clients: HTTP %.0f/s p99 %.0f ms, raw JDBC %.0f/s p99 %.0f ms: throughput ratio %.2f"
                                    + " (target >= 0.5), p99 ratio %.2f (target <= 2); ", clients, http.perSecond(), http.p99Ms(),
                            jdbc.perSecond(), jdbc.p99Ms(), http.perSecond() / jdbc.perSecond(), http.p99Ms() / jdbc.p99Ms()));
                }
                out.append(raw.reservationCheck());
            }
        }
        return out.toString();
    }
}

package io.chaintill.bench;

import io.chaintill.support.ApiClient;
import io.chaintill.support.HaProxy;
import io.chaintill.support.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster mode's throughput: the same closed-loop load (create an invoice, read it back) through the cluster
 * example's HAProxy configuration in front of one node, then in front of three, on one PostgreSQL, in the same run:
 * the ratio 3 nodes / 1 node. Every node runs on this machine, so the ratio says what more processes on the same
 * cores buy (on a 2-core machine: nothing, or less), not what three machines would.
 */
final class ClusterThroughputBenchmark implements Benchmarks.Benchmark {
    private static final long SECONDS = Long.getLong("bench.cluster.seconds", 20);
    private static final int CLIENTS = Integer.getInteger("bench.cluster.clients", 6);
    private static final int NODES = 3;

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public String run() throws Exception {
        List<ServerProcess> nodes = new ArrayList<>();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            for (int i = 1; i <= NODES; i++) {
                Map<String, String> env = new HashMap<>(Map.of(
                        "CHAINTILL_DB_URL", "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres",
                        "CHAINTILL_DB_USER", "postgres", "CHAINTILL_DB_PASSWORD", "postgres",
                        "CHAINTILL_CLUSTER_ENABLED", "true", "CHAINTILL_CLUSTER_NODE_ID", "node-" + i,
                        "CHAINTILL_HTTP_TRUSTED_PROXIES", "127.0.0.1",
                        "CHAINTILL_RATES_PROVIDERS", "fixed", "CHAINTILL_RATES_FIXED", "BTC_USD:50000"));
                nodes.add(ServerProcess.start(env, Duration.ofMinutes(10)));
            }
            Load.Result one = measure(nodes.subList(0, 1));
            Load.Result three = measure(nodes);
            return String.format("%d clients, create + read an invoice: 1 node %.1f/s p99 %.0f ms, %d nodes %.1f/s"
                            + " p99 %.0f ms: throughput ratio %.2f (%d cores on this machine)", CLIENTS, one.perSecond(),
                    one.p99Ms(), NODES, three.perSecond(), three.p99Ms(), three.perSecond() / one.perSecond(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            nodes.forEach(ServerProcess::close);
        }
    }

    /** The load through a balancer in front of {@code nodes}, after a warm-up that reaches every node. */
    private static Load.Result measure(List<ServerProcess> nodes) throws Exception {
        try (HaProxy balancer = HaProxy.inFrontOfNodes(nodes.stream()
                .map(n -> URI.create(n.baseUrl()).getAuthority()).toList())) {
            Thread.sleep(2000); // two health checks put every node in rotation
            ApiClient key = ApiClient.at(balancer.baseUrl()).admin().newKey("unrestricted");
            String store = key.storeWithBitcoin("bench-" + nodes.size());
            String path = "/api/v1/stores/" + store + "/invoices";
            String body = "{\"amount\":\"10\",\"currency\":\"USD\"}";
            Load.Operation op = () -> {
                String id = key.post(path, body).expect(200).object().getString("id");
                key.get(path + "/" + id).expect(200);
            };
            Load.run(CLIENTS, 5, op); // warm-up: every node's JIT and pools
            return Load.run(CLIENTS, SECONDS, op);
        }
    }
}

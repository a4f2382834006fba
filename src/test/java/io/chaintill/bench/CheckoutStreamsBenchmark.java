package io.chaintill.bench;

import io.chaintill.support.ApiClient;
import io.chaintill.support.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Live checkout streams held by one server (its own process, H2): {@code -Dbench.streams} (10,000) event streams
 * over {@code -Dbench.invoices} (100) invoices from one client JVM (Java's HttpClient, a handful of threads), then
 * the server's idle CPU, memory per stream and threads; how fast the first status comes against a plain status GET
 * in the same run; how fast a status change reaches every stream of its invoice against the 1 s; and what
 * requests above the cap get (503 with Retry-After expected, never a 500).
 */
final class CheckoutStreamsBenchmark implements Benchmarks.Benchmark {
    private static final int STREAMS = Integer.getInteger("bench.streams", 10_000);
    private static final int INVOICES = Integer.getInteger("bench.invoices", 100);
    private static final int CHANGED = Math.min(10, INVOICES);
    private static final int OVER_CAP = 200;
    private static final int BATCH = 500;
    /** Streams opened one at a time once all are open; the cap leaves room for them. */
    private static final int PROBES = 50;

    @Override
    public String name() {
        return "checkout";
    }

    @Override
    public String run() throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
                .connectTimeout(Duration.ofSeconds(30)).build();
        try (ServerProcess server = ServerProcess.start(Map.of(
                "CHAINTILL_DATA_DIR", BenchFiles.temporaryDirectory("chaintill-bench").toString(),
                "CHAINTILL_RATES_PROVIDERS", "fixed",
                "CHAINTILL_RATES_FIXED", "BTC_USD:50000",
                "CHAINTILL_CHECKOUT_EVENTS_MAX_CONNECTIONS", String.valueOf(STREAMS + PROBES),
                "CHAINTILL_CHECKOUT_EVENTS_MAX_SECONDS", "3600"))) {
            ApiClient key = server.api().admin().newKey("unrestricted");
            String store = key.storeWithBitcoin("bench");
            List<String> invoices = new ArrayList<>();
            for (int i = 0; i < INVOICES; i++) {
                invoices.add(key.createInvoice(store, "{\"amount\":\"1\",\"currency\":\"USD\"}").getString("id"));
            }
            statusGetMedianMs(http, server, invoices); // warms the server up
            System.gc();
            ProcStats before = ProcStats.of(server.pid());

            List<SseProbe> streams = new ArrayList<>();
            for (int i = 0; i < STREAMS; i += BATCH) {
                List<SseProbe> batch = new ArrayList<>();
                for (int j = i; j < Math.min(STREAMS, i + BATCH); j++) {
                    batch.add(SseProbe.open(http, URI.create(server.baseUrl() + "/checkout/" + invoices.get(j % INVOICES) + "/events")));
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                for (SseProbe p : batch) {
                    p.awaitHeaders(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                }
                streams.addAll(batch);
            }
            long held = streams.stream().filter(p -> p.status() == 200).count();
            List<Double> burst = SseProbe.awaitAll(streams, p -> p.firstMs(), Duration.ofSeconds(60));
            Thread.sleep(2000);
            ProcStats open = ProcStats.of(server.pid());
            Thread.sleep(10_000);
            ProcStats idle = ProcStats.of(server.pid());
            double idleCores = (idle.cpuSeconds() - open.cpuSeconds()) / 10.0;
            double kbPerStream = (idle.rssKb() - before.rssKb()) / (double) Math.max(1, held);

            // what one more buyer sees with all those streams open: opening one against reading the status once
            double statusGetMs = statusGetMedianMs(http, server, invoices);
            List<Double> first = new ArrayList<>();
            for (int i = 0; i < PROBES; i++) {
                SseProbe p = SseProbe.open(http, URI.create(server.baseUrl() + "/checkout/" + invoices.get(i % INVOICES) + "/events"));
                first.addAll(SseProbe.awaitAll(List.of(p), SseProbe::firstMs, Duration.ofSeconds(30)));
                p.close();
                Thread.sleep(50); // let the server notice the close before the next
            }

            Map<String, Long> markedAt = new ConcurrentHashMap<>();
            for (String id : invoices.subList(0, CHANGED)) {
                markedAt.put(id, System.nanoTime());
                key.post("/api/v1/stores/" + store + "/invoices/" + id + "/status", "{\"status\":\"Invalid\"}").expect(200);
            }
            List<SseProbe> watching = streams.stream().filter(p -> markedAt.containsKey(p.invoiceId())).toList();
            List<Double> pushed = SseProbe.awaitAll(watching, p -> p.statusMs("Invalid", markedAt.get(p.invoiceId())),
                    Duration.ofSeconds(30));

            // the probes' closed streams still count until the next keep-alive notices them: the node is full
            Map<Integer, Integer> overCap = new ConcurrentHashMap<>();
            int retryAfter = 0;
            List<SseProbe> extra = new ArrayList<>();
            for (int i = 0; i < OVER_CAP; i++) {
                extra.add(SseProbe.open(http, URI.create(server.baseUrl() + "/checkout/" + invoices.get(0) + "/events")));
            }
            for (SseProbe p : extra) {
                p.awaitHeaders(Duration.ofSeconds(60));
                overCap.merge(p.status(), 1, Integer::sum);
                retryAfter += p.retryAfter() ? 1 : 0;
                p.close();
            }
            streams.forEach(SseProbe::close);
            return String.format("%d of %d streams held (target 10,000: ratio %.2f); idle server CPU %.2f cores, %.1f KB RSS per"
                            + " stream, %d threads (%d before); first status with all open p50 %.1f ms p99 %.1f ms against a status GET p50"
                            + " %.1f ms (ratio %.2f), in the opening burst of %d p50 %.0f ms p99 %.0f ms;"
                            + " a change reached all %d streams of %d invoices: p50 %.0f ms p99 %.0f ms max %.0f ms (limit 1000 ms:"
                            + " ratio %.2f); %d above the cap answered %s (%d with Retry-After)",
                    held, STREAMS, held / 10_000.0, idleCores, kbPerStream, idle.threads(), before.threads(),
                    SseProbe.percentile(first, 50), SseProbe.percentile(first, 99), statusGetMs,
                    SseProbe.percentile(first, 50) / statusGetMs, BATCH, SseProbe.percentile(burst, 50), SseProbe.percentile(burst, 99),
                    pushed.size(), CHANGED, SseProbe.percentile(pushed, 50), SseProbe.percentile(pushed, 99),
                    SseProbe.percentile(pushed, 100), SseProbe.percentile(pushed, 100) / 1000.0, OVER_CAP, overCap, retryAfter);
        } finally {
            clientThreads.shutdownNow();
        }
    }

    private static double statusGetMedianMs(HttpClient http, ServerProcess server, List<String> invoices) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long t = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/checkout/" + invoices.get(i % invoices.size()) + "/status"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (i >= 100) { // the first hundred warm the server up
                ms.add((System.nanoTime() - t) / 1e6);
            }
        }
        return SseProbe.percentile(ms, 50);
    }
}

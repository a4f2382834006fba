package io.chaintill.bench;

import io.chaintill.support.ApiClient;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.WebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Webhook deliveries per second from a real server (its own process, H2) to a local receiver that answers at
 * once, against that receiver's own ceiling: the requests per second a load generator in this JVM gets from it
 * with the relay's concurrency and a body of the same size. Waves of deliveries warm the server up first: on 2
 * cores its JIT compiler took about a minute of this load to settle, and used most of a core until then.
 */
final class WebhookThroughputBenchmark implements Benchmarks.Benchmark {
    private static final int WEBHOOKS = 50;
    /** {@code -Dbench.webhooks.invoices=N}: the measured invoices, after the warm-up; more gives a longer run. */
    private static final int INVOICES = Integer.getInteger("bench.webhooks.invoices", 400);
    /** {@code -Dbench.webhooks.warmup-seconds=N}: waves of {@link #WAVE} invoices until N seconds have passed. */
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.webhooks.warmup-seconds", 60));
    /** Small enough that a wave is delivered within the server's keep-alive timeout (idle creation connections). */
    private static final int WAVE = 100;
    private static final int CONCURRENCY = 100;

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public String run() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             ServerProcess server = ServerProcess.start(Map.of(
                     "CHAINTILL_DATA_DIR", BenchFiles.temporaryDirectory("chaintill-bench").toString(),
                     "CHAINTILL_WEBHOOK_ALLOW_PRIVATE", "true",
                     "CHAINTILL_RATES_PROVIDERS", "fixed",
                     "CHAINTILL_RATES_FIXED", "BTC_USD:50000",
                     "CHAINTILL_JOBS_WEBHOOK_INTERVAL_MS", "100"))) {
            ApiClient key = server.api().admin().newKey("unrestricted");
            String store = key.storeWithBitcoin("bench");
            for (int i = 0; i < WEBHOOKS; i++) {
                key.addWebhook(store, receiver.url("/hook/" + i));
            }
            Predicate<WebhookReceiver.Request> hook = r -> r.path().startsWith("/hook/");
            int warmup = 0;
            Instant warmupStart = Instant.now();
            while (Duration.between(warmupStart, Instant.now()).compareTo(WARMUP) < 0) {
                createInvoices(key, store, WAVE);
                warmup += WEBHOOKS * WAVE;
                receiver.await(hook, warmup, Duration.ofMinutes(10));
            }
            Instant start = Instant.now();
            createInvoices(key, store, INVOICES);
            Instant created = Instant.now();
            int expected = WEBHOOKS * INVOICES;
            // the receiver keeps requests in arrival order: the warm-up's come first
            List<WebhookReceiver.Request> all = receiver.await(hook, warmup + expected, Duration.ofMinutes(10));
            List<WebhookReceiver.Request> got = all.subList(warmup, warmup + expected);
            Instant first = got.stream().map(WebhookReceiver.Request::receivedAt).min(Instant::compareTo).orElseThrow();
            Instant last = got.stream().map(WebhookReceiver.Request::receivedAt).max(Instant::compareTo).orElseThrow();
            double delivered = (expected - 1) / (Duration.between(first, last).toNanos() / 1e9);
            // the deliveries go out while the invoices are still being created (one HTTP creation each), so the
            // first rate is bounded by creation too; the backlog left once they all exist is the relay's alone
            long backlog = got.stream().filter(r -> r.receivedAt().isAfter(created)).count();
            double drained = backlog / Math.max(1e-3, Duration.between(created, last).toNanos() / 1e9);
            int bodySize = got.get(0).body().length;
            double ceiling = ceiling(receiver.url("/ceiling"), bodySize);
            return String.format("after %d warm-up deliveries (%.0f s): %d deliveries at %.0f/s (invoices created in %.1f s); the %d left after the last creation at %.0f/s;"
                            + " receiver ceiling %.0f req/s (%d-byte bodies, %d concurrent): ratio %.2f (backlog %.2f)",
                    warmup, Duration.between(warmupStart, start).toMillis() / 1e3, expected, delivered, Duration.between(start, created).toMillis() / 1e3, backlog, drained, ceiling, bodySize,
                    CONCURRENCY, delivered / ceiling, drained / ceiling);
        }
    }

    private static void createInvoices(ApiClient key, String store, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                done.add(pool.submit(() -> {
                    String invoice = "{\"amount\":\"1\"}";
                    try {
                        return key.createInvoice(store, invoice);
                    } catch (AssertionError failed) {
                        if (!(failed.getCause() instanceof IOException)) {
                            throw failed;
                        }
                        // a keep-alive connection the server closed while the clients waited for a wave, so no
                        // answer came; were it an invoice after all, the warm-up would only get 50 deliveries more
                        return key.createInvoice(store, invoice);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Requests per second the receiver answers over 10 s of POSTs from {@link #CONCURRENCY} workers. */
    private static double ceiling(URI url, int bodySize) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] body = new byte[bodySize];
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONCURRENCY; w++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
                            count.incrementAndGet();
                        } catch (IOException closedByReceiver) {
                            // the receiver closes idle keep-alive connections beyond its limit (the relay's are
                            // still open); such a request is not counted, the worker goes on with a new connection
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return count.get() / 10.0;
    }
}

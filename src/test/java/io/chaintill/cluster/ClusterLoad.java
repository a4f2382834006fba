package io.chaintill.cluster;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load through the balancer while nodes are killed or restarted: one thread creating invoices, one
 * reading them back, each with a pause (the machine is small and shared). Every answer but 200 is a failure,
 * kept with what was asked; nothing is retried here, so what the balancer did not save is counted.
 */
final class ClusterLoad implements AutoCloseable {
    record Failure(String request, int status, String detail) {
        Failure {
            detail = detail.length() > 300 ? detail.substring(0, 300) : detail;
        }
    }

    /** A few invoices a second: each one derives an address and queues a webhook on a shared 2-core machine. */
    private static final long CREATE_PAUSE_MS = 300;
    private static final long READ_PAUSE_MS = 100;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String balancer;
    private final String apiKey;
    private final String store;
    private final String invoiceJson;
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    private ClusterLoad(String balancer, String apiKey, String store, String invoiceJson) {
        this.balancer = balancer;
        this.apiKey = apiKey;
        this.store = store;
        this.invoiceJson = invoiceJson;
    }

    /** Starts creating invoices and reading them (and {@code existing}) back through {@code balancer}. */
    static ClusterLoad start(String balancer, String apiKey, String store, String invoiceJson, List<String> existing) {
        ClusterLoad load = new ClusterLoad(balancer, apiKey, store, invoiceJson);
        load.created.addAll(existing);
        load.threads.add(new Thread(load::createLoop, "cluster-load-create"));
        load.threads.add(new Thread(load::readLoop, "cluster-load-read"));
        load.threads.forEach(Thread::start);
        return load;
    }

    /** Threads issuing requests: at most this many requests are in flight at once. */
    int concurrency() {
        return threads.size();
    }

    private void createLoop() {
        while (running.get()) {
            String path = "/api/v1/stores/" + store + "/invoices";
            Answer a = send(HttpRequest.newBuilder(URI.create(balancer + path))
                    .POST(HttpRequest.BodyPublishers.ofString(invoiceJson)).header("Content-Type", "application/json"));
            if (a.status == 200) {
                try {
                    created.add(io.chaintill.json.Json.createReader(new StringReader(a.body)).readObject().getString("id"));
                } catch (RuntimeException e) {
                    failures.add(new Failure("POST " + path, a.status, "unreadable answer: " + a.body));
                }
            } else {
                failures.add(new Failure("POST " + path, a.status, a.body));
            }
            pause(CREATE_PAUSE_MS);
        }
    }

    private void readLoop() {
        while (running.get()) {
            if (!created.isEmpty()) {
                String id = created.get(ThreadLocalRandom.current().nextInt(created.size()));
                String path = "/api/v1/stores/" + store + "/invoices/" + id;
                Answer a = send(HttpRequest.newBuilder(URI.create(balancer + path)).GET());
                if (a.status != 200) {
                    failures.add(new Failure("GET " + path, a.status, a.body));
                }
            }
            pause(READ_PAUSE_MS);
        }
    }

    private record Answer(int status, String body) {
    }

    private Answer send(HttpRequest.Builder b) {
        requests.incrementAndGet();
        try {
            HttpResponse<String> r = http.send(b.header("Authorization", "token " + apiKey)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Invoices this load created, with those it was given. */
    List<String> invoices() {
        return List.copyOf(created);
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread t : threads) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

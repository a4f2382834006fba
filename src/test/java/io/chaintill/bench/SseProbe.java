package io.chaintill.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One checkout event stream held open without a thread of its own: when each status first arrived. */
final class SseProbe implements Flow.Subscriber<String> {
    private static final Pattern STATUS = Pattern.compile("\"status\":\"(\\w+)\"");

    private final String invoiceId;
    private final long openedNanos = System.nanoTime();
    private final CompletableFuture<Integer> headers = new CompletableFuture<>();
    private final Map<String, Long> statusNanos = new ConcurrentHashMap<>();
    private volatile boolean retryAfter;
    private volatile long firstNanos;
    private volatile Flow.Subscription subscription;

    private SseProbe(String invoiceId) {
        this.invoiceId = invoiceId;
    }

    static SseProbe open(HttpClient http, URI events) {
        String path = events.getPath();
        SseProbe p = new SseProbe(path.substring("/checkout/".length(), path.length() - "/events".length()));
        http.sendAsync(HttpRequest.newBuilder(events).header("Accept", "text/event-stream").build(), info -> {
            p.retryAfter = info.headers().firstValue("Retry-After").isPresent();
            p.headers.complete(info.statusCode());
            return info.statusCode() == 200 ? HttpResponse.BodySubscribers.fromLineSubscriber(p)
                    : HttpResponse.BodySubscribers.replacing(null);
        }).whenComplete((r, failure) -> p.headers.complete(-1));
        return p;
    }

    String invoiceId() {
        return invoiceId;
    }

    int status() {
        return headers.getNow(-1);
    }

    boolean retryAfter() {
        return retryAfter;
    }

    void awaitHeaders(Duration wait) {
        try {
            headers.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            headers.complete(-1);
        }
    }

    /** Milliseconds from opening to the first status, or null while none came. */
    Double firstMs() {
        long f = firstNanos;
        return f == 0 ? null : (f - openedNanos) / 1e6;
    }

    /** Milliseconds from {@code sinceNanos} to the first event with that status, or null while none came. */
    Double statusMs(String status, long sinceNanos) {
        Long t = statusNanos.get(status);
        return t == null ? null : (t - sinceNanos) / 1e6;
    }

    void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.startsWith("data:")) {
            long now = System.nanoTime();
            if (firstNanos == 0) {
                firstNanos = now;
            }
            Matcher m = STATUS.matcher(line);
            if (m.find()) {
                statusNanos.putIfAbsent(m.group(1), now);
            }
        }
    }

    @Override
    public void onError(Throwable t) {
        // the stream ended; what it saw is kept
    }

    @Override
    public void onComplete() {
    }

    /** Waits until every probe has a value (or {@code wait} passed) and returns the values that came, sorted. */
    static List<Double> awaitAll(List<SseProbe> probes, Function<SseProbe, Double> value, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Double> got = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            got.clear();
            for (SseProbe p : probes) {
                Double v = p.status() == 200 ? value.apply(p) : null;
                if (v != null) {
                    got.add(v);
                }
            }
            if (got.size() == probes.stream().filter(p -> p.status() == 200).count()) {
                break;
            }
            Thread.sleep(20);
        }
        Collections.sort(got);
        return got;
    }

    /** The p-th percentile of sorted values (NaN for none). */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(sorted);
        Collections.sort(s);
        return s.get((int) Math.min(s.size() - 1, Math.ceil(p / 100.0 * s.size()) - 1 < 0 ? 0 : Math.ceil(p / 100.0 * s.size()) - 1));
    }
}

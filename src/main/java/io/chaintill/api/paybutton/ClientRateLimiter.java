package io.chaintill.api.paybutton;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per client address: {@code burst} requests at once, then {@code perMinute} a minute. Memory is
 * bounded: at most {@code maxClients} buckets, the least recently seen dropped first (a dropped client starts
 * again with a full bucket, which only ever errs towards letting a request through).
 */
public final class ClientRateLimiter {
    private final double perMilli;
    private final int burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets;

    public ClientRateLimiter(int perMinute, int burst, int maxClients, Clock clock) {
        if (perMinute < 1 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("rate, burst and client count must be positive");
        }
        this.perMilli = perMinute / 60_000.0;
        this.burst = burst;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Takes one request from the client's bucket: empty when allowed, else how long until one would be. */
    public synchronized Optional<Duration> acquire(String client) {
        long now = clock.millis();
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        b.tokens = Math.min(burst, b.tokens + (now - b.at) * perMilli);
        b.at = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil((1 - b.tokens) / perMilli)));
    }

    synchronized int trackedClients() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}

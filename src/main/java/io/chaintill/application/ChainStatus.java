package io.chaintill.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** What each chain follower last reported, for /api/v1/health and the logs. */
@ApplicationScoped
public class ChainStatus {
    public enum State { UP, DOWN, DISABLED, STARTING }

    /** One chain's view: tip of the source, how far we scanned, and why it is down if it is. */
    public record Snapshot(State state, Integer tipHeight, Integer scannedHeight, int watched, String error,
                           Instant at) {
        public Integer lag() {
            return tipHeight == null || scannedHeight == null ? null : Math.max(0, tipHeight - scannedHeight);
        }
    }

    private final Map<String, Snapshot> chains = new ConcurrentHashMap<>();

    public void report(String chain, Snapshot snapshot) {
        chains.put(chain, snapshot);
    }

    /** Every chain that reported, by key (BTC, ETH, USDT-ERC20 ...). */
    public Map<String, Snapshot> all() {
        return new TreeMap<>(chains);
    }

    public Snapshot of(String chain) {
        return chains.getOrDefault(chain, new Snapshot(State.DISABLED, null, null, 0, null, null));
    }
}

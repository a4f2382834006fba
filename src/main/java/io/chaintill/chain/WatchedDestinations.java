package io.chaintill.chain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory index of the destinations being watched, keyed by output script. Matching a transaction is one hash
 * lookup per output, so scanning a block costs O(outputs) however many invoices are open.
 */
public class WatchedDestinations {
    private volatile Map<String, WatchedDestination> byScript = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public void add(WatchedDestination watched) {
        if (byScript.put(watched.scriptHex(), watched) == null) {
            generation.incrementAndGet();
        }
    }

    /** Changes whenever a destination is added: transactions matched before may match now. */
    public long generation() {
        return generation.get();
    }

    public void addAll(Collection<WatchedDestination> watched) {
        watched.forEach(this::add);
    }

    /** Swaps in a freshly loaded set, dropping destinations whose monitoring window has closed. */
    public void replaceAll(Collection<WatchedDestination> watched) {
        Map<String, WatchedDestination> fresh = new ConcurrentHashMap<>();
        watched.forEach(w -> fresh.put(w.scriptHex(), w));
        byScript = fresh;
        generation.incrementAndGet();
    }

    /** The destinations now watched (a copy). */
    public List<WatchedDestination> all() {
        return new ArrayList<>(byScript.values());
    }

    public int size() {
        return byScript.size();
    }

    public List<ReceivedOutput> match(ChainTransaction tx) {
        List<ReceivedOutput> found = new ArrayList<>(0);
        for (ChainOutput out : tx.outputs()) {
            WatchedDestination w = byScript.get(out.scriptHex());
            if (w != null && out.value().signum() > 0) {
                found.add(new ReceivedOutput(w, tx.txid(), out.index(), out.value(), tx.replaceable()));
            }
        }
        return found;
    }

    public List<ReceivedOutput> match(ChainBlock block) {
        List<ReceivedOutput> found = new ArrayList<>();
        for (ChainTransaction tx : block.transactions()) {
            found.addAll(match(tx));
        }
        return found;
    }
}

package io.chaintill.chain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The ledger port in memory, for unit tests of the follower's logic. */
final class InMemoryChainLedger implements ChainLedger {
    /** A recorded payment: the height it is confirmed at (null: unconfirmed) and whether it is still valid. */
    static final class Paid {
        final ReceivedOutput output;
        Integer height;
        boolean valid = true;

        Paid(ReceivedOutput output) {
            this.output = output;
        }
    }

    ChainCursor cursor;
    final TreeMap<Integer, String> blocks = new TreeMap<>();
    final Map<String, Paid> payments = new HashMap<>();
    int applyCalls;

    @Override
    public Optional<ChainCursor> cursor() {
        return Optional.ofNullable(cursor);
    }

    @Override
    public void startAt(ChainCursor start) {
        cursor = start;
        blocks.put(start.height(), start.hash());
    }

    @Override
    public Optional<String> blockHash(int height) {
        return Optional.ofNullable(blocks.get(height));
    }

    @Override
    public boolean applyBlock(int height, ChainBlock block, ChainCursor expectedParent, List<ReceivedOutput> received) {
        if (!cursor.equals(expectedParent)) {
            return false;
        }
        applyCalls++;
        for (ReceivedOutput r : received) {
            Paid p = payments.computeIfAbsent(key(r), k -> new Paid(r));
            p.height = height;
            p.valid = true;
        }
        blocks.put(height, block.hash());
        cursor = new ChainCursor(height, block.hash());
        return true;
    }

    @Override
    public void recordConfirmed(int height, String blockHash, List<ReceivedOutput> received) {
        if (!blockHash.equals(blocks.get(height))) {
            return;
        }
        for (ReceivedOutput r : received) {
            Paid p = payments.computeIfAbsent(key(r), k -> new Paid(r));
            p.height = height;
            p.valid = true;
        }
    }

    @Override
    public void rewindTo(ChainCursor forkPoint) {
        payments.values().stream().filter(p -> p.height != null && p.height > forkPoint.height()).forEach(p -> p.height = null);
        blocks.tailMap(forkPoint.height(), false).clear();
        cursor = forkPoint;
    }

    @Override
    public void recordUnconfirmed(List<ReceivedOutput> received) {
        for (ReceivedOutput r : received) {
            payments.computeIfAbsent(key(r), k -> new Paid(r)).valid = true;
        }
    }

    @Override
    public Set<String> unconfirmedTxids() {
        return payments.values().stream().filter(p -> p.valid && p.height == null).map(p -> p.output.txid())
                .collect(Collectors.toSet());
    }

    @Override
    public void dropTransactions(Collection<String> txids) {
        payments.values().stream().filter(p -> p.height == null && txids.contains(p.output.txid())).forEach(p -> p.valid = false);
    }

    Paid payment(String txid) {
        return payments.values().stream().filter(p -> p.output.txid().equals(txid)).findFirst().orElseThrow();
    }

    private static String key(ReceivedOutput r) {
        return r.txid() + ":" + r.outputIndex();
    }
}

package io.chaintill.chain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A store that keeps the {@link ChainLedger} state of many followed chains, each named by a key of type {@code C}
 * (an invoice method's chain, the payouts of a method). {@link #bound} gives the follower its port for one of them.
 */
public interface KeyedChainLedger<C> {
    Optional<ChainCursor> cursor(C chain);

    void startAt(C chain, ChainCursor start);

    Optional<String> blockHash(C chain, int height);

    boolean applyBlock(C chain, int height, ChainBlock block, ChainCursor expectedParent, List<ReceivedOutput> received);

    void recordConfirmed(C chain, int height, String blockHash, List<ReceivedOutput> received);

    void rewindTo(C chain, ChainCursor forkPoint);

    void recordUnconfirmed(C chain, List<ReceivedOutput> received);

    Set<String> unconfirmedTxids(C chain);

    void dropTransactions(C chain, Collection<String> txids);

    /** The follower's ledger port for one chain of this store. */
    static <C> ChainLedger bound(C chain, KeyedChainLedger<C> store) {
        return new BoundChainLedger<>(chain, store);
    }
}

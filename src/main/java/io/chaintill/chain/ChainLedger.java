package io.chaintill.chain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a {@link ChainFollower} keeps what it learned: cursor, recent block hashes, payments. Each method is one
 * transaction that also brings the affected invoices up to date, so payments and invoice states never disagree.
 */
public interface ChainLedger {

    Optional<ChainCursor> cursor();

    /** Starts following at {@code start} without scanning it (first run). */
    void startAt(ChainCursor start);

    /** The hash recorded for {@code height}, if that block was applied and is still remembered. */
    Optional<String> blockHash(int height);

    /**
     * Records the block at {@code height} and the payments it confirms, then moves the cursor to it. Returns false,
     * changing nothing, when the cursor is no longer at {@code expectedParent} (another node got there first).
     */
    boolean applyBlock(int height, ChainBlock block, ChainCursor expectedParent, List<ReceivedOutput> received);

    /**
     * Payments found in a block applied earlier (a destination was added to the index just after the block was
     * scanned). Ignored when {@code blockHash} is no longer the block remembered at {@code height}.
     */
    void recordConfirmed(int height, String blockHash, List<ReceivedOutput> received);

    /** A reorg: payments confirmed above {@code forkPoint} become unconfirmed, and the cursor goes back to it. */
    void rewindTo(ChainCursor forkPoint);

    /** Payments seen in the mempool (no confirmations yet). */
    void recordUnconfirmed(List<ReceivedOutput> received);

    /** Txids of valid payments that have no confirmation. */
    Set<String> unconfirmedTxids();

    /**
     * The transactions left the mempool without being mined (replaced, double spent, evicted): their payments
     * become invalid.
     */
    void dropTransactions(Collection<String> txids);

}

package io.chaintill.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Follows one chain: applies each new block once, in order, unwinds reorgs back to the fork point, and watches the
 * mempool for unconfirmed payments and for payments that vanish from it. Not thread-safe: one pass at a time (the
 * scheduler never runs a job concurrently with itself); several server nodes are kept apart by the ledger's cursor
 * check.
 */
public class ChainFollower {
    private static final Logger LOG = Logger.getLogger(ChainFollower.class.getName());

    private final String chainName;
    private final ChainSource source;
    private final ChainLedger ledger;
    private final WatchedDestinations watched;
    private final int startMargin;
    private final int maxBlocksPerPass;
    /**
     * The mempool's transactions as last fetched, so each is fetched once while it stays there, and can be matched
     * again when a destination is added after it was first seen (an invoice created while its payment was already
     * on its way, or committed just after the watched index was loaded).
     */
    private Map<String, ChainTransaction> mempool = new HashMap<>();
    private long matchedGeneration = -1;
    /** Blocks applied by the last pass, matched again if destinations are added right after it. */
    private List<Applied> lastPassBlocks = new ArrayList<>();
    private long lastPassGeneration;

    private record Applied(int height, ChainBlock block) {
    }
    /** Outpoint -> txid of our unconfirmed payments, to notice a block double-spending them at once. */
    private final Map<String, String> spentByPayments = new HashMap<>();

    /**
     * @param startMargin      on the very first pass, start this many blocks below the tip so payments made just
     *                         before the server first started are found
     * @param maxBlocksPerPass bounds one pass so a long catch-up commits progress in steps
     */
    public ChainFollower(String chainName, ChainSource source, ChainLedger ledger, WatchedDestinations watched,
                         int startMargin, int maxBlocksPerPass) {
        this.chainName = chainName;
        this.source = source;
        this.ledger = ledger;
        this.watched = watched;
        this.startMargin = startMargin;
        this.maxBlocksPerPass = maxBlocksPerPass;
    }

    public FollowReport followOnce() {
        ChainTip tip = source.tip();
        ChainCursor cursor = ledger.cursor().orElseGet(() -> start(tip));
        int reorgDepth = 0;
        lastPassBlocks = new ArrayList<>();
        lastPassGeneration = watched.generation();
        if (!onBestChain(cursor, tip)) {
            ChainCursor fork = forkPoint(cursor);
            reorgDepth = cursor.height() - fork.height();
            LOG.warning(chainName + ": reorg detected, block " + cursor.height() + " " + cursor.hash()
                    + " is no longer on the best chain; unwinding " + reorgDepth + " block(s) to " + fork.height());
            ledger.rewindTo(fork);
            cursor = fork;
        }
        int applied = 0;
        while (cursor.height() < tip.height() && applied < maxBlocksPerPass) {
            int height = cursor.height() + 1;
            Optional<String> hash = source.blockHash(height);
            if (hash.isEmpty()) {
                break;
            }
            ChainBlock block = source.block(hash.get());
            if (!block.previousHash().equals(cursor.hash())) {
                break; // the chain changed under us; the next pass finds the fork
            }
            dropDoubleSpent(block);
            if (!ledger.applyBlock(height, block, cursor, watched.match(block))) {
                LOG.info(chainName + ": another node applied block " + height + " first");
                break;
            }
            cursor = new ChainCursor(height, block.hash());
            lastPassBlocks.add(new Applied(height, block));
            applied++;
        }
        int mempoolPayments = 0;
        int dropped = 0;
        if (cursor.height() == tip.height()) {
            // Read before the mempool: a payment another server node records after this point is not judged
            // against a mempool listing fetched before its transaction arrived.
            Set<String> unconfirmed = ledger.unconfirmedTxids();
            List<String> mempool = source.mempoolTxids();
            mempoolPayments = recordMempoolPayments(mempool);
            dropped = dropVanished(unconfirmed, mempool, cursor);
        }
        return new FollowReport(tip, cursor, applied, reorgDepth, mempoolPayments, dropped);
    }

    /**
     * Where the source's tip and the stored cursor stand, following nothing: what a cluster node reports for a chain
     * another node follows. Empty before any node has started following.
     */
    public Optional<FollowReport> standing() {
        ChainTip tip = source.tip();
        return ledger.cursor().map(cursor -> new FollowReport(tip, cursor, 0, 0, 0, 0));
    }

    /**
     * Call after refreshing the watched index at the end of a pass: if destinations were added, the blocks this
     * pass applied are matched again. An invoice is committed before its address is shown, hence before it can be
     * paid and mined; a refresh after the pass therefore sees every destination a block of the pass can pay.
     */
    public int rematchLastPassBlocks() {
        if (watched.generation() == lastPassGeneration || lastPassBlocks.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (Applied a : lastPassBlocks) {
            List<ReceivedOutput> matches = watched.match(a.block());
            if (!matches.isEmpty()) {
                LOG.info(chainName + ": " + matches.size() + " payment(s) in block " + a.height()
                        + " to destinations added while it was scanned");
                ledger.recordConfirmed(a.height(), a.block().hash(), matches);
                found += matches.size();
            }
        }
        lastPassGeneration = watched.generation();
        return found;
    }

    private ChainCursor start(ChainTip tip) {
        int height = Math.max(0, tip.height() - startMargin);
        String hash = height == tip.height() ? tip.hash() : source.blockHash(height).orElseThrow(
                () -> new ChainSourceException("no block at height " + height));
        ChainCursor start = new ChainCursor(height, hash);
        ledger.startAt(start);
        LOG.info(chainName + ": first start, following from block " + height + " (tip " + tip.height() + ")");
        return start;
    }

    private boolean onBestChain(ChainCursor cursor, ChainTip tip) {
        if (cursor.height() > tip.height()) {
            return false;
        }
        return source.blockHash(cursor.height()).map(cursor.hash()::equals).orElse(false);
    }

    /** Walks down the remembered hashes to the highest block still on the source's best chain. */
    private ChainCursor forkPoint(ChainCursor from) {
        for (int h = from.height() - 1; h >= 0; h--) {
            Optional<String> ours = ledger.blockHash(h);
            Optional<String> theirs = source.blockHash(h);
            if (ours.isEmpty()) {
                // Older than what we remember: trust the source from here; payments deeper than this are final.
                LOG.warning(chainName + ": reorg deeper than the remembered blocks; resuming from " + h);
                return new ChainCursor(h, theirs.orElseThrow(() -> new ChainSourceException("no block at " + from)));
            }
            if (theirs.isPresent() && theirs.get().equals(ours.get())) {
                return new ChainCursor(h, ours.get());
            }
        }
        throw new ChainSourceException("no common block with the source: is it on another chain?");
    }

    private void dropDoubleSpent(ChainBlock block) {
        if (spentByPayments.isEmpty()) {
            return;
        }
        Set<String> conflicted = new HashSet<>();
        for (ChainTransaction tx : block.transactions()) {
            for (String outpoint : tx.spentOutpoints()) {
                String ours = spentByPayments.get(outpoint);
                if (ours != null && !ours.equals(tx.txid())) {
                    conflicted.add(ours);
                }
            }
        }
        if (!conflicted.isEmpty()) {
            LOG.warning(chainName + ": double spend mined in block " + block.hash() + " against payment(s) " + conflicted);
            ledger.dropTransactions(conflicted);
            spentByPayments.values().removeAll(conflicted);
        }
    }

    private int recordMempoolPayments(List<String> txids) {
        long generation = watched.generation();
        boolean rematchAll = generation != matchedGeneration;
        Map<String, ChainTransaction> current = new HashMap<>(txids.size() * 2);
        List<ReceivedOutput> found = new ArrayList<>();
        for (String txid : txids) {
            ChainTransaction tx = mempool.get(txid);
            boolean fresh = tx == null;
            if (fresh) {
                tx = source.mempoolTransaction(txid).orElse(null);
                if (tx == null) {
                    continue;
                }
            }
            current.put(txid, tx);
            if (fresh || rematchAll) {
                List<ReceivedOutput> matches = watched.match(tx);
                if (!matches.isEmpty()) {
                    found.addAll(matches);
                    tx.spentOutpoints().forEach(o -> spentByPayments.put(o, txid));
                }
            }
        }
        if (!found.isEmpty()) {
            ledger.recordUnconfirmed(found);
        }
        // Only remembered once recorded: a failed pass looks at them again.
        mempool = current;
        matchedGeneration = generation;
        return found.size();
    }

    /**
     * Unconfirmed payments whose transaction is neither in a block we applied nor in the mempool were replaced or
     * double-spent. Only decided when the tip did not move while the mempool was read: otherwise a transaction that
     * was just mined would look vanished.
     */
    private int dropVanished(Set<String> unconfirmed, List<String> mempool, ChainCursor cursor) {
        Set<String> missing = new HashSet<>(unconfirmed);
        if (missing.isEmpty()) {
            return 0;
        }
        missing.removeAll(new HashSet<>(mempool));
        if (missing.isEmpty() || !source.tip().hash().equals(cursor.hash())) {
            return 0;
        }
        LOG.warning(chainName + ": payment transaction(s) left the mempool unmined (replaced or double spent): " + missing);
        ledger.dropTransactions(missing);
        spentByPayments.values().removeAll(missing);
        return missing.size();
    }
}

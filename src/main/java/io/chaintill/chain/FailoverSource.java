package io.chaintill.chain;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The source a chain's follower reads: the primary while it answers, else the first fallback (an independent
 * witness that can serve blocks) that answers and is on the right chain. The choice is made once per pass
 * ({@link #choose()}), never within one, so a pass reads one source; the follower resumes from its stored cursor and
 * its reorg handling checks that cursor against whichever source it reads, so nothing is skipped. Each pass first
 * asks the primary, so the follower returns to it as soon as it answers again.
 */
public final class FailoverSource implements ChainSource {
    private static final Logger LOG = Logger.getLogger(FailoverSource.class.getName());

    private final String chain;
    private final ChainSource primary;
    private final List<ChainSource> fallbacks;
    private final Predicate<ChainSource> onRightChain;
    private final Set<ChainSource> accepted = new HashSet<>();
    private volatile ChainSource current;
    /**
     * The primary's last mempool listing. A fallback's mempool need not hold every transaction the primary relayed,
     * and the follower takes a transaction missing from the mempool for a replaced one; so while on a fallback these
     * still count as waiting, and only the primary (or a block) decides about them.
     */
    private volatile List<String> primaryMempool = List.of();

    /** @param onRightChain checked once per fallback before it is first used (a witness on another network is never followed) */
    public FailoverSource(String chain, ChainSource primary, List<ChainSource> fallbacks,
                          Predicate<ChainSource> onRightChain) {
        this.chain = chain;
        this.primary = primary;
        this.fallbacks = List.copyOf(fallbacks);
        this.onRightChain = onRightChain;
        this.current = primary;
        accepted.add(primary); // the follow loop refuses a primary on the wrong chain itself
    }

    /** A follower on a fallback: which one and why. */
    public record Failover(ChainSource primary, ChainSource fallback, String reason) {
    }

    /**
     * Picks the source of the next pass (one tip request to the primary, and to fallbacks only while it fails).
     * Empty when the primary answers, or when no source does (the pass then fails on the primary and reports DOWN).
     */
    public synchronized Optional<Failover> choose() {
        ChainSourceException primaryDown;
        try {
            primary.tip();
            if (current != primary) {
                LOG.warning(chain + ": " + primary.describe() + " answers again; following it instead of "
                        + current.describe());
            }
            current = primary;
            return Optional.empty();
        } catch (ChainSourceException e) {
            primaryDown = e;
        }
        for (ChainSource f : fallbacks) {
            try {
                f.tip();
                if (!accepted.contains(f)) {
                    if (!onRightChain.test(f)) {
                        continue;
                    }
                    accepted.add(f);
                }
            } catch (ChainSourceException e) {
                continue;
            }
            if (current != f) {
                LOG.warning(chain + ": " + primary.describe() + " does not answer (" + primaryDown.getMessage()
                        + "); following " + f.describe() + " from the stored cursor until it does");
            }
            current = f;
            return Optional.of(new Failover(primary, f, primary.describe() + " does not answer ("
                    + primaryDown.getMessage() + "); payments are followed through " + f.describe()));
        }
        current = primary;
        return Optional.empty();
    }

    public ChainSource current() {
        return current;
    }

    @Override
    public String describe() {
        return current.describe();
    }

    @Override
    public boolean runsOn(ChainNetwork network) {
        return current.runsOn(network);
    }

    @Override
    public ChainTip tip() {
        return current.tip();
    }

    @Override
    public Optional<String> blockHash(int height) {
        return current.blockHash(height);
    }

    @Override
    public ChainBlock block(String hash) {
        return current.block(hash);
    }

    @Override
    public List<String> mempoolTxids() {
        ChainSource s = current;
        List<String> txids = s.mempoolTxids();
        if (s == primary) {
            primaryMempool = List.copyOf(txids);
            return txids;
        }
        Set<String> all = new java.util.LinkedHashSet<>(txids);
        all.addAll(primaryMempool);
        return List.copyOf(all);
    }

    @Override
    public Optional<ChainTransaction> mempoolTransaction(String txid) {
        return current.mempoolTransaction(txid);
    }

    @Override
    public String broadcast(String hex) {
        return current.broadcast(hex);
    }
}

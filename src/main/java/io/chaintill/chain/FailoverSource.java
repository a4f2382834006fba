package io.chaintill.chain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The source a chain's follower reads: the primary while it answers, else the first fallback (an independent
 * witness that can serve blocks) that answers and is accepted. The choice is made once per pass ({@link #choose()}),
 * never within one, so a pass reads one source; the follower resumes from its stored cursor and its reorg handling
 * checks that cursor against whichever source it reads, so nothing is skipped. Each pass first asks the primary, so
 * the follower returns to it as soon as it answers again.
 * <p>
 * Chain-neutral: Bitcoin follows one source per chain; an EVM chain follows its native coin and each token through
 * separate sources of the same nodes, which {@link #alongside} keeps on the node this one chose, so one choice (and
 * one failover alert) covers the whole chain.
 */
public final class FailoverSource implements ChainSource {
    private static final Logger LOG = Logger.getLogger(FailoverSource.class.getName());

    private final String chain;
    /** Position 0 is the primary, then the fallbacks in their configured order. */
    private final List<ChainSource> sources;
    /** Null when this source chooses itself; else the source whose choice it follows. */
    private final FailoverSource leader;
    private final Function<ChainSource, Optional<String>> refusal;
    private final Set<ChainSource> accepted = new HashSet<>();
    private final Set<ChainSource> refused = new HashSet<>();
    private volatile int position;
    /**
     * The primary's last mempool listing. A fallback's mempool need not hold every transaction the primary relayed,
     * and the follower takes a transaction missing from the mempool for a replaced one; so while on a fallback these
     * still count as waiting, and only the primary (or a block) decides about them.
     */
    private volatile List<String> primaryMempool = List.of();

    /**
     * @param refusal why a fallback must not be followed (another network or chain id, or it does not serve what the
     *                follower asks), or empty; asked before the fallback is first used, and again on later passes
     *                while it refuses
     */
    public FailoverSource(String chain, ChainSource primary, List<ChainSource> fallbacks,
                          Function<ChainSource, Optional<String>> refusal) {
        this(chain, primary, fallbacks, refusal, null);
    }

    private FailoverSource(String chain, ChainSource primary, List<ChainSource> fallbacks,
                           Function<ChainSource, Optional<String>> refusal, FailoverSource leader) {
        List<ChainSource> all = new ArrayList<>();
        all.add(primary);
        all.addAll(fallbacks);
        this.chain = chain;
        this.sources = List.copyOf(all);
        this.refusal = refusal;
        this.leader = leader;
        accepted.add(primary); // the follow loop refuses a primary on the wrong chain itself
    }

    /**
     * Another view of the same nodes (a token's source next to the native coin's), {@code fallbacks} in the same
     * order as this one's: it reads the node this source chose, and never chooses itself.
     */
    public FailoverSource alongside(ChainSource primary, List<ChainSource> fallbacks) {
        if (leader != null || fallbacks.size() != sources.size() - 1) {
            throw new IllegalArgumentException("a source alongside needs one fallback per fallback of the chooser");
        }
        return new FailoverSource(chain, primary, fallbacks, refusal, this);
    }

    /** The source a follower reads through {@code source}: the chosen one of a failover source, else itself. */
    public static ChainSource underlying(ChainSource source) {
        return source instanceof FailoverSource f ? f.current() : source;
    }

    /** A follower on a fallback: which one and why. */
    public record Failover(ChainSource primary, ChainSource fallback, String reason) {
    }

    /**
     * Picks the source of the next pass (one tip request to the primary, and to fallbacks only while it fails).
     * Empty when the primary answers, or when no source does (the pass then fails on the primary and reports DOWN).
     */
    public synchronized Optional<Failover> choose() {
        if (leader != null) {
            throw new IllegalStateException("a source alongside another follows its choice");
        }
        ChainSource primary = sources.get(0);
        ChainSourceException primaryDown;
        try {
            primary.tip();
            if (position != 0) {
                LOG.warning(chain + ": " + primary.describe() + " answers again; following it instead of "
                        + current().describe());
            }
            position = 0;
            return Optional.empty();
        } catch (ChainSourceException e) {
            primaryDown = e;
        }
        for (int i = 1; i < sources.size(); i++) {
            ChainSource f = sources.get(i);
            try {
                f.tip();
                if (!accepted.contains(f)) {
                    Optional<String> why = refusal.apply(f);
                    if (why.isPresent()) {
                        if (refused.add(f)) {
                            LOG.warning(chain + ": " + f.describe() + " is not followed: " + why.get());
                        }
                        continue;
                    }
                    accepted.add(f);
                }
            } catch (ChainSourceException e) {
                continue;
            }
            if (position != i) {
                LOG.warning(chain + ": " + primary.describe() + " does not answer (" + primaryDown.getMessage()
                        + "); following " + f.describe() + " from the stored cursor until it does");
            }
            position = i;
            return Optional.of(new Failover(primary, f, primary.describe() + " does not answer ("
                    + primaryDown.getMessage() + "); payments are followed through " + f.describe()));
        }
        position = 0;
        return Optional.empty();
    }

    public ChainSource current() {
        return sources.get(leader == null ? position : leader.position);
    }

    @Override
    public String describe() {
        return current().describe();
    }

    @Override
    public boolean runsOn(ChainNetwork network) {
        return current().runsOn(network);
    }

    @Override
    public ChainTip tip() {
        return current().tip();
    }

    @Override
    public Optional<String> blockHash(int height) {
        return current().blockHash(height);
    }

    @Override
    public ChainBlock block(String hash) {
        return current().block(hash);
    }

    @Override
    public List<String> mempoolTxids() {
        ChainSource s = current();
        List<String> txids = s.mempoolTxids();
        if (s == sources.get(0)) {
            primaryMempool = List.copyOf(txids);
            return txids;
        }
        Set<String> all = new LinkedHashSet<>(txids);
        all.addAll(primaryMempool);
        return List.copyOf(all);
    }

    @Override
    public Optional<ChainTransaction> mempoolTransaction(String txid) {
        return current().mempoolTransaction(txid);
    }

    @Override
    public String broadcast(String hex) {
        return current().broadcast(hex);
    }
}

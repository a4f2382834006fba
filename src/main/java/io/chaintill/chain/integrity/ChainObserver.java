package io.chaintill.chain.integrity;

import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.ChainTip;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one chain's checks against its primary and witnesses, once per follow pass. Chain-neutral: the chain's own
 * rules come in as {@link HeaderRules} (none for chains whose headers ChainTill does not check). Costs one tip request
 * per source per pass; hashes, headers and block times are only fetched when a tip moved, so the cost is bounded
 * per block and independent of how many addresses are watched. One pass at a time (the follow job's thread).
 */
public final class ChainObserver {
    /** On first sight (or after a reorg) the headers of this many blocks below the tip are checked. */
    private static final int HEADER_WINDOW = 6;
    private static final int MAX_HEADERS_PER_PASS = 50;

    private final String chain;
    private final Labeled primary;
    private final List<Labeled> witnesses;
    private final IntegrityPolicy policy;
    private final Optional<HeaderRules> rules;

    private final Set<String> networkChecked = new HashSet<>();
    private final Map<String, TipSeen> seen = new HashMap<>();
    private final Map<String, Compared> compared = new HashMap<>();
    private BlockHeader lastVerified;
    private Condition invalidHeader;
    private volatile List<SourceState> lastSources = List.of();
    /** Each source's tip height as the last pass read it, by label: the settlement check needs no tip request. */
    private final Map<String, Integer> lastTips = new ConcurrentHashMap<>();

    private record Labeled(String label, ChainWitness source) {
    }

    private record TipSeen(String hash, Instant firstSeen, Instant blockTime) {
    }

    private record Compared(String primaryTip, String witnessTip, Optional<Condition> outcome) {
    }

    /** Work is asked for once per tip of each source (one request when a tip moved). */
    private final Map<String, Map.Entry<String, Optional<BigInteger>>> work = new HashMap<>();
    private final Map<String, Compared> workCompared = new HashMap<>();

    public ChainObserver(String chain, ChainWitness primary, List<ChainWitness> witnesses, IntegrityPolicy policy,
                         Optional<HeaderRules> rules) {
        this.chain = chain;
        this.primary = new Labeled("primary " + primary.describe(), primary);
        this.witnesses = witnesses.stream().map(w -> new Labeled("witness " + w.describe(), w)).toList();
        this.policy = policy;
        this.rules = rules;
    }

    public String chain() {
        return chain;
    }

    public boolean hasWitnesses() {
        return !witnesses.isEmpty();
    }

    /** Every condition raised right now. */
    public synchronized List<Condition> observe(Instant now) {
        List<Condition> out = new ArrayList<>();
        Map<Labeled, ChainTip> tips = new LinkedHashMap<>();
        List<Labeled> all = new ArrayList<>();
        all.add(primary);
        all.addAll(witnesses);
        for (Labeled s : all) {
            try {
                if (wrongNetwork(s, out)) {
                    continue;
                }
                ChainTip tip = s.source().tip();
                tips.put(s, tip);
                stall(s, tip, now).ifPresent(out::add);
            } catch (ChainSourceException e) {
                tips.remove(s);
                out.add(down(s, e));
            }
        }
        ChainTip primaryTip = tips.get(primary);
        if (primaryTip != null) {
            for (Labeled w : witnesses) {
                ChainTip witnessTip = tips.get(w);
                if (witnessTip != null) {
                    guarded(w, out, () -> divergence(primaryTip, w, witnessTip));
                    if (rules.isPresent()) {
                        guarded(w, out, () -> cumulativeWork(primaryTip, w, witnessTip));
                    }
                }
            }
            rules.ifPresent(r -> guarded(primary, out, () -> headers(r, primaryTip)));
            guarded(primary, out, this::peers);
        }
        lastSources = states(all, tips);
        lastTips.clear();
        tips.forEach((source, tip) -> lastTips.put(source.label(), tip.height()));
        if (tips.size() > 1) {
            out.addAll(LagCheck.judge(chain, tips.entrySet().stream()
                    .map(e -> new SourceTip(e.getKey().label(), e.getValue())).toList(), policy.lagBlocks()));
        }
        return out;
    }

    /** Each source's tip and lag as the last pass saw them, the primary first; empty before the first pass. */
    public List<SourceState> sources() {
        return lastSources;
    }

    /** The best tip height the last pass saw, or null when no source answered. */
    public Integer bestTipHeight() {
        return lastSources.stream().filter(SourceState::answered).map(SourceState::tipHeight)
                .max(Integer::compare).orElse(null);
    }

    private List<SourceState> states(List<Labeled> all, Map<Labeled, ChainTip> tips) {
        int best = tips.values().stream().mapToInt(ChainTip::height).max().orElse(0);
        List<SourceState> states = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Labeled s = all.get(i);
            ChainTip tip = tips.get(s);
            String kind = s.source().describe().split(" ", 2)[0];
            states.add(new SourceState(i == 0 ? "primary" : "witness " + i, kind, tip == null ? null : tip.height(),
                    tip == null ? null : best - tip.height()));
        }
        return List.copyOf(states);
    }

    /**
     * Empty when at least one witness has the transaction in {@code blockHash} on its best chain with at least
     * {@code required} confirmations (or when there are no witnesses); otherwise why none does. One request per
     * witness asked, plus its tip when the last pass's tip does not confirm enough yet.
     */
    public Optional<String> witnessDisagreement(String txid, String blockHash, int height, int required) {
        if (witnesses.isEmpty()) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        for (Labeled w : witnesses) {
            try {
                // the last pass's tip when it already confirms enough; else it may just be a block behind: ask
                Integer seenTip = lastTips.get(w.label());
                int tip = seenTip != null && seenTip - height + 1 >= required ? seenTip : w.source().tip().height();
                int confirmations = tip < height ? 0 : tip - height + 1;
                if (confirmations < required) {
                    why.add(w.label() + " has " + confirmations + " of " + required + " confirmation(s)");
                } else if (!w.source().includes(txid, blockHash)) {
                    why.add(w.label() + " does not have it in block " + blockHash + " of its best chain");
                } else {
                    return Optional.empty();
                }
            } catch (ChainSourceException e) {
                why.add(w.label() + " did not answer");
            }
        }
        return Optional.of("no witness confirms transaction " + txid + " at height " + height + ": "
                + String.join("; ", why));
    }

    private boolean wrongNetwork(Labeled s, List<Condition> out) {
        if (networkChecked.contains(s.label())) {
            return false;
        }
        Optional<String> mismatch = s.source().networkMismatch();
        if (mismatch.isPresent()) {
            out.add(new Condition(chain, AlertKind.WRONG_NETWORK, List.of(s.label()), null, List.of(),
                    s.label() + ": " + mismatch.get()));
            return true;
        }
        networkChecked.add(s.label());
        return false;
    }

    private Optional<Condition> stall(Labeled s, ChainTip tip, Instant now) {
        if (!policy.stallChecked()) {
            return Optional.empty();
        }
        TipSeen last = seen.get(s.label());
        if (last == null || !last.hash().equals(tip.hash())) {
            last = new TipSeen(tip.hash(), now, s.source().header(tip.hash()).time());
            seen.put(s.label(), last);
        }
        return StallCheck.judge(chain, new SourceTip(s.label(), tip), last.firstSeen(), last.blockTime(), now,
                policy.stallAfter());
    }

    private Optional<Condition> divergence(ChainTip primaryTip, Labeled w, ChainTip witnessTip) {
        Compared last = compared.get(w.label());
        if (last != null && last.primaryTip().equals(primaryTip.hash()) && last.witnessTip().equals(witnessTip.hash())) {
            return last.outcome();
        }
        OptionalInt height = DivergenceCheck.heightToCompare(primaryTip, witnessTip, policy.divergenceDepth());
        Optional<Condition> outcome = Optional.empty();
        if (height.isPresent()) {
            int h = height.getAsInt();
            outcome = DivergenceCheck.judge(chain, primary.label(), w.label(), h, primary.source().blockHash(h),
                    w.source().blockHash(h), policy.divergenceDepth());
        }
        compared.put(w.label(), new Compared(primaryTip.hash(), witnessTip.hash(), outcome));
        return outcome;
    }

    private Optional<Condition> cumulativeWork(ChainTip primaryTip, Labeled w, ChainTip witnessTip) {
        Compared last = workCompared.get(w.label());
        if (last != null && last.primaryTip().equals(primaryTip.hash()) && last.witnessTip().equals(witnessTip.hash())) {
            return last.outcome();
        }
        Optional<Condition> outcome = Optional.empty();
        if (primaryTip.height() >= witnessTip.height() && !primaryTip.hash().equals(witnessTip.hash())) {
            Optional<BigInteger> theirs = workOf(w, witnessTip);
            Optional<BigInteger> ours = theirs.isPresent() ? workOf(primary, primaryTip) : Optional.empty();
            if (ours.isPresent()) {
                outcome = WorkCheck.judge(chain, new SourceTip(primary.label(), primaryTip), ours.get(),
                        new SourceTip(w.label(), witnessTip), theirs.get());
            }
        }
        workCompared.put(w.label(), new Compared(primaryTip.hash(), witnessTip.hash(), outcome));
        return outcome;
    }

    private Optional<BigInteger> workOf(Labeled s, ChainTip tip) {
        Map.Entry<String, Optional<BigInteger>> cached = work.get(s.label());
        if (cached == null || !cached.getKey().equals(tip.hash())) {
            cached = Map.entry(tip.hash(), s.source().chainWork(tip.hash()));
            work.put(s.label(), cached);
        }
        return cached.getValue();
    }

    private Optional<Condition> headers(HeaderRules r, ChainTip tip) {
        ChainWitness source = primary.source();
        if (invalidHeader != null) {
            if (source.blockHash(invalidHeader.height()).equals(Optional.of(invalidHeader.hashes().get(0)))) {
                return Optional.of(invalidHeader);
            }
            invalidHeader = null;
            lastVerified = null;
        }
        if (lastVerified != null && lastVerified.hash().equals(tip.hash())) {
            return Optional.empty();
        }
        BlockHeader parent;
        if (lastVerified == null || lastVerified.height() >= tip.height()
                || !source.blockHash(lastVerified.height()).equals(Optional.of(lastVerified.hash()))) {
            int start = Math.max(0, tip.height() - HEADER_WINDOW - 1);
            parent = headerAt(source, start).orElse(null);
        } else {
            parent = lastVerified;
        }
        if (parent == null) {
            return Optional.empty();
        }
        int to = Math.min(tip.height(), parent.height() + MAX_HEADERS_PER_PASS);
        for (int h = parent.height() + 1; h <= to; h++) {
            Optional<BlockHeader> header = headerAt(source, h);
            if (header.isEmpty()) {
                break;
            }
            Optional<String> problem = r.problem(header.get(), parent);
            if (problem.isPresent()) {
                invalidHeader = new Condition(chain, AlertKind.INVALID_HEADER, List.of(primary.label()), h,
                        List.of(header.get().hash()), primary.label() + " served an invalid header: " + problem.get());
                return Optional.of(invalidHeader);
            }
            parent = header.get();
        }
        lastVerified = parent;
        return Optional.empty();
    }

    private static Optional<BlockHeader> headerAt(ChainWitness source, int height) {
        return source.blockHash(height).map(hash -> {
            BlockHeader served = source.header(hash);
            return new BlockHeader(height, hash, served.previousHash(), served.time(), served.raw());
        });
    }

    private Optional<Condition> peers() {
        if (policy.minPeers() == 0) {
            return Optional.empty();
        }
        OptionalInt peers = primary.source().peers();
        if (peers.isEmpty() || peers.getAsInt() >= policy.minPeers()) {
            return Optional.empty();
        }
        return Optional.of(new Condition(chain, AlertKind.FEW_PEERS, List.of(primary.label()), null, List.of(),
                primary.label() + " has " + peers.getAsInt() + " connection(s), fewer than " + policy.minPeers()
                        + ": it may be eclipsed"));
    }

    private void guarded(Labeled s, List<Condition> out, java.util.function.Supplier<Optional<Condition>> check) {
        try {
            check.get().ifPresent(out::add);
        } catch (ChainSourceException e) {
            if (out.stream().noneMatch(c -> c.kind() == AlertKind.SOURCE_DOWN && c.sources().contains(s.label()))) {
                out.add(down(s, e));
            }
        }
    }

    private Condition down(Labeled s, ChainSourceException e) {
        networkChecked.remove(s.label()); // it may come back as another node
        return new Condition(chain, AlertKind.SOURCE_DOWN, List.of(s.label()), null, List.of(),
                s.label() + " does not answer: " + e.getMessage());
    }
}

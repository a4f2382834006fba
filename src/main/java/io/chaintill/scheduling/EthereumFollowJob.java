package io.chaintill.scheduling;

import io.chaintill.application.ChainHeights;
import io.chaintill.application.ChainIntegrity;
import io.chaintill.application.ChainLedgerService;
import io.chaintill.application.ChainStatus;
import io.chaintill.application.PaymentTracker;
import io.chaintill.application.WatchedPromptLoader;
import io.chaintill.application.payout.PayoutChainLedgerService;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.FailoverSource;
import io.chaintill.chain.ethereum.Erc20ChainSource;
import io.chaintill.chain.ethereum.Erc20Token;
import io.chaintill.chain.ethereum.EtherChainSource;
import io.chaintill.chain.ethereum.EthereumChainSource;
import io.chaintill.chain.ethereum.EthereumRpc;
import io.chaintill.chain.ethereum.EthereumSettings;
import io.chaintill.chain.ethereum.EvmChain;
import io.chaintill.chain.ethereum.EvmWitnesses;
import io.chaintill.cluster.ChainLeadership;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follows every configured EVM chain: per chain one {@link ChainFollowLoop} (own cursor, health entry and backoff)
 * for its native coin and one per token, all on that chain's node and at that chain's interval
 * ({@code chaintill.evm.<chain>.block-interval-ms}, else {@code chaintill.jobs.chain-interval-ms}). A node on
 * another chain id is refused for that chain alone; a misconfigured token is refused alone.
 */
@ApplicationScoped
public class EthereumFollowJob implements PeriodicJob {
    private static final Logger LOG = Logger.getLogger(EthereumFollowJob.class.getName());

    @Inject
    EthereumSettings settings;
    @Inject
    ChainLedgerService ledgerService;
    @Inject
    WatchedPromptLoader prompts;
    @Inject
    PaymentTracker tracker;
    @Inject
    ChainStatus status;
    @Inject
    Clock clock;
    @Inject
    ChainIntegrity integrity;
    @Inject
    Config config;
    @Inject
    ChainLeadership leadership;
    @Inject
    PayoutChainLedgerService payoutLedger;
    @Inject
    @ConfigProperty(name = "chaintill.jobs.chain-interval-ms", defaultValue = "2000")
    long intervalMs;

    private record Tracked(ChainFollowLoop loop, PayoutFollowLoop payouts, ChainSource source) {
    }

    /**
     * One EVM chain's loops; with fallbacks, {@code failover} chooses the node for all of them once per run (its
     * native coin's source; the tokens' sources follow it), so the chain is read from one node at a time.
     */
    private record Followed(String key, List<Tracked> loops, FailoverSource failover) {
    }

    private final List<Followed> followed = new ArrayList<>();
    private final List<String> integrityKeys = new ArrayList<>();
    private long shortestIntervalMs;

    @PostConstruct
    void init() {
        shortestIntervalMs = intervalMs;
        if (settings.chains().isEmpty()) {
            LOG.info("Ethereum tracking is off: set chaintill.eth.rpc.url and chaintill.eth.chain-id (or"
                    + " chaintill.evm.<chain>.rpc.url and .chain-id) to enable it");
            disabled(EtherTracking.KEY);
        }
        for (EvmChain chain : settings.chains()) {
            follow(chain);
        }
    }

    private void follow(EvmChain chain) {
        String nativeKey = ChainHeights.chainOf(chain.nativeMethod());
        if (chain.rpcUrl().isEmpty()) {
            LOG.info("EVM chain " + chain.name() + " is not tracked: " + chain.chainIdKey().replace("chain-id", "rpc.url")
                    + " is not set");
            disabled(nativeKey);
            return;
        }
        EthereumRpc rpc = new EthereumRpc(URI.create(chain.rpcUrl().get()));
        long every = chain.pollIntervalMs().orElse(intervalMs);
        shortestIntervalMs = Math.min(shortestIntervalMs, every);
        String prefix = integrityPrefix(chain);
        List<EthereumRpc> fallbacks = EvmWitnesses.fallbacks(config, prefix);
        ChainSource etherSource = new EtherChainSource(rpc, chain.chainId(), chain.chainIdKey(),
                chain.nativeMethod().toString());
        FailoverSource failover = null;
        if (!fallbacks.isEmpty()) {
            failover = new FailoverSource(nativeKey, etherSource, fallbacks.stream().map(f -> (ChainSource)
                    new EtherChainSource(f, chain.chainId(), chain.chainIdKey(), chain.nativeMethod().toString())).toList(),
                    f -> EthereumChainSource.of(f).refusal().or(() -> EvmWitnesses.notFollowable(
                            EthereumChainSource.of(f).rpc(), chain.tokens(), chain.balanceChecksPerPass() > 0)));
            etherSource = failover;
        }
        List<Tracked> loops = new ArrayList<>();
        loops.add(loop(new EtherTracking(chain, ledgerService), etherSource, every, chain.firstScanDepth()));
        for (Erc20Token token : chain.tokens()) {
            ChainSource tokenSource = new Erc20ChainSource(rpc, token, chain.chainIdKey());
            if (failover != null) {
                tokenSource = failover.alongside(tokenSource, fallbacks.stream()
                        .map(f -> (ChainSource) new Erc20ChainSource(f, token, chain.chainIdKey())).toList());
            }
            loops.add(loop(new Erc20Tracking(token, ledgerService, chain.firstScanDepth()), tokenSource, every,
                    chain.firstScanDepth()));
        }
        followed.add(new Followed(nativeKey, loops, failover));
        watchIntegrity(chain, nativeKey, prefix);
        LOG.info("EVM chain " + chain.name() + " (" + chain.displayName() + ", chain id " + chain.chainId() + ") uses "
                + rpc.url() + " for " + chain.nativeMethod()
                + chain.tokens().stream().map(t -> ", " + t.methodId() + " " + t.contract()).reduce("", String::concat)
                + ", confirmations " + chain.confirmations() + ", polling every " + every + " ms"
                + (fallbacks.isEmpty() ? "" : ", failing over to " + fallbacks.size() + " witness(es)"));
    }

    /** Ethereum reads the older {@code chaintill.eth.*} keys unless {@code chaintill.evm.ethereum.witnesses} is set. */
    private String integrityPrefix(EvmChain chain) {
        return EvmChain.ETHEREUM.equals(chain.name())
                && config.getOptionalValue("chaintill.evm.ethereum.witnesses", String.class).isEmpty()
                ? "chaintill.eth" : "chaintill.evm." + chain.name();
    }

    /**
     * Witnesses and checks of one chain: {@code chaintill.evm.<chain>.witnesses}, for Ethereum also the older
     * {@code chaintill.eth.witnesses}; they cover that chain's native coin and tokens only.
     */
    private void watchIntegrity(EvmChain chain, String nativeKey, String prefix) {
        EvmWitnesses.observer(config, nativeKey, prefix, chain.rpcUrl().get(), chain.chainId())
                .ifPresent(o -> integrity.watch(o, m -> m.equals(chain.nativeMethod())
                        || chain.tokens().stream().anyMatch(t -> t.methodId().equals(m))));
        integrityKeys.add(nativeKey);
    }

    private void disabled(String key) {
        status.report(key, new ChainStatus.Snapshot(ChainStatus.State.DISABLED, null, null, 0, null, clock.instant()));
    }

    private Tracked loop(ChainFollowLoop.Chain chain, ChainSource source, long every, int firstScanDepth) {
        ChainFollowLoop loop = new ChainFollowLoop(chain, status, prompts, tracker, clock, every);
        loop.reportStarting();
        // payouts in this method are watched on the same source, once the invoice loop has accepted it
        return new Tracked(loop, new PayoutFollowLoop(chain, payoutLedger, firstScanDepth), source);
    }

    @Override
    public String name() {
        return "ethereum-follow";
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(shortestIntervalMs);
    }

    /**
     * The loops run one after the other; each backs off on its own, so a refused token or chain does not slow others.
     * A chain with fallbacks first chooses its node (one tip request to the primary) when any of its loops is due.
     */
    @Override
    public void run() {
        // one lease for every EVM chain's coin and tokens: one job runs their passes in order on the leader
        if (followed.isEmpty()) {
            return;
        }
        boolean leading = leadership.mayFollow(EtherTracking.KEY);
        for (Followed f : followed) {
            boolean due = !leading || f.loops().stream().anyMatch(t -> t.loop().due(clock.instant()));
            if (due && f.failover() != null) {
                integrity.following(f.key(), f.failover().choose());
            }
            for (Tracked t : f.loops()) {
                if (!leading) {
                    t.loop().standbyPass(t.source());
                } else if (t.loop().due(clock.instant())) {
                    t.loop().pass(t.source());
                    if (t.loop().started()) {
                        t.payouts().pass(t.source());
                    }
                }
            }
        }
        if (leading) {
            // on the leader only, as for Bitcoin: one node judges the chain, so nodes never race to raise one alert
            integrityKeys.forEach(integrity::check);
        }
    }
}

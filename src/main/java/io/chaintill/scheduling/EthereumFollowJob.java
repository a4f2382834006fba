package io.chaintill.scheduling;

import io.chaintill.application.ChainLedgerService;
import io.chaintill.application.ChainStatus;
import io.chaintill.application.PaymentTracker;
import io.chaintill.application.WatchedPromptLoader;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.ethereum.Erc20ChainSource;
import io.chaintill.chain.ethereum.Erc20Token;
import io.chaintill.chain.ethereum.EtherChainSource;
import io.chaintill.chain.ethereum.EthereumRpc;
import io.chaintill.chain.ethereum.EthereumSettings;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follows Ethereum every {@code chaintill.jobs.chain-interval-ms}: one {@link ChainFollowLoop} (own cursor, health
 * entry and backoff) for ETH-CHAIN and one per configured ERC-20 token, all on {@code chaintill.eth.rpc.url}. A
 * node on another chain id than {@code chaintill.eth.chain-id} is refused; a misconfigured token is refused alone.
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
    ChainLeadership leadership;
    @Inject
    @ConfigProperty(name = "chaintill.jobs.chain-interval-ms", defaultValue = "2000")
    long intervalMs;
    @Inject
    @ConfigProperty(name = "chaintill.eth.first-scan-depth", defaultValue = "12")
    int firstScanDepth;
    @Inject
    @ConfigProperty(name = "chaintill.eth.balance-checks-per-pass", defaultValue = "100")
    int balanceChecksPerPass;

    private record Tracked(ChainFollowLoop loop, ChainSource source) {
    }

    private final List<Tracked> tracked = new ArrayList<>();

    @PostConstruct
    void init() {
        List<Erc20Token> tokens = settings.tokens();
        if (settings.rpcUrl().isEmpty() || settings.chainId().isEmpty()) {
            LOG.info("Ethereum tracking is off: set chaintill.eth.rpc.url and chaintill.eth.chain-id to enable it");
            status.report(EtherTracking.KEY, new ChainStatus.Snapshot(ChainStatus.State.DISABLED, null, null, 0, null,
                    clock.instant()));
            return;
        }
        EthereumRpc rpc = new EthereumRpc(URI.create(settings.rpcUrl().get()));
        long chainId = settings.chainId().get();
        add(new EtherTracking(rpc, ledgerService, firstScanDepth, balanceChecksPerPass), new EtherChainSource(rpc, chainId));
        for (Erc20Token token : tokens) {
            add(new Erc20Tracking(rpc, token, ledgerService, firstScanDepth), new Erc20ChainSource(rpc, token));
        }
        LOG.info("Ethereum tracking uses " + rpc.url() + " (chain id " + chainId + ") for ETH"
                + tokens.stream().map(t -> ", " + t.symbol() + " " + t.contract()).reduce("", String::concat)
                + ", polling every " + intervalMs + " ms");
    }

    private void add(ChainFollowLoop.Chain chain, ChainSource source) {
        ChainFollowLoop loop = new ChainFollowLoop(chain, status, prompts, tracker, clock, intervalMs);
        loop.reportStarting();
        tracked.add(new Tracked(loop, source));
    }

    @Override
    public String name() {
        return "ethereum-follow";
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(intervalMs);
    }

    /** The loops run one after the other; each backs off on its own, so a refused token does not slow ETH. */
    @Override
    public void run() {
        // one lease for ether and its tokens: they share the node, and one leader keeps their passes in order
        if (tracked.isEmpty()) {
            return;
        }
        boolean leading = leadership.mayFollow(EtherTracking.KEY);
        for (Tracked t : tracked) {
            if (!leading) {
                t.loop().standbyPass(t.source());
                continue;
            }
            if (t.loop().due(clock.instant())) {
                t.loop().pass(t.source());
            }
        }
    }
}

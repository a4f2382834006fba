package io.chaintill.scheduling;

import io.chaintill.application.ChainIntegrity;
import io.chaintill.application.ChainLedgerService;
import io.chaintill.application.ChainStatus;
import io.chaintill.application.PaymentTracker;
import io.chaintill.application.PersistentChainLedger;
import io.chaintill.application.TrackedChain;
import io.chaintill.application.WatchedPromptLoader;
import io.chaintill.chain.ChainFollower;
import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.ChainWakeup;
import io.chaintill.chain.FailoverSource;
import io.chaintill.chain.FollowReport;
import io.chaintill.chain.WatchedDestinations;
import io.chaintill.chain.bitcoin.BitcoinScripts;
import io.chaintill.chain.bitcoin.BitcoinSources;
import io.chaintill.chain.bitcoin.BitcoinWitnesses;
import io.chaintill.chain.bitcoin.ZmqChainListener;
import io.chaintill.cluster.ChainLeadership;
import io.chaintill.domain.payment.PaymentMethodId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follows the Bitcoin chain every {@code chaintill.jobs.chain-interval-ms}, and right away when bitcoind's ZMQ
 * ({@code chaintill.btc.zmq.url}) announces a block or transaction. Refuses to track a node on another
 * network than {@code chaintill.network}; backoff, health and the watched index are the {@link ChainFollowLoop}'s.
 */
@ApplicationScoped
public class BitcoinFollowJob implements PeriodicJob, ChainFollowLoop.Chain {
    private static final Logger LOG = Logger.getLogger(BitcoinFollowJob.class.getName());
    static final String CHAIN = "BTC";
    private static final long ZMQ_TICK_MS = 100;

    @Inject
    BitcoinSources sources;
    @Inject
    BitcoinWitnesses witnesses;
    @Inject
    ChainIntegrity integrity;
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
    @ConfigProperty(name = "chaintill.network")
    String networkName;
    @Inject
    @ConfigProperty(name = "chaintill.jobs.chain-interval-ms", defaultValue = "2000")
    long intervalMs;
    @Inject
    @ConfigProperty(name = "chaintill.btc.first-scan-depth", defaultValue = "6")
    int firstScanDepth;
    @Inject
    @ConfigProperty(name = "chaintill.btc.zmq.url")
    Optional<String> zmqUrl;
    @Resource
    ManagedThreadFactory threads;

    private ChainNetwork network;
    private ChainFollowLoop loop;
    private PayoutFollowLoop payoutLoop;
    @Inject
    io.chaintill.application.payout.PayoutChainLedgerService payoutLedger;
    /** With ZMQ the job ticks fast but only does a pass when the node rang, or the poll interval has passed. */
    private final ChainWakeup wakeup = new ChainWakeup();
    private ZmqChainListener zmq;
    private Instant lastPass = Instant.EPOCH;
    /** The primary with the witnesses to fail over to, when there are any; else the follower reads the primary. */
    private FailoverSource followed;

    @PostConstruct
    void init() {
        network = ChainNetwork.parse(networkName);
        loop = new ChainFollowLoop(this, status, prompts, tracker, clock, intervalMs);
        payoutLoop = new PayoutFollowLoop(this, payoutLedger, firstScanDepth);
        if (sources.source().isEmpty()) {
            LOG.info("Bitcoin tracking is off: set chaintill.btc.rpc.url (or chaintill.btc.esplora.url) to enable it");
            loop.reportDisabled();
        } else {
            loop.reportStarting();
            witnesses.observer(CHAIN, network).ifPresent(o -> {
                integrity.watch(o, PaymentMethodId.BTC_CHAIN::equals);
                List<ChainSource> fallbacks = witnesses.fallbacks();
                if (!fallbacks.isEmpty()) {
                    followed = new FailoverSource(CHAIN, sources.source().get(), fallbacks,
                            s -> s.runsOn(network) ? Optional.empty() : Optional.of("it is not on " + network.id()));
                }
            });
        }
    }

    @Override
    public String name() {
        return "bitcoin-follow";
    }

    @PreDestroy
    void stopListening() {
        if (zmq != null) {
            zmq.close();
        }
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(zmqConfigured() ? Math.min(ZMQ_TICK_MS, intervalMs) : intervalMs);
    }

    private boolean zmqConfigured() {
        return zmqUrl.map(String::isBlank).map(blank -> !blank).orElse(false);
    }

    @Override
    public void run() {
        Optional<ChainSource> source = followed != null ? Optional.of(followed) : sources.source();
        Instant now = clock.instant();
        if (source.isEmpty() || !loop.due(now)) {
            return;
        }
        if (!leadership.mayFollow(CHAIN)) {
            if (!now.isBefore(lastPass.plusMillis(intervalMs))) {
                lastPass = now;
                choose();
                loop.standbyPass(source.get());
            }
            return;
        }
        if (zmqConfigured() && loop.started() && !wakeup.consume() && now.isBefore(lastPass.plusMillis(intervalMs))) {
            return;
        }
        lastPass = now;
        choose();
        loop.pass(source.get());
        if (loop.started()) {
            // payouts paid from any wallet (not through a PSBT batch) are found by the same chain's blocks
            payoutLoop.pass(source.get());
        }
    }

    /** Once per pass: the primary if it answers, else a witness (a failover alert), before the pass reads anything. */
    private void choose() {
        if (followed != null) {
            integrity.following(CHAIN, followed.choose());
        }
    }

    @Override
    public String key() {
        return CHAIN;
    }

    @Override
    public PaymentMethodId method() {
        return PaymentMethodId.BTC_CHAIN;
    }

    @Override
    public String matchKey(String address) {
        return BitcoinScripts.scriptHex(address, network);
    }

    @Override
    public Optional<String> refusal(ChainSource source) {
        return source.runsOn(network) ? Optional.empty() : Optional.of(source.describe() + " is not on " + network.id()
                + " (chaintill.network); Bitcoin tracking refuses to use it");
    }

    @Override
    public void afterPass(ChainSource source, FollowReport report) {
        integrity.check(CHAIN);
    }

    @Override
    public ChainFollower follower(ChainSource source, WatchedDestinations watched) {
        TrackedChain chain = new TrackedChain(CHAIN, PaymentMethodId.BTC_CHAIN, 8);
        LOG.info("Bitcoin tracking uses " + source.describe() + " on " + network.id()
                + (zmqConfigured() ? " with ZMQ notifications from " + zmqUrl.get() : ", polling every " + intervalMs + " ms"));
        if (zmqConfigured() && zmq == null) {
            zmq = new ZmqChainListener(zmqUrl.get().strip(), wakeup);
            zmq.start(threads);
        }
        return new ChainFollower(CHAIN, source, new PersistentChainLedger(chain, ledgerService), watched,
                firstScanDepth, 100);
    }
}

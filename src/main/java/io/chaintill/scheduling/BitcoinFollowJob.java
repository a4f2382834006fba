package io.chaintill.scheduling;

import io.chaintill.application.ChainLedgerService;
import io.chaintill.application.ChainStatus;
import io.chaintill.application.ChainStatus.Snapshot;
import io.chaintill.application.ChainStatus.State;
import io.chaintill.application.PaymentTracker;
import io.chaintill.application.PersistentChainLedger;
import io.chaintill.application.TrackedChain;
import io.chaintill.application.WatchedPromptLoader;
import io.chaintill.chain.ChainFollower;
import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.FollowReport;
import io.chaintill.chain.WatchedDestinations;
import io.chaintill.chain.bitcoin.BitcoinScripts;
import io.chaintill.chain.bitcoin.BitcoinSources;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.chain.ChainWakeup;
import io.chaintill.chain.bitcoin.ZmqChainListener;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follows the Bitcoin chain every {@code chaintill.jobs.chain-interval-ms}, and right away when bitcoind's ZMQ
 * ({@code chaintill.btc.zmq.url}) announces a block or transaction. Refuses to track a node on another
 * network than {@code chaintill.network}; when the source fails, backs off (up to a minute), reports DOWN in the
 * health check and resumes from its cursor once the source answers again.
 */
@ApplicationScoped
public class BitcoinFollowJob implements PeriodicJob {
    private static final Logger LOG = Logger.getLogger(BitcoinFollowJob.class.getName());
    static final String CHAIN = "BTC";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** Prompts committed a little after their creation time must still be picked up by the incremental load. */
    private static final Duration LOAD_OVERLAP = Duration.ofMinutes(5);
    private static final Duration FULL_RELOAD = Duration.ofMinutes(10);
    private static final long ZMQ_TICK_MS = 100;

    @Inject
    BitcoinSources sources;
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

    private final WatchedDestinations watched = new WatchedDestinations();
    private ChainFollower follower;
    private ChainNetwork network;
    private Instant lastLoad;
    private Instant lastFullLoad = Instant.EPOCH;
    private int failures;
    private Instant nextAttempt = Instant.EPOCH;
    /** With ZMQ the job ticks fast but only does a pass when the node rang, or the poll interval has passed. */
    private final ChainWakeup wakeup = new ChainWakeup();
    private ZmqChainListener zmq;
    private Instant lastPass = Instant.EPOCH;

    @PostConstruct
    void init() {
        network = ChainNetwork.parse(networkName);
        if (sources.source().isEmpty()) {
            LOG.info("Bitcoin tracking is off: set chaintill.btc.rpc.url (or chaintill.btc.esplora.url) to enable it");
            status.report(CHAIN, new Snapshot(State.DISABLED, null, null, 0, null, clock.instant()));
        } else {
            status.report(CHAIN, new Snapshot(State.STARTING, null, null, 0, null, clock.instant()));
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
        Optional<ChainSource> source = sources.source();
        Instant now = clock.instant();
        if (source.isEmpty() || now.isBefore(nextAttempt)) {
            return;
        }
        if (zmqConfigured() && follower != null && !wakeup.consume() && now.isBefore(lastPass.plusMillis(intervalMs))) {
            return;
        }
        lastPass = now;
        try {
            if (follower == null && !connect(source.get())) {
                return;
            }
            loadWatched(now);
            FollowReport report = follower.followOnce();
            // destinations committed while the pass ran may be paid in the blocks it just applied
            loadWatched(clock.instant());
            follower.rematchLastPassBlocks();
            endMonitoring(now);
            if (failures > 0) {
                LOG.info("Bitcoin tracking resumed after " + failures + " failed attempt(s) at block " + report.cursor().height());
            }
            failures = 0;
            status.report(CHAIN, new Snapshot(State.UP, report.tip().height(), report.cursor().height(), watched.size(),
                    null, clock.instant()));
        } catch (RuntimeException e) {
            failures++;
            long backoff = Math.min(MAX_BACKOFF.toMillis(), intervalMs * (1L << Math.min(failures, 10)));
            nextAttempt = clock.instant().plusMillis(backoff);
            Level level = failures == 1 || failures % 10 == 0 ? Level.WARNING : Level.FINE;
            LOG.log(level, "Bitcoin tracking failed (attempt " + failures + ", next in " + backoff + " ms): " + e.getMessage(), e);
            Snapshot last = status.of(CHAIN);
            status.report(CHAIN, new Snapshot(State.DOWN, last.tipHeight(), last.scannedHeight(), watched.size(),
                    e.getMessage(), clock.instant()));
        }
    }

    /** Checks the network before anything is recorded: a node on the wrong chain must never confirm payments. */
    private boolean connect(ChainSource source) {
        if (!source.runsOn(network)) {
            String message = source.describe() + " is not on " + network.id()
                    + " (chaintill.network); Bitcoin tracking refuses to use it";
            LOG.severe(message);
            status.report(CHAIN, new Snapshot(State.DOWN, null, null, 0, message, clock.instant()));
            nextAttempt = clock.instant().plus(MAX_BACKOFF);
            return false;
        }
        TrackedChain chain = new TrackedChain(CHAIN, PaymentMethodId.BTC_CHAIN, 8);
        follower = new ChainFollower(CHAIN, source, new PersistentChainLedger(chain, ledgerService), watched,
                firstScanDepth, 100);
        LOG.info("Bitcoin tracking uses " + source.describe() + " on " + network.id()
                + (zmqConfigured() ? " with ZMQ notifications from " + zmqUrl.get() : ", polling every " + intervalMs + " ms"));
        if (zmqConfigured() && zmq == null) {
            zmq = new ZmqChainListener(zmqUrl.get().strip(), wakeup);
            zmq.start(threads);
        }
        return true;
    }

    private void loadWatched(Instant now) {
        if (lastLoad == null || now.isAfter(lastFullLoad.plus(FULL_RELOAD))) {
            watched.replaceAll(prompts.load(PaymentMethodId.BTC_CHAIN, Instant.EPOCH, now, this::script));
            lastFullLoad = now;
        } else {
            watched.addAll(prompts.load(PaymentMethodId.BTC_CHAIN, lastLoad.minus(LOAD_OVERLAP), now, this::script));
        }
        lastLoad = now;
    }

    private String script(String address) {
        return BitcoinScripts.scriptHex(address, network);
    }

    private void endMonitoring(Instant now) {
        for (String id : prompts.processingPastMonitoring(now)) {
            try {
                tracker.endMonitoring(id, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not end monitoring of invoice " + id, e);
            }
        }
    }
}

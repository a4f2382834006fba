package io.chaintill.scheduling;

import io.chaintill.application.ChainStatus;
import io.chaintill.application.ChainStatus.Snapshot;
import io.chaintill.application.ChainStatus.State;
import io.chaintill.application.PaymentTracker;
import io.chaintill.application.WatchedPromptLoader;
import io.chaintill.chain.ChainFollower;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.FollowReport;
import io.chaintill.chain.WatchedDestinations;
import io.chaintill.domain.payment.PaymentMethodId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The follow loop every chain job runs for one tracked payment method: refuses a source on the wrong chain before
 * anything is recorded, keeps the watched index loaded (in full every 10 minutes, incrementally every pass), runs a
 * follower pass, matches the pass's blocks again for destinations committed meanwhile, ends monitoring of the
 * method's invoices, and reports health. On failure it backs off exponentially (up to a minute), reports DOWN with
 * the reason, and resumes from the cursor once the source answers.
 */
public final class ChainFollowLoop {
    private static final Logger LOG = Logger.getLogger(ChainFollowLoop.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** Prompts committed a little after their creation time must still be picked up by the incremental load. */
    private static final Duration LOAD_OVERLAP = Duration.ofMinutes(5);
    private static final Duration FULL_RELOAD = Duration.ofMinutes(10);

    /** What differs per chain. */
    public interface Chain {
        /** Status key, cursor key and log name, e.g. "BTC", "ETH", "USDT-ERC20". */
        String key();

        PaymentMethodId method();

        /** A destination (address) as the source's outputs carry it. */
        String matchKey(String destination);

        /** Why the source must not be used (wrong network or chain, misconfigured contract), or empty. */
        Optional<String> refusal(ChainSource source);

        /** Called once, when the source is accepted; may start push listeners too. */
        ChainFollower follower(ChainSource source, WatchedDestinations watched);

        /** Extra work after a successful pass (e.g. balance reconciliation); failures count as a failed pass. */
        default void afterPass(ChainSource source, FollowReport report) {
        }
    }

    private final Chain chain;
    private final ChainStatus status;
    private final WatchedPromptLoader prompts;
    private final PaymentTracker tracker;
    private final Clock clock;
    private final long intervalMs;

    private final WatchedDestinations watched = new WatchedDestinations();
    private ChainFollower follower;
    private Instant lastLoad;
    private Instant lastFullLoad = Instant.EPOCH;
    private int failures;
    private Instant nextAttempt = Instant.EPOCH;

    public ChainFollowLoop(Chain chain, ChainStatus status, WatchedPromptLoader prompts, PaymentTracker tracker,
                           Clock clock, long intervalMs) {
        this.chain = chain;
        this.status = status;
        this.prompts = prompts;
        this.tracker = tracker;
        this.clock = clock;
        this.intervalMs = intervalMs;
    }

    public WatchedDestinations watched() {
        return watched;
    }

    /** False while backing off after a failure or a refusal. */
    public boolean due(Instant now) {
        return !now.isBefore(nextAttempt);
    }

    public boolean started() {
        return follower != null;
    }

    public void reportStarting() {
        status.report(chain.key(), new Snapshot(State.STARTING, null, null, 0, null, clock.instant()));
    }

    public void reportDisabled() {
        status.report(chain.key(), new Snapshot(State.DISABLED, null, null, 0, null, clock.instant()));
    }

    /** One pass; never throws. */
    public void pass(ChainSource source) {
        Instant now = clock.instant();
        try {
            if (follower == null && !accept(source)) {
                return;
            }
            loadWatched(now);
            FollowReport report = follower.followOnce();
            // destinations committed while the pass ran may be paid in the blocks it just applied
            loadWatched(clock.instant());
            follower.rematchLastPassBlocks();
            chain.afterPass(source, report);
            endMonitoring(now);
            if (failures > 0) {
                LOG.info(chain.key() + " tracking resumed after " + failures + " failed attempt(s) at block "
                        + report.cursor().height());
            }
            failures = 0;
            status.report(chain.key(), new Snapshot(State.UP, report.tip().height(), report.cursor().height(),
                    watched.size(), null, clock.instant()));
        } catch (RuntimeException e) {
            failures++;
            long backoff = Math.min(MAX_BACKOFF.toMillis(), intervalMs * (1L << Math.min(failures, 10)));
            nextAttempt = clock.instant().plusMillis(backoff);
            Level level = failures == 1 || failures % 10 == 0 ? Level.WARNING : Level.FINE;
            LOG.log(level, chain.key() + " tracking failed (attempt " + failures + ", next in " + backoff + " ms): "
                    + e.getMessage(), e);
            Snapshot last = status.of(chain.key());
            status.report(chain.key(), new Snapshot(State.DOWN, last.tipHeight(), last.scannedHeight(), watched.size(),
                    e.getMessage(), clock.instant()));
        }
    }

    /**
     * Instead of a pass while another cluster node follows the chain: reports the source's tip and the shared
     * cursor, so this node's health and server info say what the leader achieves. Never throws.
     */
    public void standbyPass(ChainSource source) {
        try {
            if (follower == null && !accept(source)) {
                return;
            }
            follower.standing().ifPresent(r -> status.report(chain.key(), new Snapshot(State.UP, r.tip().height(),
                    r.cursor().height(), watched.size(), null, clock.instant())));
        } catch (RuntimeException e) {
            Snapshot last = status.of(chain.key());
            status.report(chain.key(), new Snapshot(State.DOWN, last.tipHeight(), last.scannedHeight(), watched.size(),
                    e.getMessage(), clock.instant()));
        }
    }

    /** Checks the chain before anything is recorded: a node on the wrong chain must never confirm payments. */
    private boolean accept(ChainSource source) {
        Optional<String> refusal = chain.refusal(source);
        if (refusal.isPresent()) {
            LOG.severe(chain.key() + ": " + refusal.get());
            status.report(chain.key(), new Snapshot(State.DOWN, null, null, 0, refusal.get(), clock.instant()));
            nextAttempt = clock.instant().plus(MAX_BACKOFF);
            return false;
        }
        follower = chain.follower(source, watched);
        return true;
    }

    private void loadWatched(Instant now) {
        Function<String, String> keyOf = chain::matchKey;
        if (lastLoad == null || now.isAfter(lastFullLoad.plus(FULL_RELOAD))) {
            watched.replaceAll(prompts.load(chain.method(), Instant.EPOCH, now, keyOf));
            lastFullLoad = now;
        } else {
            watched.addAll(prompts.load(chain.method(), lastLoad.minus(LOAD_OVERLAP), now, keyOf));
        }
        lastLoad = now;
    }

    private void endMonitoring(Instant now) {
        for (String id : prompts.processingPastMonitoring(chain.method(), now)) {
            try {
                tracker.endMonitoring(id, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not end monitoring of invoice " + id, e);
            }
        }
    }
}

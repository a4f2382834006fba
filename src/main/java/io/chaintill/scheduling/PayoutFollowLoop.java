package io.chaintill.scheduling;

import io.chaintill.application.payout.PayoutChainLedgerService;
import io.chaintill.application.payout.PayoutChainLedgerService.PayoutChain;
import io.chaintill.chain.ChainCursor;
import io.chaintill.chain.ChainFollower;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.ChainTip;
import io.chaintill.chain.KeyedChainLedger;
import io.chaintill.chain.WatchedDestination;
import io.chaintill.chain.WatchedDestinations;
import java.util.HashSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches one payment method's chain for payments of approved payouts, next to the invoice follow loop of the same
 * method and on the same source: a {@link ChainFollower} over the payout ledger of {@link PayoutChainLedgerService}, its watched index the
 * destinations of the method's approved payouts (reloaded every pass; there are few). While no payout is approved
 * the cursor skips to the tip without reading a block, so an idle store costs one tip query per pass.
 * Chain-agnostic: a chain job passes its {@link ChainFollowLoop.Chain}, whose match key turns an address into what
 * the source's outputs carry (a script for Bitcoin, an address for EVM chains).
 */
public final class PayoutFollowLoop {
    private static final Logger LOG = Logger.getLogger(PayoutFollowLoop.class.getName());

    private final ChainFollowLoop.Chain chain;
    private final PayoutChainLedgerService service;
    private final PayoutChain payoutChain;
    private final int startMargin;
    private final WatchedDestinations watched = new WatchedDestinations();
    private ChainFollower follower;
    private int failures;

    public PayoutFollowLoop(ChainFollowLoop.Chain chain, PayoutChainLedgerService service, int startMargin) {
        this.chain = chain;
        this.service = service;
        this.payoutChain = new PayoutChain("payouts:" + chain.key(), chain.method());
        this.startMargin = startMargin;
    }

    /** One pass on a source the invoice loop accepted; never throws. */
    public void pass(ChainSource source) {
        try {
            // the tip first: a payout approved after the next line is paid in a block above it
            ChainTip tip = source.tip();
            if (!reload()) {
                service.skipTo(payoutChain, new ChainCursor(tip.height(), tip.hash()));
                return;
            }
            if (follower == null) {
                follower = new ChainFollower("payouts " + chain.key(), source, KeyedChainLedger.bound(payoutChain, service),
                        watched, startMargin, 100);
            }
            follower.followOnce();
            // payouts approved while the pass ran may be paid in the blocks it just applied
            reload();
            follower.rematchLastPassBlocks();
            if (failures > 0) {
                LOG.info(chain.key() + " payout watching resumed after " + failures + " failed attempt(s)");
            }
            failures = 0;
        } catch (RuntimeException e) {
            failures++;
            Level level = failures == 1 || failures % 10 == 0 ? Level.WARNING : Level.FINE;
            LOG.log(level, chain.key() + " payout watching failed (attempt " + failures + "): " + e.getMessage(), e);
        }
    }

    /** Loads the approved payouts' destinations; false when there are none. */
    private boolean reload() {
        List<WatchedDestination> now = service.watched(chain.method(), chain::matchKey);
        if (!new HashSet<>(now).equals(new HashSet<>(watched.all()))) {
            watched.replaceAll(now);
        }
        return !now.isEmpty();
    }
}

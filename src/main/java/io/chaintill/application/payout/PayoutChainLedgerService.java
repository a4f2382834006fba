package io.chaintill.application.payout;

import io.chaintill.chain.ChainBlock;
import io.chaintill.chain.ChainCursor;
import io.chaintill.chain.KeyedChainLedger;
import io.chaintill.chain.PaymentMethodHandler;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.chain.ReceivedOutput;
import io.chaintill.chain.WatchedDestination;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payout.Payout;
import io.chaintill.domain.payout.PayoutState;
import io.chaintill.persistence.ChainCursors;
import io.chaintill.persistence.PayoutRepository;
import io.chaintill.persistence.StoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The database side of the payout chain watcher ({@link PayoutChainLedger}), one transaction per call like the
 * invoice ledger: approved payouts in no batch are matched against a chain follower's outputs. An output paying a
 * payout's destination exactly its approved amount, from any wallet, moves it to InProgress; once its block has the
 * method's confirmations (at least one) it is Completed. A reorg that takes the block away leaves it InProgress
 * without a block, and if the transaction is then neither mined again nor pending it returns to AwaitingPayment.
 * The cursor lives in chain_cursor under its own key ({@code payouts:<chain>}), apart from the invoice follower's.
 */
@ApplicationScoped
public class PayoutChainLedgerService implements KeyedChainLedger<PayoutChainLedgerService.PayoutChain> {
    private static final Logger LOG = Logger.getLogger(PayoutChainLedgerService.class.getName());

    @Inject
    ChainCursors cursors;
    @Inject
    PayoutRepository payouts;
    @Inject
    StoreRepository stores;
    @Inject
    PaymentMethodHandlers handlers;
    @Inject
    Clock clock;

    /** Which method a payout follower watches and the key its cursor is kept under. */
    public record PayoutChain(String cursorKey, PaymentMethodId method) {
    }

    /** Destinations of the payouts to watch, keyed as the chain's outputs carry them. */
    @Transactional
    public List<WatchedDestination> watched(PaymentMethodId method, Function<String, String> matchKey) {
        return payouts.watchedOnChain(method.toString()).stream()
                .map(p -> new WatchedDestination(matchKey.apply(p.destination()), p.destination(), null, p.id())).toList();
    }

    @Transactional
    public Optional<ChainCursor> cursor(PayoutChain chain) {
        return cursors.find(chain.cursorKey());
    }

    @Transactional
    public void startAt(PayoutChain chain, ChainCursor start) {
        if (cursors.lock(chain.cursorKey()).isEmpty()) {
            cursors.create(chain.cursorKey(), start, clock.instant());
        }
    }

    /**
     * Nothing to watch: the cursor skips to the tip without reading blocks. The caller reads the tip before it
     * learns that no payout is approved, so a payout approved meanwhile is paid in a block above this one.
     */
    @Transactional
    public void skipTo(PayoutChain chain, ChainCursor tip) {
        Optional<ChainCursor> at = cursors.lock(chain.cursorKey());
        if (at.isEmpty()) {
            cursors.create(chain.cursorKey(), tip, clock.instant());
        } else if (!at.get().equals(tip)) {
            cursors.forgetAbove(chain.cursorKey(), -1);
            cursors.rememberBlock(chain.cursorKey(), tip);
            cursors.move(chain.cursorKey(), tip, clock.instant());
        }
    }

    @Transactional
    public Optional<String> blockHash(PayoutChain chain, int height) {
        return cursors.blockHash(chain.cursorKey(), height);
    }

    @Transactional
    public boolean applyBlock(PayoutChain chain, int height, ChainBlock block, ChainCursor expectedParent,
                              List<ReceivedOutput> received) {
        if (!cursors.lock(chain.cursorKey()).map(expectedParent::equals).orElse(false)) {
            return false;
        }
        received.forEach(r -> match(chain, r, height, block.hash()));
        ChainCursor to = new ChainCursor(height, block.hash());
        cursors.rememberBlock(chain.cursorKey(), to);
        cursors.move(chain.cursorKey(), to, clock.instant());
        confirm(chain, height);
        return true;
    }

    @Transactional
    public void recordConfirmed(PayoutChain chain, int height, String blockHash, List<ReceivedOutput> received) {
        Optional<ChainCursor> at = cursors.lock(chain.cursorKey());
        if (at.isEmpty() || !cursors.blockHash(chain.cursorKey(), height).map(blockHash::equals).orElse(false)) {
            return;
        }
        received.forEach(r -> match(chain, r, height, blockHash));
        confirm(chain, at.get().height());
    }

    @Transactional
    public void rewindTo(PayoutChain chain, ChainCursor forkPoint) {
        cursors.lock(chain.cursorKey());
        for (Payout p : payouts.inProgressUnbatchedForUpdate(chain.method().toString())) {
            if (p.blockHeight().map(h -> h > forkPoint.height()).orElse(false)) {
                LOG.info("payout " + p.id() + ": the block of its transaction " + p.transactionId().orElse("")
                        + " left the main chain");
                p.minedIn(null, null);
                payouts.save(p);
            }
        }
        cursors.forgetAbove(chain.cursorKey(), forkPoint.height());
        cursors.move(chain.cursorKey(), forkPoint, clock.instant());
    }

    @Transactional
    public void recordUnconfirmed(PayoutChain chain, List<ReceivedOutput> received) {
        cursors.lock(chain.cursorKey());
        received.forEach(r -> match(chain, r, null, null));
    }

    @Transactional
    public Set<String> unconfirmedTxids(PayoutChain chain) {
        Set<String> out = new HashSet<>();
        for (Payout p : payouts.watchedOnChain(chain.method().toString())) {
            if (p.state() == PayoutState.InProgress && p.blockHeight().isEmpty()) {
                p.transactionId().ifPresent(out::add);
            }
        }
        return out;
    }

    /** Transactions that are neither mined nor pending any more: their payouts must be paid again. */
    @Transactional
    public void dropTransactions(PayoutChain chain, Collection<String> txids) {
        cursors.lock(chain.cursorKey());
        for (Payout p : payouts.inProgressUnbatchedForUpdate(chain.method().toString())) {
            if (p.blockHeight().isEmpty() && p.transactionId().map(txids::contains).orElse(false)) {
                LOG.warning("payout " + p.id() + ": its transaction " + p.transactionId().get()
                        + " is neither mined nor pending; it awaits payment again");
                p.transactionDropped(clock.instant());
                payouts.save(p);
            }
        }
    }

    /**
     * One output, one payout: the InProgress payout already paid by this transaction (seen pending, recorded by the
     * merchant, or mined again after a reorg), else the oldest payout to this destination awaiting exactly this
     * amount.
     */
    private void match(PayoutChain chain, ReceivedOutput r, Integer height, String blockHash) {
        List<Payout> candidates = payouts.watchedToForUpdate(chain.method().toString(), r.watched().destination());
        for (Payout p : candidates) {
            if (p.state() == PayoutState.InProgress && p.transactionId().map(r.txid()::equalsIgnoreCase).orElse(false)) {
                if (height != null && !p.blockHeight().equals(Optional.of(height))) {
                    p.minedIn(height, blockHash);
                    payouts.save(p);
                }
                return;
            }
        }
        int decimals = handler(chain).decimals();
        for (Payout p : candidates) {
            if (p.state() == PayoutState.AwaitingPayment && units(p, decimals).equals(r.value())) {
                LOG.info("payout " + p.id() + " is paid by transaction " + r.txid()
                        + (height == null ? " (pending)" : " in block " + height));
                p.transactionSeen(r.txid(), clock.instant());
                if (height != null) {
                    p.minedIn(height, blockHash);
                }
                payouts.save(p);
                return;
            }
        }
    }

    /** InProgress payouts whose block is {@code tipHeight}'s ancestor by enough blocks become Completed. */
    private void confirm(PayoutChain chain, int tipHeight) {
        for (Payout p : payouts.inProgressUnbatchedForUpdate(chain.method().toString())) {
            if (p.blockHeight().isPresent() && tipHeight - p.blockHeight().get() + 1 >= required(chain, p)) {
                p.transactionConfirmed(clock.instant());
                payouts.save(p);
            }
        }
    }

    /** The store's speed policy in the method's table, at least one block: a pending transaction is no payment yet. */
    private int required(PayoutChain chain, Payout p) {
        var policy = stores.find(p.storeId()).orElseThrow().settings().speedPolicy();
        return Math.max(1, handler(chain).confirmationsRequired(policy, false));
    }

    private PaymentMethodHandler handler(PayoutChain chain) {
        return handlers.require(chain.method(), "payoutMethodId");
    }

    private static BigInteger units(Payout p, int decimals) {
        return p.payoutAmount().map(a -> a.movePointRight(decimals).toBigInteger()).orElse(BigInteger.ONE.negate());
    }
}

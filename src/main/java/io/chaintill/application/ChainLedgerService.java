package io.chaintill.application;

import io.chaintill.chain.ChainBlock;
import io.chaintill.chain.ChainCursor;
import io.chaintill.chain.KeyedChainLedger;
import io.chaintill.chain.ReceivedOutput;
import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.Payment;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.persistence.ChainCursors;
import io.chaintill.persistence.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The database side of chain following, one transaction per call: payments, cursor and the invoices they touch
 * change together, so a crash between two calls leaves nothing half done and a restart resumes at the cursor.
 */
@ApplicationScoped
public class ChainLedgerService implements KeyedChainLedger<TrackedChain> {
    @Inject
    ChainCursors cursors;
    @Inject
    PaymentRepository payments;
    @Inject
    PaymentTracker tracker;
    @Inject
    Clock clock;

    @Transactional
    public Optional<ChainCursor> cursor(TrackedChain chain) {
        return cursors.find(chain.chainId());
    }

    @Transactional
    public void startAt(TrackedChain chain, ChainCursor start) {
        if (cursors.lock(chain.chainId()).isEmpty()) {
            cursors.create(chain.chainId(), start, clock.instant());
        }
    }

    @Transactional
    public Optional<String> blockHash(TrackedChain chain, int height) {
        return cursors.blockHash(chain.chainId(), height);
    }

    @Transactional
    public boolean applyBlock(TrackedChain chain, int height, ChainBlock block, ChainCursor expectedParent,
                              List<ReceivedOutput> received) {
        if (!cursors.lock(chain.chainId()).map(expectedParent::equals).orElse(false)) {
            return false;
        }
        Instant now = clock.instant();
        for (ReceivedOutput r : received) {
            upsert(chain, r, now).confirmIn(height, block.hash());
        }
        ChainCursor to = new ChainCursor(height, block.hash());
        cursors.rememberBlock(chain.chainId(), to);
        cursors.move(chain.chainId(), to, now);
        Set<String> touched = new TreeSet<>(payments.invoicesAwaitingConfirmations(chain.method()));
        received.forEach(r -> touched.add(r.watched().invoiceId()));
        refresh(chain, touched, height, now);
        return true;
    }

    @Transactional
    public void recordConfirmed(TrackedChain chain, int height, String blockHash, List<ReceivedOutput> received) {
        cursors.lock(chain.chainId());
        if (!cursors.blockHash(chain.chainId(), height).map(blockHash::equals).orElse(false)) {
            return; // reorged away since: the rescan of the new branch finds what is still there
        }
        Instant now = clock.instant();
        Set<String> touched = new TreeSet<>();
        for (ReceivedOutput r : received) {
            upsert(chain, r, now).confirmIn(height, blockHash);
            touched.add(r.watched().invoiceId());
        }
        refresh(chain, touched, tipHeight(chain), now);
    }

    @Transactional
    public void rewindTo(TrackedChain chain, ChainCursor forkPoint) {
        Instant now = clock.instant();
        cursors.lock(chain.chainId());
        Set<String> touched = new TreeSet<>();
        for (Payment p : payments.confirmedAbove(chain.method(), forkPoint.height())) {
            p.unconfirm();
            touched.add(p.invoiceId());
        }
        cursors.forgetAbove(chain.chainId(), forkPoint.height());
        cursors.move(chain.chainId(), forkPoint, now);
        refresh(chain, touched, forkPoint.height(), now);
    }

    @Transactional
    public void recordUnconfirmed(TrackedChain chain, List<ReceivedOutput> received) {
        // Serialises with other nodes sharing the database: the second one sees the first one's rows instead of
        // failing on a duplicate payment id.
        cursors.lock(chain.chainId());
        Instant now = clock.instant();
        Set<String> touched = new TreeSet<>();
        for (ReceivedOutput r : received) {
            upsert(chain, r, now).seenUnconfirmed();
            touched.add(r.watched().invoiceId());
        }
        refresh(chain, touched, tipHeight(chain), now);
    }

    @Transactional
    public Set<String> unconfirmedTxids(TrackedChain chain) {
        return payments.unconfirmed(chain.method()).stream().map(Payment::txid).collect(Collectors.toSet());
    }

    @Transactional
    public void dropTransactions(TrackedChain chain, Collection<String> txids) {
        cursors.lock(chain.chainId());
        Instant now = clock.instant();
        Set<String> touched = new TreeSet<>();
        for (Payment p : payments.unconfirmedOfTransactions(chain.method(), new HashSet<>(txids))) {
            p.invalidate();
            touched.add(p.invoiceId());
        }
        refresh(chain, touched, tipHeight(chain), now);
    }

    @Transactional
    public Map<String, BigInteger> confirmedByPrompt(TrackedChain chain, Collection<String> promptIds, int height) {
        Map<String, BigInteger> sums = new HashMap<>();
        for (Payment p : payments.confirmedOfPrompts(chain.method(), promptIds, height)) {
            sums.merge(p.promptId(), p.value().units(), BigInteger::add);
        }
        return sums;
    }

    @Transactional
    public List<String> methodsWithHeldPayments() {
        return payments.methodsWithHeldPayments();
    }

    /** Judges the method's held payments again (a chain alert cleared, or a witness caught up), at the cursor. */
    @Transactional
    public void recheckHeld(PaymentMethodId method) {
        TrackedChain chain = new TrackedChain(ChainHeights.chainOf(method), method, 0);
        cursors.lock(chain.chainId());
        refresh(chain, new TreeSet<>(payments.invoicesWithHeldPayments(method)), tipHeight(chain), clock.instant());
    }

    private Payment upsert(TrackedChain chain, ReceivedOutput r, Instant now) {
        String id = Payment.idOf(chain.method(), r.txid(), r.outputIndex());
        return payments.find(id).orElseGet(() -> {
            Payment p = new Payment(chain.method(), r.txid(), r.outputIndex(), r.watched().invoiceId(),
                    r.watched().promptId(), r.watched().destination(), CryptoAmount.ofUnits(r.value(), chain.decimals()),
                    r.replaceable(), now);
            payments.add(p);
            return p;
        });
    }

    private int tipHeight(TrackedChain chain) {
        return cursors.find(chain.chainId()).map(ChainCursor::height).orElse(0);
    }

    /** Sorted ids: invoices are locked in a stable order, so two nodes never deadlock on them. */
    private void refresh(TrackedChain chain, Set<String> invoiceIds, int tipHeight, Instant now) {
        for (String id : new TreeSet<>(invoiceIds)) {
            tracker.refresh(id, chain.method(), tipHeight, now);
        }
    }
}

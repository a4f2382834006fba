package io.chaintill.application.payout;

import io.chaintill.chain.BroadcastRejectedException;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.chain.bitcoin.BitcoinPayoutNode;
import io.chaintill.chain.bitcoin.BitcoinSources;
import io.chaintill.domain.payout.Payout;
import io.chaintill.domain.payout.PayoutBatch;
import io.chaintill.domain.payout.PayoutState;
import io.chaintill.domain.store.Store;
import io.chaintill.persistence.PayoutBatchRepository;
import io.chaintill.persistence.PayoutRepository;
import io.chaintill.persistence.StoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * Watches the transactions of broadcast payout batches on the node: their payouts become Completed once the block
 * holding it has the store's confirmations. A reorg that takes the block away sends the search back to the mempool;
 * a transaction gone from both is relayed again, and only when the node refuses it (its inputs were spent by another
 * transaction) do the payouts return to AwaitingPayment, so nothing is ever paid twice.
 */
@ApplicationScoped
public class BitcoinPayoutWatcher {
    private static final Logger LOG = Logger.getLogger(BitcoinPayoutWatcher.class.getName());
    /** How far back the search for a batch's block goes. */
    static final int SEARCH_BLOCKS = 1000;

    @Inject
    PayoutRepository payouts;
    @Inject
    PayoutBatchRepository batches;
    @Inject
    StoreRepository stores;
    @Inject
    PaymentMethodHandlers handlers;
    @Inject
    BitcoinSources sources;
    @Inject
    Clock clock;

    /** Batches with a payout still InProgress. */
    @Transactional
    public List<String> watched() {
        return payouts.inFlight(BitcoinPayoutBatches.METHOD.toString()).stream()
                .filter(p -> p.state() == PayoutState.InProgress).map(Payout::batchId).flatMap(Optional::stream)
                .distinct().toList();
    }

    @Transactional
    public void check(String batchId) {
        Optional<BitcoinPayoutNode> maybeNode = sources.payoutNode();
        Optional<PayoutBatch> found = batches.findForUpdate(batchId);
        if (maybeNode.isEmpty() || found.isEmpty() || found.get().state() != PayoutBatch.State.Broadcast) {
            return;
        }
        BitcoinPayoutNode node = maybeNode.get();
        PayoutBatch batch = found.get();
        String txid = batch.transactionId().orElseThrow();
        OptionalInt confirmations = OptionalInt.empty();
        if (batch.blockHash().isPresent()) {
            confirmations = node.confirmations(batch.blockHash().get());
            if (confirmations.isEmpty()) {
                LOG.info("payout batch " + batch.id() + ": its block left the main chain");
                batch.minedIn(null, clock.instant());
            }
        }
        if (confirmations.isEmpty() && !node.inMempool(txid)) {
            Optional<String> block = node.blockContaining(txid, batch.broadcastHeight(), SEARCH_BLOCKS);
            if (block.isPresent()) {
                batch.minedIn(block.get(), clock.instant());
                confirmations = node.confirmations(block.get());
            } else if (!relayAgain(node, batch)) {
                dropped(batch);
                return;
            }
        }
        if (confirmations.isPresent() && confirmations.getAsInt() >= required(batch)) {
            for (Payout p : inProgress(batch)) {
                p.transactionConfirmed(clock.instant());
                payouts.save(p);
            }
        }
    }

    private boolean relayAgain(BitcoinPayoutNode node, PayoutBatch batch) {
        try {
            node.broadcast(batch.signedHex().orElseThrow());
            return true;
        } catch (BroadcastRejectedException e) {
            LOG.warning("payout batch " + batch.id() + " is gone and cannot be relayed again: " + e.getMessage());
            return false;
        }
    }

    private void dropped(PayoutBatch batch) {
        for (Payout p : inProgress(batch)) {
            p.transactionDropped(clock.instant());
            p.leaveBatch();
            payouts.save(p);
        }
    }

    private List<Payout> inProgress(PayoutBatch batch) {
        return batch.payoutIds().stream().map(payouts::findForUpdate).flatMap(Optional::stream)
                .filter(p -> p.state() == PayoutState.InProgress && batch.id().equals(p.batchId().orElse(null))).toList();
    }

    private int required(PayoutBatch batch) {
        Store store = stores.find(batch.storeId()).orElseThrow();
        // the batch opts in to replacement, so even HighSpeed waits for one block
        return Math.max(1, handlers.require(BitcoinPayoutBatches.METHOD, "paymentMethod")
                .confirmationsRequired(store.settings().speedPolicy(), true));
    }
}

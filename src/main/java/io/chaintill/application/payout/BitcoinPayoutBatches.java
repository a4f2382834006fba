package io.chaintill.application.payout;

import io.chaintill.application.Authorizer;
import io.chaintill.application.Caller;
import io.chaintill.application.Ids;
import io.chaintill.application.NotFoundException;
import io.chaintill.chain.BroadcastRejectedException;
import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.bitcoin.BitcoinPayoutNode;
import io.chaintill.chain.bitcoin.BitcoinSources;
import io.chaintill.chain.bitcoin.BitcoinTransactions;
import io.chaintill.chain.bitcoin.DerivationScheme;
import io.chaintill.chain.bitcoin.KeyOrigin;
import io.chaintill.chain.bitcoin.PayoutPsbtBuilder;
import io.chaintill.chain.bitcoin.Psbt;
import io.chaintill.chain.bitcoin.SignedPsbtCheck;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payout.Payout;
import io.chaintill.domain.payout.PayoutBatch;
import io.chaintill.domain.payout.PayoutRefusedException;
import io.chaintill.domain.payout.PayoutState;
import io.chaintill.domain.store.PaymentMethodConfig;
import io.chaintill.persistence.PayoutBatchRepository;
import io.chaintill.persistence.PayoutRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bitcoin payouts without a hot wallet: approved payouts become one unsigned PSBT spending the store's own unspent
 * outputs; the merchant's wallet signs it anywhere; the server takes it back only if it is exactly that batch, then
 * finalizes and broadcasts it through its node and moves the payouts to InProgress. The server never holds a key.
 */
@ApplicationScoped
@Transactional
public class BitcoinPayoutBatches {
    public static final int MAX_PAYOUTS = 100;
    static final PaymentMethodId METHOD = PaymentMethodId.BTC_CHAIN;

    @Inject
    Authorizer authorizer;
    @Inject
    PayoutRepository payouts;
    @Inject
    PayoutBatchRepository batches;
    @Inject
    BitcoinSources sources;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "chaintill.network")
    String networkName;
    @Inject
    @ConfigProperty(name = "chaintill.payout.btc.fallback-fee-rate", defaultValue = "2")
    long fallbackFeeRate;
    @Inject
    @ConfigProperty(name = "chaintill.payout.btc.fee-target-blocks", defaultValue = "6")
    int feeTargetBlocks;

    /**
     * A new batch of {@code payoutIds} (null: every approved Bitcoin payout of the store in no open batch, oldest
     * first, at most {@link #MAX_PAYOUTS}), at {@code feeRate} sat/vB (null: the node's estimate).
     */
    public PayoutBatch create(Caller caller, String storeId, List<String> payoutIds, Long feeRate) {
        authorizer.requireAccess(caller, Policy.STORE_MANAGE_PULL_PAYMENTS, storeId);
        PaymentMethodConfig config = batches.lockPaymentMethod(storeId, METHOD)
                .filter(c -> c.derivationScheme() != null)
                .orElseThrow(() -> new InvalidInputException("paymentMethod", "the store has no Bitcoin wallet (BTC-CHAIN) to pay from"));
        List<Payout> chosen = chosen(storeId, payoutIds);
        BitcoinPayoutNode node = node();
        DerivationScheme scheme = DerivationScheme.parse(config.derivationScheme(), network());
        PayoutPsbtBuilder builder = new PayoutPsbtBuilder(scheme, KeyOrigin.of(config.accountKeyPath(), scheme));
        List<PayoutPsbtBuilder.Spendable> unspent = new ArrayList<>();
        for (PayoutBatchRepository.OwnOutput o : batches.candidateOutputs(storeId, METHOD, config.keyId())) {
            // the database knows what paid the store; only the node knows what is still unspent
            if (node.unspent(o.txid(), o.vout())) {
                unspent.add(new PayoutPsbtBuilder.Spendable(o.txid(), o.vout(), o.value(), o.change(), o.index()));
            }
        }
        List<PayoutPsbtBuilder.Payment> payments = chosen.stream().map(p -> new PayoutPsbtBuilder.Payment(p.id(),
                p.destination(), p.payoutAmount().orElseThrow().movePointRight(8).longValueExact())).toList();
        int changeIndex = batches.nextChangeIndex(config.keyId());
        long rate = feeRate != null ? feeRate : node.feeRate(feeTargetBlocks).orElse(fallbackFeeRate);
        PayoutPsbtBuilder.Built built = builder.build(unspent, payments, changeIndex, rate);
        PayoutBatch batch = new PayoutBatch(Ids.newId(), storeId, METHOD.toString(), config.keyId(), built.psbt().toBase64(),
                built.psbt().transaction().txid(), built.inputs().stream().map(PayoutPsbtBuilder.Spendable::outpoint).toList(),
                chosen.stream().map(Payout::id).toList(), built.fee(), changeIndex, built.changeOutput(), built.change(),
                clock.instant());
        batches.add(batch);
        for (Payout p : chosen) {
            p.joinBatch(batch.id());
            payouts.save(p);
        }
        return batch;
    }

    /** Throws unless the caller may manage the store's payouts: checked before the request body is looked at. */
    public void requireManager(Caller caller, String storeId) {
        authorizer.requireAccess(caller, Policy.STORE_MANAGE_PULL_PAYMENTS, storeId);
    }

    public PayoutBatch get(Caller caller, String storeId, String batchId) {
        authorizer.requireAccess(caller, Policy.STORE_MANAGE_PULL_PAYMENTS, storeId);
        return batches.find(batchId).filter(b -> b.storeId().equals(storeId)).orElseThrow(BitcoinPayoutBatches::notFound);
    }

    public List<PayoutBatch> ofStore(Caller caller, String storeId) {
        authorizer.requireAccess(caller, Policy.STORE_MANAGE_PULL_PAYMENTS, storeId);
        return batches.ofStore(storeId, PayoutService.MAX_LIST);
    }

    /** Frees the batch's payouts and inputs for another batch; a broadcast batch cannot be cancelled. */
    public PayoutBatch cancel(Caller caller, String storeId, String batchId) {
        PayoutBatch batch = locked(caller, storeId, batchId);
        batch.cancel(clock.instant());
        for (String id : batch.payoutIds()) {
            payouts.findForUpdate(id).filter(p -> batch.id().equals(p.batchId().orElse(null))).ifPresent(p -> {
                p.leaveBatch();
                payouts.save(p);
            });
        }
        return batch;
    }

    /**
     * Takes the merchant's signed PSBT: refused (nothing broadcast) unless it is exactly this batch and fully signed;
     * otherwise finalized, broadcast, and the payouts move to InProgress. Uploading it again after a broadcast
     * answers the same batch and relays nothing new.
     */
    public PayoutBatch submitSigned(Caller caller, String storeId, String batchId, String signedBase64) {
        PayoutBatch batch = locked(caller, storeId, batchId);
        if (batch.state() == PayoutBatch.State.Broadcast) {
            return batch;
        }
        if (batch.state() != PayoutBatch.State.Open) {
            throw new PayoutRefusedException("invalid-state", "the payout batch is " + batch.state());
        }
        List<Payout> paid = new ArrayList<>();
        for (String id : batch.payoutIds()) {
            Payout p = payouts.findForUpdate(id).orElseThrow(PayoutService::notFound);
            if (p.state() != PayoutState.AwaitingPayment || !batch.id().equals(p.batchId().orElse(null))) {
                throw new PayoutRefusedException("invalid-state", "payout " + id + " is " + p.state()
                        + " now; cancel this batch and build a new one");
            }
            paid.add(p);
        }
        Psbt signed = SignedPsbtCheck.check(Psbt.fromBase64(batch.psbt()), signedBase64, network());
        BitcoinPayoutNode node = node();
        BitcoinPayoutNode.Finalized finalized = node.finalize(signed.toBase64());
        if (!finalized.complete()) {
            throw new InvalidInputException("psbt", "is not fully signed: every input needs the signature of the store's wallet");
        }
        String txid = BitcoinTransactions.parse(HexFormat.of().parseHex(finalized.hex())).getTxId().toString();
        if (!txid.equals(batch.unsignedTxid())) {
            throw new InvalidInputException("psbt", "finalizes to transaction " + txid + ", not this batch's " + batch.unsignedTxid());
        }
        int height = node.height();
        try {
            node.broadcast(finalized.hex());
        } catch (BroadcastRejectedException e) {
            throw new InvalidInputException("psbt", "the node rejected the transaction: " + e.getMessage());
        }
        batch.broadcast(txid, finalized.hex(), height, clock.instant());
        for (Payout p : paid) {
            p.transactionSeen(txid, clock.instant());
            payouts.save(p);
        }
        return batch;
    }

    private List<Payout> chosen(String storeId, List<String> payoutIds) {
        List<Payout> chosen = new ArrayList<>();
        if (payoutIds == null) {
            chosen.addAll(payouts.awaitingPaymentUnbatched(storeId, METHOD.toString()).stream().limit(MAX_PAYOUTS).toList());
        } else {
            if (payoutIds.size() > MAX_PAYOUTS) {
                throw new InvalidInputException("payoutIds", "at most " + MAX_PAYOUTS + " payouts in one batch");
            }
            for (String id : payoutIds) {
                Payout p = payouts.findForUpdate(id).filter(x -> x.storeId().equals(storeId))
                        .orElseThrow(PayoutService::notFound);
                if (!p.payoutMethodId().equals(METHOD)) {
                    throw new InvalidInputException("payoutIds", "payout " + id + " is paid in " + p.payoutMethodId() + ", not BTC-CHAIN");
                }
                if (!chosen.contains(p)) {
                    chosen.add(p);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new InvalidInputException("payoutIds", "no approved Bitcoin payout awaits payment");
        }
        chosen.forEach(p -> {
            if (p.state() != PayoutState.AwaitingPayment || p.batchId().isPresent()) {
                throw new PayoutRefusedException("invalid-state", "payout " + p.id() + " is " + p.state()
                        + (p.batchId().isPresent() ? " in batch " + p.batchId().get() : "") + ", not AwaitingPayment in no batch");
            }
        });
        return chosen;
    }

    private PayoutBatch locked(Caller caller, String storeId, String batchId) {
        authorizer.requireAccess(caller, Policy.STORE_MANAGE_PULL_PAYMENTS, storeId);
        return batches.findForUpdate(batchId).filter(b -> b.storeId().equals(storeId)).orElseThrow(BitcoinPayoutBatches::notFound);
    }

    private BitcoinPayoutNode node() {
        return sources.payoutNode().orElseThrow(() -> new ChainSourceException(
                "payout batches need a bitcoind node (chaintill.btc.rpc.url): it checks outputs unspent and broadcasts"));
    }

    private ChainNetwork network() {
        return ChainNetwork.parse(networkName);
    }

    static NotFoundException notFound() {
        return new NotFoundException("payout-batch-not-found", "payout batch not found");
    }
}

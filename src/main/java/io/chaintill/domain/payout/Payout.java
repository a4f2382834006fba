package io.chaintill.domain.payout;

import io.chaintill.domain.payment.PaymentMethodId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One claim on a pull payment: an amount in the pull payment's currency to one destination. Its state moves only
 * along {@link PayoutTransition}, each move raising the {@link PayoutEvent} that the caller stores with it. The amount
 * to pay in the payout currency is fixed when it is approved, at the rate of that moment.
 */
@Entity
@Table(name = "payout")
public class Payout {
    @Id
    private String id;
    @Column(name = "store_id")
    private String storeId;
    @Column(name = "pull_payment_id")
    private String pullPaymentId;
    private String destination;
    @Column(name = "payout_method_id")
    private String payoutMethodId;
    @Column(name = "original_amount")
    private BigDecimal originalAmount;
    @Column(name = "original_currency")
    private String originalCurrency;
    @Column(name = "payout_amount")
    private BigDecimal payoutAmount;
    private BigDecimal rate;
    @Enumerated(EnumType.STRING)
    private PayoutState state;
    private int revision;
    /** The transaction that pays it, once one is seen or the merchant names one. */
    @Column(name = "transaction_id")
    private String transactionId;
    /** The payout batch (one PSBT) that is to pay it; null when in none. */
    @Column(name = "batch_id")
    private String batchId;
    /** The block holding {@link #transactionId}, while it is on the main chain; null before it is mined. */
    @Column(name = "block_height")
    private Integer blockHeight;
    @Column(name = "block_hash")
    private String blockHash;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;
    @Transient
    private List<PayoutEvent> events = new ArrayList<>();

    protected Payout() {
    }

    /** A claim, awaiting the merchant's approval; the caller approves it at once when the pull payment says so. */
    public static Payout claim(String id, PullPayment pullPayment, String destination, PaymentMethodId method,
                               BigDecimal amount, Instant now) {
        Payout p = new Payout();
        p.id = id;
        p.storeId = pullPayment.storeId();
        p.pullPaymentId = pullPayment.id();
        p.destination = destination;
        p.payoutMethodId = method.toString();
        p.originalAmount = amount;
        p.originalCurrency = pullPayment.currency();
        p.state = PayoutState.AwaitingApproval;
        p.createdAt = now;
        p.updatedAt = now;
        p.record(PayoutEventType.PayoutCreated, now);
        return p;
    }

    /**
     * Fixes the amount to pay: {@code rate} is units of the payout currency per unit of the original currency,
     * rounded down to {@code decimals}; {@code revision} must be the current one when the caller gives it.
     */
    public void approve(BigDecimal rate, int decimals, Integer revision, Instant now) {
        require(PayoutTransition.APPROVED, "approved");
        if (revision != null && revision != this.revision) {
            throw new PayoutRefusedException("old-revision", "the payout is at revision " + this.revision
                    + ", not " + revision);
        }
        if (rate == null || rate.signum() <= 0) {
            throw new PayoutRefusedException("rate-unavailable", "no rate to fix the payout amount with");
        }
        BigDecimal due = originalAmount.multiply(rate).setScale(decimals, RoundingMode.DOWN);
        if (due.signum() <= 0) {
            throw new PayoutRefusedException("amount-too-low", "the payout amount rounds to zero");
        }
        this.rate = rate;
        this.payoutAmount = due;
        move(PayoutTransition.APPROVED, now);
        record(PayoutEventType.PayoutApproved, now);
    }

    public void cancel(Instant now) {
        require(PayoutTransition.CANCELLED, "cancelled");
        move(PayoutTransition.CANCELLED, now);
        record(PayoutEventType.PayoutUpdated, now);
    }

    /**
     * Marked paid by the merchant, with the transaction when they name one. A payout already paid by one
     * transaction cannot be given another as its proof.
     */
    public void markPaid(String transactionId, Instant now) {
        refuseOtherProof(transactionId);
        require(PayoutTransition.MARKED_PAID, "marked paid");
        if (transactionId != null) {
            this.transactionId = transactionId;
        }
        move(PayoutTransition.MARKED_PAID, now);
        record(PayoutEventType.PayoutUpdated, now);
    }

    /**
     * The merchant (or the offline payout tool) says {@code transactionId} pays this payout: it moves to InProgress
     * and the chain watcher confirms it. Recording the same transaction again changes nothing (a re-run after a
     * crash); another transaction is refused, so a payout never carries two payments. Returns true if it moved.
     */
    public boolean recordProof(String transactionId, Instant now) {
        refuseOtherProof(transactionId);
        if (state == PayoutState.AwaitingPayment) {
            return transactionSeen(transactionId, now);
        }
        boolean paid = state == PayoutState.InProgress || state == PayoutState.Completed;
        if (paid && transactionId.equalsIgnoreCase(this.transactionId)) {
            return false;
        }
        throw new PayoutRefusedException("invalid-state", "a payout in state " + state + " cannot be marked InProgress");
    }

    private void refuseOtherProof(String transactionId) {
        if (transactionId != null && this.transactionId != null && !this.transactionId.equalsIgnoreCase(transactionId)) {
            throw new PayoutRefusedException("payout-already-paid", "payout " + id + " is already paid by transaction "
                    + this.transactionId + "; a second, different proof is refused");
        }
    }

    /** Its transaction is in block {@code hash} at {@code height}; both null when a reorg took that block away. */
    public void minedIn(Integer height, String hash) {
        this.blockHeight = height;
        this.blockHash = hash;
    }

    public Optional<Integer> blockHeight() { return Optional.ofNullable(blockHeight); }
    public Optional<String> blockHash() { return Optional.ofNullable(blockHash); }

    /** A transaction paying this payout reached the node (mempool or block). Repeats are ignored. */
    public boolean transactionSeen(String transactionId, Instant now) {
        if (state != PayoutState.AwaitingPayment) {
            return false;
        }
        this.transactionId = transactionId;
        move(PayoutTransition.TRANSACTION_SEEN, now);
        record(PayoutEventType.PayoutUpdated, now);
        return true;
    }

    public boolean transactionConfirmed(Instant now) {
        if (state != PayoutState.InProgress) {
            return false;
        }
        move(PayoutTransition.CONFIRMED, now);
        record(PayoutEventType.PayoutUpdated, now);
        return true;
    }

    /** Its transaction vanished (reorg, replacement): it must be paid again. */
    public boolean transactionDropped(Instant now) {
        if (state != PayoutState.InProgress) {
            return false;
        }
        transactionId = null;
        blockHeight = null;
        blockHash = null;
        move(PayoutTransition.TRANSACTION_DROPPED, now);
        record(PayoutEventType.PayoutUpdated, now);
        return true;
    }

    /** Put in a payout batch: it must await payment and be in no other open batch. */
    public void joinBatch(String batchId) {
        if (state != PayoutState.AwaitingPayment) {
            throw new PayoutRefusedException("invalid-state", "payout " + id + " is " + state + ", not AwaitingPayment");
        }
        if (this.batchId != null) {
            throw new PayoutRefusedException("in-batch", "payout " + id + " is in batch " + this.batchId + " already");
        }
        this.batchId = batchId;
    }

    /** Its batch was cancelled (or replaced by a transaction seen elsewhere): another batch may pay it. */
    public void leaveBatch() {
        batchId = null;
    }

    public Optional<String> batchId() { return Optional.ofNullable(batchId); }

    /** Counts against its pull payment unless cancelled. */
    public boolean claimsPullPayment() {
        return state != PayoutState.Cancelled;
    }

    public List<PayoutEvent> drainEvents() {
        List<PayoutEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }

    private void require(PayoutTransition t, String what) {
        if (!t.allowedFrom(state)) {
            throw new PayoutRefusedException("invalid-state", "a payout in state " + state + " cannot be " + what);
        }
    }

    private void move(PayoutTransition t, Instant now) {
        if (!t.allowedFrom(state)) {
            throw new IllegalStateException(t + " is not allowed from " + state);
        }
        state = t.to();
        updatedAt = now;
    }

    private void record(PayoutEventType type, Instant at) {
        if (events == null) {
            events = new ArrayList<>();
        }
        events.add(new PayoutEvent(type, at, state));
    }

    public String id() { return id; }
    public String storeId() { return storeId; }
    public String pullPaymentId() { return pullPaymentId; }
    public String destination() { return destination; }
    public PaymentMethodId payoutMethodId() { return PaymentMethodId.parse(payoutMethodId, "payoutMethodId"); }
    public BigDecimal originalAmount() { return originalAmount; }
    public String originalCurrency() { return originalCurrency; }
    /** The currency it is paid in: the payout method's. */
    public String payoutCurrency() { return payoutMethodId().currency(); }
    /** Empty until approved. */
    public Optional<BigDecimal> payoutAmount() { return Optional.ofNullable(payoutAmount); }
    public Optional<BigDecimal> rate() { return Optional.ofNullable(rate); }
    public PayoutState state() { return state; }
    public int revision() { return revision; }
    public Optional<String> transactionId() { return Optional.ofNullable(transactionId); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}

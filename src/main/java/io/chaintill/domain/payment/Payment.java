package io.chaintill.domain.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigInteger;
import java.time.Instant;

/**
 * One on-chain output paying an invoice's destination. Its id is the output itself (method, txid, index), so seeing
 * the same output again - after a restart, a reorg, in the mempool and then in a block - never counts it twice.
 */
@Entity
@Table(name = "payment")
public class Payment {
    @Id
    private String id;
    @Column(name = "invoice_id")
    private String invoiceId;
    @Column(name = "prompt_id")
    private String promptId;
    @Column(name = "payment_method_id")
    private String paymentMethodId;
    private String txid;
    @Column(name = "output_index")
    private int outputIndex;
    private String destination;
    @Column(name = "value_units")
    private BigInteger valueUnits;
    private int decimals;
    private boolean replaceable;
    @Column(name = "block_height")
    private Integer blockHeight;
    @Column(name = "block_hash")
    private String blockHash;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "received_announced")
    private boolean receivedAnnounced;
    @Column(name = "settled_announced")
    private boolean settledAnnounced;
    /** Why it is not settled although it has its confirmations (chain integrity); null when not held. */
    @Column(name = "held_reason")
    private String heldReason;
    @Version
    private long version;

    protected Payment() {
    }

    public Payment(PaymentMethodId method, String txid, int outputIndex, String invoiceId, String promptId,
                   String destination, CryptoAmount value, boolean replaceable, Instant receivedAt) {
        this.id = idOf(method, txid, outputIndex);
        this.paymentMethodId = method.toString();
        this.txid = txid;
        this.outputIndex = outputIndex;
        this.invoiceId = invoiceId;
        this.promptId = promptId;
        this.destination = destination;
        this.valueUnits = value.units();
        this.decimals = value.decimals();
        this.replaceable = replaceable;
        this.receivedAt = receivedAt;
        this.status = PaymentStatus.Processing;
    }

    public static String idOf(PaymentMethodId method, String txid, int outputIndex) {
        return method + ":" + txid + ":" + outputIndex;
    }

    /** Mined (again) in a block; a payment the chain had taken back counts again. */
    public void confirmIn(int height, String hash) {
        blockHeight = height;
        blockHash = hash;
        if (status == PaymentStatus.Invalid) {
            status = PaymentStatus.Processing;
        }
    }

    /** Seen in the mempool: revives a payment declared gone too early, never un-confirms a mined one. */
    public void seenUnconfirmed() {
        if (status == PaymentStatus.Invalid) {
            status = PaymentStatus.Processing;
        }
    }

    /** Its block left the best chain (reorg). Its settled event is not repeated if it confirms again. */
    public void unconfirm() {
        blockHeight = null;
        blockHash = null;
        heldReason = null;
        if (status == PaymentStatus.Settled) {
            status = PaymentStatus.Processing;
        }
    }

    /** Replaced, double spent or evicted: it no longer counts. */
    public void invalidate() {
        blockHeight = null;
        blockHash = null;
        heldReason = null;
        status = PaymentStatus.Invalid;
    }

    public int confirmations(int tipHeight) {
        return blockHeight == null || blockHeight > tipHeight ? 0 : tipHeight - blockHeight + 1;
    }

    /** Reached the confirmations its invoice asks for. Returns true the first time, when the event is due. */
    public boolean settle() {
        status = PaymentStatus.Settled;
        boolean first = !settledAnnounced;
        settledAnnounced = true;
        return first;
    }

    /** Not to be settled yet, for {@code reason} (bounded to its column). */
    public void hold(String reason) {
        heldReason = reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }

    public void release() {
        heldReason = null;
    }

    /** Returns true the first time, when InvoiceReceivedPayment is due. */
    public boolean announceReceived() {
        boolean first = !receivedAnnounced;
        receivedAnnounced = true;
        return first;
    }

    public boolean valid() { return status != PaymentStatus.Invalid; }
    public String id() { return id; }
    /** Greenfield's payment id: txid-vout. */
    public String publicId() { return txid + "-" + outputIndex; }
    public String invoiceId() { return invoiceId; }
    public String promptId() { return promptId; }
    public PaymentMethodId paymentMethodId() { return PaymentMethodId.parse(paymentMethodId, "paymentMethodId"); }
    public String txid() { return txid; }
    public int outputIndex() { return outputIndex; }
    public String destination() { return destination; }
    public CryptoAmount value() { return CryptoAmount.ofUnits(valueUnits, decimals); }
    public boolean replaceable() { return replaceable; }
    public Integer blockHeight() { return blockHeight; }
    public String blockHash() { return blockHash; }
    public boolean held() { return heldReason != null; }
    public String heldReason() { return heldReason; }
    public PaymentStatus status() { return status; }
    public Instant receivedAt() { return receivedAt; }
}

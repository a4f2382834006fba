package io.chaintill.domain.payout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Approved Bitcoin payouts paid together by one transaction: the server keeps the unsigned PSBT it built (the only
 * transaction it will broadcast for them), the outputs it spends and the change it sends back to the store's key.
 * Open until the signed PSBT is broadcast or the merchant cancels it (which frees its payouts and inputs).
 */
@Entity
@Table(name = "payout_batch")
public class PayoutBatch {
    public enum State { Open, Broadcast, Cancelled }

    @Id
    private String id;
    @Column(name = "store_id")
    private String storeId;
    @Column(name = "payment_method_id")
    private String paymentMethodId;
    @Column(name = "key_id")
    private String keyId;
    @Enumerated(EnumType.STRING)
    private State state;
    private String psbt;
    @Column(name = "unsigned_txid")
    private String unsignedTxid;
    /** Outpoints (txid:vout) it spends, comma separated. */
    private String inputs;
    @Column(name = "payout_ids")
    private String payoutIds;
    @Column(name = "fee_units")
    private long feeUnits;
    @Column(name = "change_index")
    private int changeIndex;
    /** Index of the change output in the transaction; -1 when there is none. */
    @Column(name = "change_output")
    private int changeOutput;
    @Column(name = "change_units")
    private long changeUnits;
    @Column(name = "transaction_id")
    private String transactionId;
    /** The finalized transaction as broadcast, kept to relay it again if it drops out of the mempool. */
    @Column(name = "signed_hex")
    private String signedHex;
    /** The node's height when it was broadcast: where the search for its block starts. */
    @Column(name = "broadcast_height")
    private Integer broadcastHeight;
    /** The block it was found in; null while unconfirmed (or after a reorg took that block away). */
    @Column(name = "block_hash")
    private String blockHash;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected PayoutBatch() {
    }

    public PayoutBatch(String id, String storeId, String paymentMethodId, String keyId, String psbt, String unsignedTxid,
                       List<String> inputs, List<String> payoutIds, long feeUnits, int changeIndex, int changeOutput,
                       long changeUnits, Instant now) {
        this.id = id;
        this.storeId = storeId;
        this.paymentMethodId = paymentMethodId;
        this.keyId = keyId;
        this.state = State.Open;
        this.psbt = psbt;
        this.unsignedTxid = unsignedTxid;
        this.inputs = String.join(",", inputs);
        this.payoutIds = String.join(",", payoutIds);
        this.feeUnits = feeUnits;
        this.changeIndex = changeIndex;
        this.changeOutput = changeOutput;
        this.changeUnits = changeUnits;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void broadcast(String txid, String hex, int height, Instant now) {
        requireOpen("broadcast");
        transactionId = txid;
        signedHex = hex;
        broadcastHeight = height;
        state = State.Broadcast;
        updatedAt = now;
    }

    /** Found in a block ({@code null}: that block left the main chain). */
    public void minedIn(String hash, Instant now) {
        blockHash = hash;
        updatedAt = now;
    }

    public void cancel(Instant now) {
        requireOpen("cancelled");
        state = State.Cancelled;
        updatedAt = now;
    }

    private void requireOpen(String what) {
        if (state != State.Open) {
            throw new PayoutRefusedException("invalid-state", "a payout batch in state " + state + " cannot be " + what);
        }
    }

    public String id() { return id; }
    public String storeId() { return storeId; }
    public String paymentMethodId() { return paymentMethodId; }
    public String keyId() { return keyId; }
    public State state() { return state; }
    /** The unsigned PSBT, base64. */
    public String psbt() { return psbt; }
    public String unsignedTxid() { return unsignedTxid; }
    public List<String> inputs() { return split(inputs); }
    public List<String> payoutIds() { return split(payoutIds); }
    public long feeUnits() { return feeUnits; }
    public int changeIndex() { return changeIndex; }
    public int changeOutput() { return changeOutput; }
    public long changeUnits() { return changeUnits; }
    public Optional<String> transactionId() { return Optional.ofNullable(transactionId); }
    public Optional<String> signedHex() { return Optional.ofNullable(signedHex); }
    public int broadcastHeight() { return broadcastHeight == null ? 0 : broadcastHeight; }
    public Optional<String> blockHash() { return Optional.ofNullable(blockHash); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}

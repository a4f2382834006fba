package io.chaintill.domain.payout;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payment.PaymentMethodId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A promise to pay up to {@code amount} of {@code currency} to whoever claims it, in one of its payout methods
 * (Greenfield's pull payment; a refund is one). Claims become {@link Payout}s; {@link #checkClaim} decides whether
 * a claim fits, given what the earlier payouts already took.
 */
@Entity
@Table(name = "pull_payment")
public class PullPayment {
    @Id
    private String id;
    @Column(name = "store_id")
    private String storeId;
    private String name;
    private String description;
    private BigDecimal amount;
    private String currency;
    /** Comma-separated payout method ids (BTC-CHAIN,...). */
    @Column(name = "payout_methods")
    private String payoutMethods;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "auto_approve_claims")
    private boolean autoApproveClaims;
    private boolean archived;
    /** The invoice this pull payment refunds; null for any other pull payment. */
    @Column(name = "invoice_id")
    private String invoiceId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected PullPayment() {
    }

    public static PullPayment create(String id, String storeId, PullPaymentTerms terms, Instant now) {
        PullPayment p = new PullPayment();
        p.id = id;
        p.storeId = storeId;
        p.name = terms.name();
        p.description = terms.description();
        p.amount = terms.amount();
        p.currency = terms.currency();
        p.payoutMethods = String.join(",", terms.payoutMethods().stream().map(PaymentMethodId::toString).toList());
        p.startsAt = terms.startsAt() == null ? now : terms.startsAt();
        p.expiresAt = terms.expiresAt();
        p.autoApproveClaims = terms.autoApproveClaims();
        p.invoiceId = terms.invoiceId();
        p.createdAt = now;
        return p;
    }

    /**
     * Refuses a claim of {@code claimed} (in this pull payment's currency) paid by {@code method} with BTCPay's
     * well-known codes; {@code alreadyClaimed} is the sum of the original amounts of its payouts not cancelled.
     */
    public void checkClaim(PaymentMethodId method, BigDecimal claimed, BigDecimal alreadyClaimed, Instant now) {
        if (archived) {
            throw new PayoutRefusedException("archived", "the pull payment is archived");
        }
        if (now.isBefore(startsAt)) {
            throw new PayoutRefusedException("not-started", "the pull payment has not started yet");
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            throw new PayoutRefusedException("expired", "the pull payment has expired");
        }
        if (!payoutMethods().contains(method)) {
            throw new InvalidInputException("payoutMethodId", "this pull payment is not paid in " + method
                    + " (it is paid in " + payoutMethods + ")");
        }
        if (claimed.signum() <= 0) {
            throw new InvalidInputException("amount", "must be positive");
        }
        if (alreadyClaimed.add(claimed).compareTo(amount) > 0) {
            throw new PayoutRefusedException("overdraft", "the claim exceeds what is left of the pull payment ("
                    + remaining(alreadyClaimed).toPlainString() + " " + currency + ")");
        }
    }

    /** What is left to claim after {@code alreadyClaimed}; never negative. */
    public BigDecimal remaining(BigDecimal alreadyClaimed) {
        return amount.subtract(alreadyClaimed).max(BigDecimal.ZERO);
    }

    public void archive() {
        archived = true;
    }

    public List<PaymentMethodId> payoutMethods() {
        return payoutMethods == null || payoutMethods.isEmpty() ? List.of()
                : Arrays.stream(payoutMethods.split(",")).map(m -> PaymentMethodId.parse(m, "payoutMethods")).toList();
    }

    public String id() { return id; }
    public String storeId() { return storeId; }
    public String name() { return name; }
    public String description() { return description; }
    public BigDecimal amount() { return amount; }
    public String currency() { return currency; }
    public Instant startsAt() { return startsAt; }
    public Optional<Instant> expiresAt() { return Optional.ofNullable(expiresAt); }
    public boolean autoApproveClaims() { return autoApproveClaims; }
    public boolean archived() { return archived; }
    public Optional<String> invoiceId() { return Optional.ofNullable(invoiceId); }
    public Instant createdAt() { return createdAt; }
}

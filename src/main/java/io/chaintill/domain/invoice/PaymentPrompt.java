package io.chaintill.domain.invoice;

import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.PaymentMethodId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * How one payment method asks the buyer to pay an invoice: a destination reserved for this invoice alone, the rate
 * and the crypto amount fixed at creation. {@code dueUnits} is null for top-up invoices (any amount).
 */
@Entity
@Table(name = "payment_prompt")
public class PaymentPrompt {
    @Id
    private String id;
    // Lazy: a prompt is read through its invoice (whose prompts are batch-fetched) or for its destination alone; an
    // eager back reference re-read every listed invoice by id, one query each (found in the reads benchmark's SQL).
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;
    @Column(name = "invoice_id", insertable = false, updatable = false)
    private String invoiceId;
    @Column(name = "payment_method_id")
    private String paymentMethodId;
    /** {@link #paymentMethodId} parsed once: every answer asks for it, and parsing is a regular expression. */
    @Transient
    private PaymentMethodId parsedMethodId;
    private String currency;
    private int decimals;
    private String destination;
    @Column(name = "key_id")
    private String keyId;
    @Column(name = "derivation_index")
    private int derivationIndex;
    private BigDecimal rate;
    @Column(name = "due_units")
    private BigInteger dueUnits;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "payment_tolerance")
    private BigDecimal paymentTolerance;

    protected PaymentPrompt() {
    }

    PaymentPrompt(String id, Invoice invoice, PaymentMethodId method, String destination, String keyId,
                  int derivationIndex, BigDecimal rate, CryptoAmount due, int decimals, BigDecimal paymentTolerance,
                  Instant createdAt) {
        this.id = id;
        this.invoice = invoice;
        this.invoiceId = invoice.id();
        this.paymentMethodId = method.toString();
        this.currency = method.currency();
        this.decimals = decimals;
        this.destination = destination;
        this.keyId = keyId;
        this.derivationIndex = derivationIndex;
        this.rate = rate;
        this.dueUnits = due == null ? null : due.units();
        this.createdAt = createdAt;
        this.paymentTolerance = paymentTolerance;
    }

    public String id() { return id; }
    public String invoiceId() { return invoiceId; }
    public PaymentMethodId paymentMethodId() {
        if (parsedMethodId == null) { // a race parses twice and stores equal values
            parsedMethodId = PaymentMethodId.parse(paymentMethodId, "paymentMethodId");
        }
        return parsedMethodId;
    }
    public String currency() { return currency; }
    public int decimals() { return decimals; }
    public String destination() { return destination; }
    public String keyId() { return keyId; }
    public int derivationIndex() { return derivationIndex; }
    public BigDecimal rate() { return rate; }
    public Instant createdAt() { return createdAt; }
    /** The payment method's own tolerance fixed at creation; null when the invoice's applies. */
    public BigDecimal paymentTolerance() { return paymentTolerance; }

    /** Null for a top-up invoice. */
    public CryptoAmount due() {
        return dueUnits == null ? null : CryptoAmount.ofUnits(dueUnits, decimals);
    }
}

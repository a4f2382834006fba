package io.chaintill.domain.invoice;

import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payment.Price;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The invoice aggregate. Its status moves only through the methods below, each along a row of
 * {@link InvoiceTransition}, and each move records the {@link InvoiceEvent} it causes; the caller persists the
 * invoice and {@link #drainEvents()} in one transaction.
 */
@Entity
@Table(name = "invoice")
public class Invoice {
    @Id
    private String id;
    @Column(name = "store_id")
    private String storeId;
    private BigDecimal amount;
    private String currency;
    @Column(name = "metadata_json")
    private String metadataJson;
    @Column(name = "order_id")
    private String orderId;
    /** Lazy, and read by nothing but the text search's SQL (InvoicePageSql); written with the invoice. */
    @ElementCollection
    @CollectionTable(name = "invoice_search_term", joinColumns = @JoinColumn(name = "invoice_id"))
    @Column(name = "term")
    private Set<String> searchTerms = new HashSet<>();
    @Embedded
    private CheckoutOptions checkout;
    @Embedded
    private ReceiptOptions receipt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "monitoring_ends_at")
    private Instant monitoringEndsAt;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "additional_status")
    private AdditionalStatus additionalStatus;
    private boolean archived;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Version
    private long version;
    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt")
    private List<PaymentPrompt> prompts = new ArrayList<>();
    @Transient
    private List<InvoiceEvent> events = new ArrayList<>();

    protected Invoice() {
    }

    /** A new invoice; {@code price} null means a top-up invoice priced in {@code currency}. */
    public static Invoice create(String id, String storeId, Price price, String currency, String metadataJson,
                                 String orderId, List<String> searchValues, CheckoutOptions checkout, Instant now,
                                 String idempotencyKey) {
        Invoice i = new Invoice();
        i.id = id;
        i.storeId = storeId;
        i.amount = price == null ? null : price.amount();
        i.currency = currency;
        i.metadataJson = metadataJson;
        i.orderId = orderId;
        i.searchTerms.addAll(SearchTerms.of(id, searchValues));
        i.checkout = checkout;
        i.createdAt = now;
        i.expiresAt = now.plus(Duration.ofMinutes(checkout.expirationMinutes()));
        i.monitoringEndsAt = i.expiresAt.plus(Duration.ofMinutes(checkout.monitoringMinutes()));
        i.status = InvoiceStatus.New;
        i.additionalStatus = AdditionalStatus.None;
        i.idempotencyKey = idempotencyKey;
        i.record(InvoiceEventType.InvoiceCreated, now, Map.of());
        return i;
    }

    /** Set while the invoice is issued, before it is saved. */
    public void offerReceipt(ReceiptOptions options) {
        this.receipt = options;
    }

    public PaymentPrompt addPrompt(String promptId, PaymentMethodId method, String destination, String keyId,
                                   int derivationIndex, BigDecimal rate, CryptoAmount due, int decimals) {
        return addPrompt(promptId, method, destination, keyId, derivationIndex, rate, due, decimals, null);
    }

    /** @param paymentTolerance the method's own tolerance (percent), or null for the invoice's */
    public PaymentPrompt addPrompt(String promptId, PaymentMethodId method, String destination, String keyId,
                                   int derivationIndex, BigDecimal rate, CryptoAmount due, int decimals,
                                   BigDecimal paymentTolerance) {
        PaymentPrompt p = new PaymentPrompt(promptId, this, method, destination, keyId, derivationIndex, rate, due,
                decimals, paymentTolerance, createdAt.plusMillis(prompts.size()));
        prompts.add(p);
        return p;
    }

    /** New -> Expired once the expiration time has passed; partial payments stay visible as PaidPartial. */
    public boolean expireIfDue(Instant now) {
        if (status != InvoiceStatus.New || now.isBefore(expiresAt)) {
            return false;
        }
        move(InvoiceTransition.EXPIRED);
        record(InvoiceEventType.InvoiceExpired, now, Map.of("partiallyPaid", additionalStatus == AdditionalStatus.PaidPartial));
        return true;
    }

    /** Processing -> Invalid when the monitoring window closes before the payment confirmed. */
    public boolean endMonitoringIfDue(Instant now) {
        if (status != InvoiceStatus.Processing || now.isBefore(monitoringEndsAt)) {
            return false;
        }
        move(InvoiceTransition.MONITORING_ENDED);
        additionalStatus = AdditionalStatus.Invalid;
        record(InvoiceEventType.InvoiceInvalid, now, Map.of("manuallyMarked", false));
        return true;
    }

    public void markSettled(Instant now) {
        requireMarkable(InvoiceTransition.MARKED_SETTLED, "Settled");
        move(InvoiceTransition.MARKED_SETTLED);
        additionalStatus = AdditionalStatus.Marked;
        record(InvoiceEventType.InvoiceSettled, now, Map.of("manuallyMarked", true, "overPaid", false));
    }

    public void markInvalid(Instant now) {
        requireMarkable(InvoiceTransition.MARKED_INVALID, "Invalid");
        move(InvoiceTransition.MARKED_INVALID);
        additionalStatus = AdditionalStatus.Marked;
        record(InvoiceEventType.InvoiceInvalid, now, Map.of("manuallyMarked", true));
    }

    /** Greenfield's availableStatusesForManualMarking. */
    public Set<InvoiceStatus> statusesForManualMarking() {
        Set<InvoiceStatus> s = EnumSet.noneOf(InvoiceStatus.class);
        if (InvoiceTransition.MARKED_SETTLED.allowedFrom(status)) {
            s.add(InvoiceStatus.Settled);
        }
        if (InvoiceTransition.MARKED_INVALID.allowedFrom(status)) {
            s.add(InvoiceStatus.Invalid);
        }
        return s;
    }

    /**
     * Lets the status follow what the chain says: full payment moves New/Expired to Processing, enough
     * confirmations to Settled, and a payment that vanished (reorg, double spend) moves Processing back.
     */
    public void onPayments(PaymentTotals totals, Instant now) {
        onPayments(totals, null, now);
    }

    /**
     * As {@link #onPayments(PaymentTotals, Instant)} for payments of a method with its own tolerance
     * ({@link PaymentPrompt#paymentTolerance()}); null means the invoice's.
     */
    public void onPayments(PaymentTotals totals, BigDecimal methodTolerance, Instant now) {
        if (status == InvoiceStatus.Settled || status == InvoiceStatus.Invalid) {
            return;
        }
        boolean topUp = totals.due() == null;
        boolean any = totals.received().isPositive();
        CryptoAmount threshold = topUp ? null : totals.due().lessPercent(methodTolerance == null ? tolerance() : methodTolerance);
        // nothing received is never "paid", even when a 100% tolerance brings the threshold down to zero
        boolean full = any && (topUp || totals.received().compareTo(threshold) >= 0);
        boolean confirmed = totals.confirmed().isPositive() && (topUp
                ? totals.confirmed().compareTo(totals.received()) >= 0
                : totals.confirmed().compareTo(threshold) >= 0);
        boolean over = !topUp && totals.received().compareTo(totals.due()) > 0;
        switch (status) {
            case New -> {
                if (!full) {
                    additionalStatus = any ? AdditionalStatus.PaidPartial : AdditionalStatus.None;
                    return;
                }
                move(InvoiceTransition.PAID_IN_FULL);
                additionalStatus = over ? AdditionalStatus.PaidOver : AdditionalStatus.None;
                record(InvoiceEventType.InvoiceProcessing, now, Map.of("overPaid", over));
            }
            case Expired -> {
                if (!full || !now.isBefore(monitoringEndsAt)) {
                    additionalStatus = any ? AdditionalStatus.PaidPartial : AdditionalStatus.None;
                    return;
                }
                move(InvoiceTransition.PAID_LATE);
                additionalStatus = AdditionalStatus.PaidLate;
                record(InvoiceEventType.InvoiceProcessing, now, Map.of("overPaid", over));
            }
            case Processing -> {
                if (!full) {
                    movePaymentRemoved(any, now);
                    return;
                }
                if (additionalStatus != AdditionalStatus.PaidLate) {
                    additionalStatus = over ? AdditionalStatus.PaidOver : AdditionalStatus.None;
                }
            }
            default -> {
                return;
            }
        }
        if (status == InvoiceStatus.Processing && confirmed) {
            move(InvoiceTransition.CONFIRMED);
            record(InvoiceEventType.InvoiceSettled, now, Map.of("manuallyMarked", false, "overPaid", over));
        }
    }

    /** InvoiceReceivedPayment: a payment was seen (any confirmations). Does not move the status by itself. */
    public void recordPaymentReceived(PaymentDetails payment, Instant now) {
        record(InvoiceEventType.InvoiceReceivedPayment, now, paymentEventData(payment, now));
    }

    /** InvoicePaymentSettled: a payment reached the confirmations the invoice's speed policy asks for. */
    public void recordPaymentSettled(PaymentDetails payment, Instant now) {
        record(InvoiceEventType.InvoicePaymentSettled, now, paymentEventData(payment, now));
    }

    private Map<String, Object> paymentEventData(PaymentDetails p, Instant now) {
        Map<String, Object> payment = new java.util.LinkedHashMap<>();
        payment.put("id", p.id());
        payment.put("receivedDate", p.receivedDate().getEpochSecond());
        payment.put("value", p.value());
        // no "fee": a watch-only server does not know it, and the webhook schema says absent when unknown
        payment.put("status", p.status());
        payment.put("destination", p.destination());
        return Map.of("afterExpiration", !now.isBefore(expiresAt), "paymentMethodId", p.paymentMethodId(),
                "payment", payment);
    }

    private void movePaymentRemoved(boolean anyLeft, Instant now) {
        AdditionalStatus left = anyLeft ? AdditionalStatus.PaidPartial : AdditionalStatus.None;
        if (now.isBefore(expiresAt)) {
            move(InvoiceTransition.PAYMENT_REMOVED);
            additionalStatus = left;
            record(InvoiceEventType.InvoicePaymentRemoved, now, Map.of("partiallyPaid", anyLeft));
        } else {
            move(InvoiceTransition.PAYMENT_REMOVED_AFTER_EXPIRY);
            additionalStatus = left;
            record(InvoiceEventType.InvoiceExpired, now, Map.of("partiallyPaid", anyLeft));
        }
    }

    public void replaceMetadata(String metadataJson, String orderId, List<String> searchValues) {
        this.metadataJson = metadataJson;
        this.orderId = orderId;
        Set<String> terms = SearchTerms.of(id, searchValues);
        searchTerms.retainAll(terms); // only the rows that change are written
        searchTerms.addAll(terms);
    }

    public void archive(boolean archived) {
        this.archived = archived;
    }

    /** Events raised since the last call; the caller stores them with the invoice. */
    public List<InvoiceEvent> drainEvents() {
        List<InvoiceEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }

    private void requireMarkable(InvoiceTransition t, String target) {
        if (!t.allowedFrom(status)) {
            throw new InvoiceStateException("an invoice in status " + status + " cannot be marked " + target);
        }
    }

    private void move(InvoiceTransition t) {
        if (!t.allowedFrom(status)) {
            throw new IllegalStateException(t + " is not allowed from " + status);
        }
        status = t.to();
    }

    private void record(InvoiceEventType type, Instant at, Map<String, Object> data) {
        if (events == null) {
            events = new ArrayList<>();
        }
        events.add(new InvoiceEvent(type, at, data));
    }

    private BigDecimal tolerance() {
        return checkout.paymentTolerance() == null ? BigDecimal.ZERO : checkout.paymentTolerance();
    }

    public String id() { return id; }
    public String storeId() { return storeId; }
    /** Empty for a top-up invoice. */
    public Optional<BigDecimal> amount() { return Optional.ofNullable(amount); }
    public String currency() { return currency; }
    public String metadataJson() { return metadataJson; }
    public String orderId() { return orderId; }
    public CheckoutOptions checkout() { return checkout; }
    /** The receipt options the shop gave; {@link ReceiptOptions#NONE} when it gave none. */
    public ReceiptOptions receipt() { return receipt == null ? ReceiptOptions.NONE : receipt; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant monitoringEndsAt() { return monitoringEndsAt; }
    public InvoiceStatus status() { return status; }
    public AdditionalStatus additionalStatus() { return additionalStatus; }
    public boolean archived() { return archived; }
    public String idempotencyKey() { return idempotencyKey; }
    public List<PaymentPrompt> prompts() { return List.copyOf(prompts); }

    public Optional<PaymentPrompt> prompt(PaymentMethodId method) {
        return prompts.stream().filter(p -> p.paymentMethodId().equals(method)).findFirst();
    }
}

package io.chaintill.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event on its way to one webhook, with the exact body that goes on the wire (signed afresh at each attempt).
 * Created Pending; each attempt is claimed with a lease (see {@link #claim}) and ends Delivered, Failed or
 * Pending again with a later {@code nextAttemptAt}.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {
    @Id
    private String id;
    @Column(name = "webhook_id")
    private String webhookId;
    @Column(name = "store_id")
    private String storeId;
    @Column(name = "invoice_id")
    private String invoiceId;
    @Column(name = "event_id")
    private long eventId;
    @Column(name = "event_type")
    private String eventType;
    @Column(name = "original_delivery_id")
    private String originalDeliveryId;
    private boolean redelivery;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;
    private String body;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "first_attempt_at")
    private Instant firstAttemptAt;
    @Column(name = "attempt_count")
    private int attemptCount;
    @Column(name = "last_http_code")
    private Integer lastHttpCode;
    @Column(name = "last_error")
    private String lastError;
    /** Set, and webhookId null, for an IPN: an http(s) URL or a mailto: address of the invoice's own (BitpayIpn). */
    private String target;

    protected WebhookDelivery() {
    }

    /**
     * A delivery due now. {@code originalDeliveryId} equals {@code id} for an event's first delivery and names
     * that first delivery for a redelivery.
     */
    public WebhookDelivery(String id, String originalDeliveryId, String webhookId, String storeId, String invoiceId,
                           long eventId, String eventType, String body, Instant now) {
        this.id = id;
        this.originalDeliveryId = originalDeliveryId;
        this.redelivery = !id.equals(originalDeliveryId);
        this.webhookId = webhookId;
        this.storeId = storeId;
        this.invoiceId = invoiceId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.body = body;
        this.status = DeliveryStatus.Pending;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** An invoice's BitPay-style notification to its own target (no webhook: unsigned, always retried). */
    public static WebhookDelivery ipn(String id, String target, String storeId, String invoiceId, long eventId,
                                      String eventType, String body, Instant now) {
        WebhookDelivery d = new WebhookDelivery(id, id, null, storeId, invoiceId, eventId, eventType, body, now);
        d.target = target;
        return d;
    }

    /**
     * Starts an attempt: pushes {@code nextAttemptAt} to the lease expiry, so the row is not due while the request
     * is in flight, yet becomes due again by itself if this node dies before recording the outcome.
     * Returns the attempt number, which also tells a late outcome from a stale lease apart (see {@link #isAttempt}).
     */
    public int claim(Instant now, Instant leaseUntil) {
        if (firstAttemptAt == null) {
            firstAttemptAt = now;
        }
        attemptCount++;
        nextAttemptAt = leaseUntil;
        return attemptCount;
    }

    /** True when {@code attemptNumber} is still the latest claim, i.e. no other node took over after our lease ran out. */
    public boolean isAttempt(int attemptNumber) {
        return status == DeliveryStatus.Pending && attemptCount == attemptNumber;
    }

    public void apply(AttemptOutcome outcome, RetryDecision decision) {
        lastHttpCode = outcome.httpStatus();
        lastError = decision.kind() == RetryDecision.Kind.FAILED && outcome.error() == null ? decision.reason() : outcome.error();
        switch (decision.kind()) {
            case DELIVERED -> status = DeliveryStatus.Delivered;
            case FAILED -> status = DeliveryStatus.Failed;
            case RETRY -> nextAttemptAt = decision.nextAttemptAt();
        }
    }

    /** Ends a delivery that will never be attempted (its webhook was disabled while it waited). */
    public void abandon(String reason) {
        status = DeliveryStatus.Failed;
        lastError = reason;
    }

    public String id() { return id; }
    public String webhookId() { return webhookId; }
    public String storeId() { return storeId; }
    public String invoiceId() { return invoiceId; }
    public long eventId() { return eventId; }
    public String eventType() { return eventType; }
    public String originalDeliveryId() { return originalDeliveryId; }
    public boolean redelivery() { return redelivery; }
    public DeliveryStatus status() { return status; }
    /** The request body, or null once the retention period has pruned it. */
    public String body() { return body; }
    public Instant createdAt() { return createdAt; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Instant firstAttemptAt() { return firstAttemptAt; }
    public int attemptCount() { return attemptCount; }
    public Integer lastHttpCode() { return lastHttpCode; }
    public String lastError() { return lastError; }
    /** Null for a webhook's delivery. */
    public String target() { return target; }
}

package io.chaintill.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One HTTP try of a delivery, kept for the merchant's delivery log: when, how long, and what came back. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {
    @Id
    private String id;
    @Column(name = "delivery_id")
    private String deliveryId;
    @Column(name = "attempted_at")
    private Instant attemptedAt;
    @Column(name = "latency_ms")
    private long latencyMs;
    @Column(name = "http_code")
    private Integer httpCode;
    private String error;

    protected WebhookAttempt() {
    }

    public WebhookAttempt(String id, String deliveryId, Instant attemptedAt, AttemptOutcome outcome) {
        this.id = id;
        this.deliveryId = deliveryId;
        this.attemptedAt = attemptedAt;
        this.latencyMs = outcome.latencyMs();
        this.httpCode = outcome.httpStatus();
        this.error = outcome.error();
    }

    public String id() { return id; }
    public String deliveryId() { return deliveryId; }
    public Instant attemptedAt() { return attemptedAt; }
    public long latencyMs() { return latencyMs; }
    public Integer httpCode() { return httpCode; }
    public String error() { return error; }
}

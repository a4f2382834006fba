package io.chaintill.domain.store;

import io.chaintill.domain.payment.SpeedPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A merchant's shop: its defaults for new invoices and who owns it. */
@Entity
@Table(name = "store")
public class Store {
    @Id
    private String id;
    private String name;
    private String website;
    @Column(name = "owner_user_id")
    private String ownerUserId;
    @Column(name = "default_currency")
    private String defaultCurrency;
    @Enumerated(EnumType.STRING)
    @Column(name = "speed_policy")
    private SpeedPolicy speedPolicy;
    @Column(name = "invoice_expiration_s")
    private int invoiceExpirationSeconds;
    @Column(name = "monitoring_expiration_s")
    private int monitoringExpirationSeconds;
    @Column(name = "payment_tolerance")
    private BigDecimal paymentTolerance;
    /** The width of the rate_providers column, which holds them comma-joined. */
    public static final int MAX_RATE_PROVIDERS_LENGTH = 500;
    /** Comma-separated rate provider ids in fallback order; null = server default. */
    @Column(name = "rate_providers")
    private String rateProviders;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Store() {
    }

    public Store(String id, String ownerUserId, StoreSettings settings, Instant createdAt) {
        this.id = id;
        this.ownerUserId = ownerUserId;
        this.createdAt = createdAt;
        apply(settings);
    }

    public void apply(StoreSettings s) {
        this.name = s.name();
        this.website = s.website();
        this.defaultCurrency = s.defaultCurrency();
        this.speedPolicy = s.speedPolicy();
        this.invoiceExpirationSeconds = s.invoiceExpirationSeconds();
        this.monitoringExpirationSeconds = s.monitoringExpirationSeconds();
        this.paymentTolerance = s.paymentTolerance();
        this.rateProviders = s.rateProviders().isEmpty() ? null : String.join(",", s.rateProviders());
    }

    public StoreSettings settings() {
        return new StoreSettings(name, website, defaultCurrency, speedPolicy, invoiceExpirationSeconds,
                monitoringExpirationSeconds, paymentTolerance, rateProviderList());
    }

    private List<String> rateProviderList() {
        return rateProviders == null ? List.of() : Arrays.asList(rateProviders.split(","));
    }

    public String id() { return id; }
    public String ownerUserId() { return ownerUserId; }
    public Instant createdAt() { return createdAt; }
}

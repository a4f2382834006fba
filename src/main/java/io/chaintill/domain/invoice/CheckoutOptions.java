package io.chaintill.domain.invoice;

import io.chaintill.domain.payment.SpeedPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** The checkout settings an invoice was created with (Greenfield's {@code checkout} object). */
@Embeddable
public class CheckoutOptions {
    @Enumerated(EnumType.STRING)
    @Column(name = "speed_policy")
    private SpeedPolicy speedPolicy;
    @Column(name = "payment_tolerance")
    private BigDecimal paymentTolerance;
    @Column(name = "redirect_url")
    private String redirectUrl;
    @Column(name = "redirect_automatically")
    private boolean redirectAutomatically;
    @Column(name = "default_language")
    private String defaultLanguage;
    @Column(name = "default_payment_method")
    private String defaultPaymentMethod;
    @Column(name = "expiration_minutes")
    private int expirationMinutes;
    @Column(name = "monitoring_minutes")
    private int monitoringMinutes;

    protected CheckoutOptions() {
    }

    public CheckoutOptions(SpeedPolicy speedPolicy, BigDecimal paymentTolerance, String redirectUrl,
                           boolean redirectAutomatically, String defaultLanguage, String defaultPaymentMethod,
                           int expirationMinutes, int monitoringMinutes) {
        this.speedPolicy = speedPolicy;
        this.paymentTolerance = paymentTolerance;
        this.redirectUrl = redirectUrl;
        this.redirectAutomatically = redirectAutomatically;
        this.defaultLanguage = defaultLanguage;
        this.defaultPaymentMethod = defaultPaymentMethod;
        this.expirationMinutes = expirationMinutes;
        this.monitoringMinutes = monitoringMinutes;
    }

    public SpeedPolicy speedPolicy() { return speedPolicy; }
    public BigDecimal paymentTolerance() { return paymentTolerance; }
    public String redirectUrl() { return redirectUrl; }
    public boolean redirectAutomatically() { return redirectAutomatically; }
    public String defaultLanguage() { return defaultLanguage; }
    public String defaultPaymentMethod() { return defaultPaymentMethod; }
    public int expirationMinutes() { return expirationMinutes; }
    public int monitoringMinutes() { return monitoringMinutes; }
}

package io.chaintill.domain.invoice;

import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.Price;
import io.chaintill.domain.payment.SpeedPolicy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Invoices and payment totals with fixed instants for the invoice tests. */
final class InvoiceFixtures {
    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    static final int EXPIRATION_MINUTES = 15;
    static final int MONITORING_MINUTES = 60;
    /** Expiration time of fixture invoices. */
    static final Instant EXPIRES = T0.plus(Duration.ofMinutes(EXPIRATION_MINUTES));
    /** End of the monitoring window of fixture invoices. */
    static final Instant MONITORING_ENDS = EXPIRES.plus(Duration.ofMinutes(MONITORING_MINUTES));
    /** Amount due of fixture invoices: 0.001 BTC. */
    static final long DUE = 100_000;

    private InvoiceFixtures() {
    }

    static CheckoutOptions checkout(String tolerancePercent) {
        return new CheckoutOptions(SpeedPolicy.MediumSpeed, tolerancePercent == null ? null : new BigDecimal(tolerancePercent),
                "https://shop.example/thanks", false, "en", "BTC-CHAIN", EXPIRATION_MINUTES, MONITORING_MINUTES);
    }

    /** A 65 USD invoice, with its InvoiceCreated event already drained. */
    static Invoice invoice(String tolerancePercent) {
        Invoice i = Invoice.create("inv-1", "store-1", Price.of(new BigDecimal("65.00"), "USD", "amount", "currency"),
                "USD", "{\"orderId\":\"o-1\"}", "o-1", List.of("o-1"), checkout(tolerancePercent), T0, null);
        i.drainEvents();
        return i;
    }

    static Invoice invoice() {
        return invoice(null);
    }

    /** A top-up invoice (no amount), with its InvoiceCreated event already drained. */
    static Invoice topUp() {
        Invoice i = Invoice.create("inv-top", "store-1", null, "USD", "{}", null, null, checkout(null), T0, null);
        i.drainEvents();
        return i;
    }

    static CryptoAmount sats(long units) {
        return CryptoAmount.ofUnits(BigInteger.valueOf(units), 8);
    }

    /** Totals for a fixture invoice: {@code received} in any state, {@code confirmed} of it final. */
    static PaymentTotals totals(long received, long confirmed) {
        return new PaymentTotals(sats(DUE), sats(received), sats(confirmed));
    }

    static PaymentTotals topUpTotals(long received, long confirmed) {
        return new PaymentTotals(null, sats(received), sats(confirmed));
    }

    static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }
}

package io.chaintill.web.checkout;

import io.chaintill.application.CheckoutView;
import io.chaintill.domain.invoice.AdditionalStatus;
import io.chaintill.domain.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Checkout views for unit tests: a 50 USD invoice payable in BTC (0.001 at 50000). */
final class CheckoutViews {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private CheckoutViews() {
    }

    static CheckoutView view(InvoiceStatus status, AdditionalStatus additional, int confirmations, int payments) {
        return view(status, additional, confirmations, payments, "0", "0.001", null);
    }

    static CheckoutView view(InvoiceStatus status, AdditionalStatus additional, int confirmations, int payments,
                             String paid, String remaining, String redirect) {
        CheckoutView.Method btc = new CheckoutView.Method("BTC-CHAIN", "BTC", "bcrt1qexample", new BigDecimal("50000"),
                "0.001", paid, remaining, new BigDecimal(remaining).movePointRight(8).toBigInteger().toString(),
                "bitcoin:bcrt1qexample" + ("0".equals(remaining) ? "" : "?amount=" + remaining), payments,
                confirmations, 2);
        return new CheckoutView("inv1", "Corner <Shop>", "A&1", "Mug \"blue\"", new BigDecimal("50.00"), "USD", status,
                additional, NOW.plusSeconds(900), null, null, redirect, true, List.of(btc), List.of());
    }
}

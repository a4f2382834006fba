package io.chaintill.application;

import io.chaintill.domain.invoice.AdditionalStatus;
import io.chaintill.domain.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the buyer's checkout page may show of an invoice, read in one transaction: public data only (no metadata
 * beyond orderId and itemDesc, no keys, no store settings beyond its name).
 *
 * @param amount null for a top-up invoice (any amount)
 * @param refundClaims ids of the invoice's open refund pull payments, whose claim pages the receipt links to
 */
public record CheckoutView(String invoiceId, String storeName, String orderId, String itemDesc, BigDecimal amount,
                           String currency, InvoiceStatus status, AdditionalStatus additionalStatus, Instant expiresAt,
                           String defaultLanguage, String defaultMethod, String redirectUrl,
                           boolean redirectAutomatically, List<Method> methods, List<String> refundClaims) {

    public CheckoutView {
        methods = List.copyOf(methods);
        refundClaims = List.copyOf(refundClaims);
    }

    /** The same invoice with other payment methods. */
    public CheckoutView withMethods(List<Method> others) {
        return new CheckoutView(invoiceId, storeName, orderId, itemDesc, amount, currency, status, additionalStatus,
                expiresAt, defaultLanguage, defaultMethod, redirectUrl, redirectAutomatically, others, refundClaims);
    }

    /** Some payment waits for confirmations, which come with blocks, not with a save of the invoice. */
    public boolean confirming() {
        return methods.stream().anyMatch(m -> m.payments() > 0 && m.confirmations() < m.confirmationsRequired());
    }

    /**
     * One payment method's prompt with what the chain says about it. Amounts are plain decimal strings.
     *
     * @param due null for a top-up invoice
     * @param remaining what is still to pay (never negative); null for a top-up invoice
     * @param remainingUnits the same in the asset's smallest unit (0 for top-ups): changes whenever the QR does
     * @param confirmations confirmations of the least confirmed valid payment (0 when none is seen)
     * @param confirmationsRequired what the speed policy asks of those payments
     * @param network the network in words where the asset is taken on several ("Base"); null where the id says it all
     * @param held a payment has its confirmations but chain integrity holds its settlement (docs/chain-integrity.md)
     */
    public record Method(String id, String currency, String destination, BigDecimal rate, String due, String paid,
                         String remaining, String remainingUnits, String paymentLink, int payments, int confirmations,
                         int confirmationsRequired, String network, boolean held) {

        public Method(String id, String currency, String destination, BigDecimal rate, String due, String paid,
                      String remaining, String remainingUnits, String paymentLink, int payments, int confirmations,
                      int confirmationsRequired, String network) {
            this(id, currency, destination, rate, due, paid, remaining, remainingUnits, paymentLink, payments,
                    confirmations, confirmationsRequired, network, false);
        }

        public Method(String id, String currency, String destination, BigDecimal rate, String due, String paid,
                      String remaining, String remainingUnits, String paymentLink, int payments, int confirmations,
                      int confirmationsRequired) {
            this(id, currency, destination, rate, due, paid, remaining, remainingUnits, paymentLink, payments,
                    confirmations, confirmationsRequired, null);
        }
    }

    public Optional<Method> method(String id) {
        return methods.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}

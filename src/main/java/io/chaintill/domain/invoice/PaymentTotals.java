package io.chaintill.domain.invoice;

import io.chaintill.domain.payment.CryptoAmount;

/**
 * What the chain says about an invoice's payments, in the units of the payment method that received them.
 * {@code received} counts every payment still valid (any confirmations), {@code confirmed} only those with enough
 * confirmations for the invoice's speed policy.
 */
public record PaymentTotals(CryptoAmount due, CryptoAmount received, CryptoAmount confirmed) {
}

package io.chaintill.domain.invoice;

import java.time.Instant;

/**
 * A payment as the InvoiceReceivedPayment / InvoicePaymentSettled events describe it (Greenfield's payment object).
 * {@code value} is a decimal string in the payment method's currency.
 */
public record PaymentDetails(String paymentMethodId, String id, Instant receivedDate, String value, String status,
                             String destination) {
}

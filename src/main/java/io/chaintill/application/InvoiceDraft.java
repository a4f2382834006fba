package io.chaintill.application;

import io.chaintill.domain.invoice.CheckoutOptions;
import io.chaintill.domain.invoice.ReceiptOptions;
import io.chaintill.domain.payment.Price;
import io.chaintill.domain.store.PaymentMethodConfig;
import java.math.BigDecimal;
import java.util.List;

/** A validated invoice request with the rate fixed for each payment method, ready to be issued. */
record InvoiceDraft(Price price, String currency, String metadataJson, String orderId, List<String> searchValues,
                    CheckoutOptions checkout, ReceiptOptions receipt, List<Quote> quotes) {

    /**
     * One payment method's offer: its configuration, the rate (crypto per invoice currency unit inverse) and the
     * method's own payment tolerance, or null when the invoice's applies.
     */
    record Quote(PaymentMethodConfig method, BigDecimal rate, BigDecimal paymentTolerance) {
    }
}

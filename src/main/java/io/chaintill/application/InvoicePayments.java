package io.chaintill.application;

import io.chaintill.domain.invoice.PaymentPrompt;
import io.chaintill.domain.payment.CryptoAmount;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What has been paid towards one payment prompt of an invoice. Read by the API, the QR codes (the link asks for
 * what is still due) and the checkout page. Chain tracking supplies the real figures.
 */
@ApplicationScoped
public class InvoicePayments {

    /** Sum of the payments still valid (any number of confirmations). */
    public CryptoAmount paid(PaymentPrompt prompt) {
        return CryptoAmount.zero(prompt.decimals());
    }
}

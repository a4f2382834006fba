package io.chaintill.application;

import io.chaintill.domain.invoice.PaymentPrompt;
import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.Payment;
import io.chaintill.persistence.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What has been paid towards one payment prompt of an invoice. Read by the API, the QR codes (the link asks for
 * what is still due) and the checkout page. Chain tracking supplies the real figures.
 */
@ApplicationScoped
public class InvoicePayments {
    @Inject
    PaymentRepository payments;

    /** Sum of the payments still valid (any number of confirmations). */
    public CryptoAmount paid(PaymentPrompt prompt) {
        return sumOfValid(prompt, payments.ofPrompt(prompt.id()));
    }

    /** The paid total of payments already loaded, so callers that list them need not query twice. */
    public static CryptoAmount sumOfValid(PaymentPrompt prompt, List<Payment> loaded) {
        CryptoAmount sum = CryptoAmount.zero(prompt.decimals());
        for (Payment p : loaded) {
            if (p.valid()) {
                sum = sum.plus(p.value());
            }
        }
        return sum;
    }

    /** Every payment seen for the prompt, invalid ones included (Greenfield lists them with status Invalid). */
    public List<Payment> payments(PaymentPrompt prompt) {
        return payments.ofPrompt(prompt.id());
    }
}

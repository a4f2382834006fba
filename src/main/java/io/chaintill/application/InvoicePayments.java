package io.chaintill.application;

import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.invoice.PaymentPrompt;
import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.CurrencyCatalog;
import io.chaintill.domain.payment.Payment;
import io.chaintill.persistence.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    /** Greenfield's {@code paidAmount} of each invoice, by invoice id, with one query for them all. */
    public Map<String, BigDecimal> paidAmounts(List<Invoice> invoices) {
        Map<String, List<Payment>> byPrompt = payments.ofInvoices(invoices.stream().map(Invoice::id).toList()).stream()
                .collect(Collectors.groupingBy(Payment::promptId));
        Map<String, BigDecimal> out = new HashMap<>();
        for (Invoice i : invoices) {
            out.put(i.id(), paidAmount(i, byPrompt));
        }
        return out;
    }

    /**
     * What the invoice has received in its own currency: each method's valid payments at the rate that method was
     * quoted, rounded down to the currency's decimals (never more than was paid).
     */
    static BigDecimal paidAmount(Invoice invoice, Map<String, List<Payment>> byPrompt) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PaymentPrompt p : invoice.prompts()) {
            sum = sum.add(sumOfValid(p, byPrompt.getOrDefault(p.id(), List.of())).toDecimal().multiply(p.rate()));
        }
        int decimals = CurrencyCatalog.decimalsOf(invoice.currency()).orElse(8);
        return sum.setScale(decimals, RoundingMode.DOWN);
    }
}

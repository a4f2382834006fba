package io.chaintill.application;

import io.chaintill.chain.PaymentMethodHandler;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.invoice.PaymentDetails;
import io.chaintill.domain.invoice.PaymentPrompt;
import io.chaintill.domain.invoice.PaymentTotals;
import io.chaintill.domain.payment.Payment;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payment.PaymentStatus;
import io.chaintill.domain.payment.PaymentTotalsCalculator;
import io.chaintill.domain.payment.PaymentTotalsCalculator.ConfirmationRule;
import io.chaintill.persistence.InvoiceRepository;
import io.chaintill.persistence.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Brings one invoice in line with its payments, inside the caller's transaction: announces new and newly final
 * payments, holds those whose chain is in doubt, recomputes the totals and lets the invoice move. Payment rows, invoice state and events commit together.
 */
@ApplicationScoped
public class PaymentTracker {
    @Inject
    InvoiceRepository invoices;
    @Inject
    PaymentRepository payments;
    @Inject
    PaymentMethodHandlers handlers;
    @Inject
    ChainIntegrity integrity;

    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(String invoiceId, PaymentMethodId method, int tipHeight, Instant now) {
        Invoice invoice = invoices.findForUpdate(invoiceId).orElse(null);
        if (invoice == null) {
            return;
        }
        PaymentPrompt prompt = invoice.prompt(method).orElse(null);
        if (prompt == null) {
            return;
        }
        PaymentMethodHandler handler = handlers.require(method, "paymentMethodId");
        ConfirmationRule rule = replaceable -> handler.confirmationsRequired(invoice.checkout().speedPolicy(), replaceable);
        List<Payment> ofMethod = payments.ofInvoice(invoiceId).stream()
                .filter(p -> p.paymentMethodId().equals(method)).toList();
        for (Payment p : ofMethod) {
            if (p.valid() && p.announceReceived()) {
                invoice.recordPaymentReceived(details(p), now);
            }
            judgeHold(p, method, tipHeight, rule);
            if (PaymentTotalsCalculator.isFinal(p, tipHeight, rule) && p.settle()) {
                invoice.recordPaymentSettled(details(p), now);
            }
        }
        PaymentTotals totals = PaymentTotalsCalculator.totals(prompt.due(), prompt.decimals(), ofMethod, tipHeight, rule);
        invoice.onPayments(totals, prompt.paymentTolerance(), now);
        invoices.save(invoice);
    }

    /**
     * A payment about to settle is held while its chain's integrity is in doubt (docs/chain-integrity.md); an
     * already settled one is never taken back by a hold, only by the chain (a reorg).
     */
    private void judgeHold(Payment p, PaymentMethodId method, int tipHeight, ConfirmationRule rule) {
        if (p.status() == PaymentStatus.Settled || !PaymentTotalsCalculator.hasConfirmations(p, tipHeight, rule)) {
            p.release();
            return;
        }
        integrity.holdReason(method, p.txid(), p.blockHash(), p.blockHeight(), rule.required(p.replaceable()))
                .ifPresentOrElse(p::hold, p::release);
    }

    @Transactional
    public boolean endMonitoring(String invoiceId, Instant now) {
        Invoice invoice = invoices.findForUpdate(invoiceId).orElse(null);
        if (invoice == null || !invoice.endMonitoringIfDue(now)) {
            return false;
        }
        invoices.save(invoice);
        return true;
    }

    static PaymentDetails details(Payment p) {
        return new PaymentDetails(p.paymentMethodId().toString(), p.publicId(), p.receivedAt(), p.value().toPlainString(),
                p.status().name(), p.destination());
    }
}

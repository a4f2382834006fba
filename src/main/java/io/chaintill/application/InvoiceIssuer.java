package io.chaintill.application;

import io.chaintill.chain.PaymentMethodHandler;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.persistence.AddressCounters;
import io.chaintill.persistence.InvoiceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.time.Clock;

/**
 * Writes a new invoice in one transaction: reserves the next address of each payment method's account key,
 * fixes the crypto amount due, and stores the invoice with its InvoiceCreated event.
 */
@ApplicationScoped
public class InvoiceIssuer {
    @Inject
    InvoiceRepository invoices;
    @Inject
    AddressCounters counters;
    @Inject
    PaymentMethodHandlers handlers;
    @Inject
    Clock clock;

    @Transactional
    public Invoice issue(String storeId, InvoiceDraft draft, String idempotencyKey) {
        Invoice invoice = Invoice.create(Ids.newId(), storeId, draft.price(), draft.currency(), draft.metadataJson(),
                draft.orderId(), draft.searchText(), draft.checkout(), clock.instant(), idempotencyKey);
        invoice.offerReceipt(draft.receipt());
        for (InvoiceDraft.Quote quote : draft.quotes()) {
            PaymentMethodId method = quote.method().paymentMethodId();
            PaymentMethodHandler handler = handlers.require(method, "checkout.paymentMethods");
            int index = counters.take(quote.method().keyId());
            String destination = handler.destination(quote.method().derivationScheme(), index);
            CryptoAmount due = draft.price() == null ? null
                    : CryptoAmount.ofDecimalRoundingUp(
                            draft.price().amount().divide(quote.rate(), handler.decimals(), RoundingMode.UP), handler.decimals());
            invoice.addPrompt(Ids.newId(), method, destination, quote.method().keyId(), index, quote.rate(), due,
                    handler.decimals(), quote.paymentTolerance());
        }
        invoices.save(invoice);
        return invoice;
    }
}

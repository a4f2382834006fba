package io.chaintill.application;

import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.invoice.InvoiceNotification;
import io.chaintill.persistence.InvoiceNotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.UnaryOperator;

/**
 * Issues a pay-button invoice together with where its notifications go, in one transaction: the outbox event of
 * its first status change can never be dispatched before the target is stored.
 */
@ApplicationScoped
public class NotifiedInvoiceIssuer {
    @Inject
    InvoiceIssuer issuer;
    @Inject
    InvoiceNotificationRepository notifications;

    @Transactional
    public Invoice issue(String storeId, InvoiceDraft draft, String notifyUrl, String notifyEmail,
                         UnaryOperator<String> checkoutLink) {
        Invoice invoice = issuer.issue(storeId, draft, null);
        if (notifyUrl != null || notifyEmail != null) {
            notifications.add(new InvoiceNotification(invoice.id(), notifyUrl, notifyEmail, checkoutLink.apply(invoice.id())));
        }
        return invoice;
    }
}

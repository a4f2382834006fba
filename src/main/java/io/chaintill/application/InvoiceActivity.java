package io.chaintill.application;

import io.chaintill.domain.access.Policy;
import io.chaintill.persistence.InvoiceEventRecord;
import io.chaintill.persistence.InvoiceRepository;
import io.chaintill.persistence.WebhookDeliveryRepository;
import io.chaintill.webhook.WebhookAttempt;
import io.chaintill.webhook.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** What happened to one invoice: its recorded events and the webhook deliveries they caused (ChainTill additions). */
@ApplicationScoped
@Transactional
public class InvoiceActivity {
    @Inject
    Authorizer authorizer;
    @Inject
    InvoiceRepository invoices;
    @Inject
    WebhookDeliveryRepository deliveries;

    /** Oldest first, as they were recorded with each state change. */
    public List<InvoiceEventRecord> events(Caller caller, String storeId, String invoiceId) {
        authorizer.requireAccess(caller, Policy.STORE_VIEW_INVOICES, storeId);
        requireInvoice(storeId, invoiceId);
        return invoices.events(invoiceId);
    }

    /** In event order, redeliveries included; needs the same permission as the webhook delivery log. */
    public List<DeliveryWithAttempts> deliveries(Caller caller, String storeId, String invoiceId) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_WEBHOOKS, storeId);
        requireInvoice(storeId, invoiceId);
        return deliveries.ofInvoice(storeId, invoiceId).stream()
                .map(d -> new DeliveryWithAttempts(d, deliveries.attempts(d.id()))).toList();
    }

    private void requireInvoice(String storeId, String invoiceId) {
        invoices.find(invoiceId).filter(i -> i.storeId().equals(storeId))
                .orElseThrow(() -> new NotFoundException("invoice-not-found", "invoice not found"));
    }

    /** A delivery and its attempts, oldest attempt first. */
    public record DeliveryWithAttempts(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }
}

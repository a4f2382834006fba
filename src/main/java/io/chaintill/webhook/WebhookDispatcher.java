package io.chaintill.webhook;

import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.store.WebhookEndpoint;
import io.chaintill.persistence.InvoiceEventOutbox;
import io.chaintill.persistence.InvoiceEventRecord;
import io.chaintill.persistence.InvoiceRepository;
import io.chaintill.persistence.WebhookDeliveryRepository;
import io.chaintill.persistence.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fan-out from the outbox: turns each undispatched invoice event into one delivery per enabled webhook of its
 * store that wants the event type (and, for a pay-button invoice, its IPNs: {@link InvoiceNotifier}), and marks the event dispatched, all in one transaction, so an event gets its
 * deliveries exactly once even if a node dies halfway.
 */
@ApplicationScoped
public class WebhookDispatcher {
    public static final int BATCH = 200;

    @Inject
    InvoiceEventOutbox outbox;
    @Inject
    WebhookRepository webhooks;
    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    InvoiceRepository invoices;
    @Inject
    InvoiceNotifier notifier;
    @Inject
    Clock clock;

    /** Dispatches up to one batch of events; returns how many events it handled. */
    @Transactional
    public int dispatchBatch() {
        Instant now = clock.instant();
        List<InvoiceEventRecord> events = outbox.lockUndispatched(BATCH);
        Map<String, List<WebhookEndpoint>> webhooksByStore = new HashMap<>();
        for (InvoiceEventRecord event : events) {
            List<WebhookEndpoint> targets = webhooksByStore.computeIfAbsent(event.storeId(), webhooks::ofStore);
            String metadata = null;
            for (WebhookEndpoint webhook : targets) {
                if (webhook.wants(event.type())) {
                    if (metadata == null) {
                        metadata = metadataOf(event.invoiceId());
                    }
                    deliveries.add(DeliveryFactory.first(webhook, event, metadata, now));
                }
            }
            notifier.deliveries(event, now).forEach(deliveries::add);
        }
        outbox.markDispatched(events);
        return events.size();
    }

    /** The invoice's metadata as it is now (Greenfield sends the current metadata too). */
    String metadataOf(String invoiceId) {
        return invoiceId == null ? "{}" : invoices.find(invoiceId).map(Invoice::metadataJson).orElse("{}");
    }
}

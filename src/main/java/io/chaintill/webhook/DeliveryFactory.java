package io.chaintill.webhook;

import io.chaintill.application.Ids;
import io.chaintill.domain.store.WebhookEndpoint;
import io.chaintill.persistence.InvoiceEventRecord;
import java.time.Instant;

/** Makes delivery rows, body included, for an event's first delivery and for redeliveries the merchant asks for. */
public final class DeliveryFactory {
    private DeliveryFactory() {
    }

    public static WebhookDelivery first(WebhookEndpoint webhook, InvoiceEventRecord event, String metadataJson, Instant now) {
        String id = Ids.newTimeOrderedId(now.toEpochMilli());
        return delivery(id, id, webhook.id(), event, metadataJson, now);
    }

    /** A new delivery of the same event; its originalDeliveryId names the event's first delivery. */
    public static WebhookDelivery redelivery(WebhookDelivery original, InvoiceEventRecord event, String metadataJson,
                                             Instant now) {
        return delivery(Ids.newTimeOrderedId(now.toEpochMilli()), original.originalDeliveryId(), original.webhookId(), event, metadataJson, now);
    }

    private static WebhookDelivery delivery(String id, String originalId, String webhookId, InvoiceEventRecord event,
                                            String metadataJson, Instant now) {
        String body = WebhookEnvelope.body(id, webhookId, originalId, event.type(), event.createdAt(), event.storeId(),
                event.invoiceId(), metadataJson, event.dataJson());
        return new WebhookDelivery(id, originalId, webhookId, event.storeId(), event.invoiceId(), event.id(),
                event.type(), body, now);
    }
}

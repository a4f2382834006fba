package io.chaintill.application;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.store.WebhookDefinition;
import io.chaintill.domain.store.WebhookEndpoint;
import io.chaintill.persistence.InvoiceEventOutbox;
import io.chaintill.persistence.InvoiceEventRecord;
import io.chaintill.persistence.InvoiceRepository;
import io.chaintill.persistence.WebhookDeliveryRepository;
import io.chaintill.persistence.WebhookRepository;
import io.chaintill.webhook.DeliveryFactory;
import io.chaintill.webhook.RefusedTargetException;
import io.chaintill.webhook.WebhookAttempt;
import io.chaintill.webhook.WebhookDelivery;
import io.chaintill.webhook.WebhookSettings;
import io.chaintill.webhook.WebhookSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** A store's webhooks and their delivery log (Greenfield stores/{id}/webhooks). */
@ApplicationScoped
@Transactional
public class WebhookService {
    @Inject
    Authorizer authorizer;
    @Inject
    WebhookRepository webhooks;
    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    InvoiceEventOutbox events;
    @Inject
    InvoiceRepository invoices;
    @Inject
    WebhookSettings settings;
    @Inject
    Clock clock;

    /** Without a secret in the request, a fresh 256-bit one is generated (returned once, in the answer). */
    public WebhookEndpoint create(Caller caller, String storeId, WebhookRequest request) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_WEBHOOKS, storeId);
        WebhookDefinition definition = request.definition(WebhookSigner.newSecret());
        checkTarget(definition);
        WebhookEndpoint webhook = new WebhookEndpoint(Ids.newId(), storeId, definition, clock.instant());
        webhooks.add(webhook);
        return webhook;
    }

    public List<WebhookEndpoint> list(Caller caller, String storeId) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_WEBHOOKS, storeId);
        return webhooks.ofStore(storeId);
    }

    /** The store of a webhook named without it; a webhook of a store the caller cannot reach is not found. */
    public String storeOf(Caller caller, String webhookId) {
        return webhooks.find(webhookId).map(WebhookEndpoint::storeId).filter(storeId -> authorizer.mayReach(caller, storeId))
                .orElseThrow(() -> new NotFoundException("webhook-not-found", "webhook not found"));
    }

    public WebhookEndpoint get(Caller caller, String storeId, String webhookId) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_WEBHOOKS, storeId);
        return webhook(storeId, webhookId);
    }

    /** {@code secret} null keeps the current secret (Greenfield's update does the same). */
    public WebhookEndpoint update(Caller caller, String storeId, String webhookId, WebhookRequest request) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_WEBHOOKS, storeId);
        WebhookEndpoint webhook = webhook(storeId, webhookId);
        WebhookDefinition definition = request.definition(webhook.secret());
        checkTarget(definition);
        webhook.apply(definition);
        return webhook;
    }

    public void delete(Caller caller, String storeId, String webhookId) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_WEBHOOKS, storeId);
        webhooks.remove(webhook(storeId, webhookId));
    }

    public List<WebhookDelivery> deliveries(Caller caller, String storeId, String webhookId, int skip, int take) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_WEBHOOKS, storeId);
        return deliveries.ofWebhook(webhook(storeId, webhookId).id(), skip, take);
    }

    public DeliveryLog delivery(Caller caller, String storeId, String webhookId, String deliveryId) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_WEBHOOKS, storeId);
        WebhookDelivery delivery = delivery(webhook(storeId, webhookId), deliveryId);
        return new DeliveryLog(delivery, deliveries.attempts(delivery.id()));
    }

    /** The exact request body; 404 once the retention period pruned it. */
    public String request(Caller caller, String storeId, String webhookId, String deliveryId) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_WEBHOOKS, storeId);
        WebhookDelivery delivery = delivery(webhook(storeId, webhookId), deliveryId);
        if (delivery.body() == null) {
            throw new NotFoundException("request-pruned", "the request body was deleted after the retention period");
        }
        return delivery.body();
    }

    /** Queues the same event again as a new delivery (isRedelivery true); returns the new delivery's id. */
    public String redeliver(Caller caller, String storeId, String webhookId, String deliveryId) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_WEBHOOKS, storeId);
        WebhookDelivery original = delivery(webhook(storeId, webhookId), deliveryId);
        InvoiceEventRecord event = events.get(original.eventId());
        String metadata = invoices.find(event.invoiceId()).map(Invoice::metadataJson).orElse("{}");
        WebhookDelivery again = DeliveryFactory.redelivery(original, event, metadata, clock.instant());
        deliveries.add(again);
        return again.id();
    }

    private void checkTarget(WebhookDefinition definition) {
        try {
            settings.addressGuard().check(definition.uri());
        } catch (RefusedTargetException e) {
            throw new InvalidInputException("url", e.getMessage());
        }
    }

    private WebhookEndpoint webhook(String storeId, String webhookId) {
        return webhooks.find(storeId, webhookId)
                .orElseThrow(() -> new NotFoundException("webhook-not-found", "webhook not found"));
    }

    private WebhookDelivery delivery(WebhookEndpoint webhook, String deliveryId) {
        return deliveries.find(webhook.id(), deliveryId)
                .orElseThrow(() -> new NotFoundException("webhookdelivery-not-found", "delivery not found"));
    }

    /** A delivery with its attempts, oldest attempt first. */
    public record DeliveryLog(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }
}

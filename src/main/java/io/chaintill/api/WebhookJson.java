package io.chaintill.api;

import io.chaintill.application.WebhookRequest;
import io.chaintill.domain.store.AuthorizedEvents;
import io.chaintill.domain.store.WebhookEndpoint;
import io.chaintill.json.Json;
import io.chaintill.webhook.DeliveryStatus;
import io.chaintill.webhook.WebhookAttempt;
import io.chaintill.webhook.WebhookDelivery;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Greenfield JSON of webhooks and deliveries, both ways. */
final class WebhookJson {
    private WebhookJson() {
    }

    /** Greenfield's defaults: enabled, automatic redelivery on, every event. */
    static WebhookRequest request(JsonInput in) {
        JsonInput events = in.object("authorizedEvents");
        List<String> specific = events.strings("specificEvents");
        AuthorizedEvents authorized = new AuthorizedEvents(!Boolean.FALSE.equals(events.bool("everything")),
                specific == null ? List.of() : specific);
        return new WebhookRequest(in.string("url"), in.secret("secret"), !Boolean.FALSE.equals(in.bool("enabled")),
                !Boolean.FALSE.equals(in.bool("automaticRedelivery")), authorized);
    }

    static JsonObject of(WebhookEndpoint w) {
        return builder(w).build();
    }

    /** The answer to create: the only time the secret is shown. */
    static JsonObject withSecret(WebhookEndpoint w) {
        return builder(w).add("secret", w.secret()).build();
    }

    private static JsonObjectBuilder builder(WebhookEndpoint w) {
        JsonArrayBuilder specific = Json.createArrayBuilder();
        w.authorizedEvents().specificEvents().forEach(specific::add);
        return Json.createObjectBuilder()
                .add("id", w.id())
                .add("enabled", w.enabled())
                .add("automaticRedelivery", w.automaticRedelivery())
                .add("url", w.url())
                .add("authorizedEvents", Json.createObjectBuilder()
                        .add("everything", w.authorizedEvents().everything())
                        .add("specificEvents", specific));
    }

    /** Greenfield's delivery shape (WebhookDeliveryData) plus ChainTill's type, isRedelivery and originalDeliveryId. */
    static JsonObjectBuilder delivery(WebhookDelivery d) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", d.id())
                .add("timestamp", d.createdAt().getEpochSecond())
                // BTCPay documents both as non-null: when first tried (creation while never tried), "" for no error
                .add("deliveryTime", (d.firstAttemptAt() == null ? d.createdAt() : d.firstAttemptAt()).getEpochSecond());
        nullable(b, "httpCode", d.lastHttpCode());
        b.add("errorMessage", d.lastError() == null ? "" : d.lastError());
        return b.add("status", status(d))
                .add("type", d.eventType())
                .add("isRedelivery", d.redelivery())
                .add("originalDeliveryId", d.originalDeliveryId());
    }

    static JsonObject delivery(WebhookDelivery d, List<WebhookAttempt> attempts) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (WebhookAttempt a : attempts) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("time", a.attemptedAt().getEpochSecond());
            nullable(b, "httpCode", a.httpCode());
            b.add("latencyMs", a.latencyMs());
            InvoiceJson.nullable(b, "error", a.error());
            list.add(b);
        }
        return delivery(d).add("attempts", list).build();
    }

    /**
     * A delivery listed under its invoice: the delivery log's shape plus the webhook it went to, or, for a pay
     * button's IPN, webhookId null and the invoice's own target (its serverIpn URL, or mailto: its notifyEmail).
     */
    static JsonObject deliveryOfInvoice(WebhookDelivery d, List<WebhookAttempt> attempts) {
        JsonObjectBuilder b = Json.createObjectBuilder(delivery(d, attempts));
        InvoiceJson.nullable(b, "webhookId", d.webhookId());
        if (d.target() != null) {
            b.add("target", d.target());
        }
        return b.add("invoiceId", d.invoiceId()).build();
    }

    /**
     * Greenfield's statuses: HttpSuccess (2xx), HttpError (ended on an HTTP answer that was not 2xx), Failed (ended
     * without an HTTP answer); ChainTill adds Pending for deliveries still being tried.
     */
    static String status(WebhookDelivery d) {
        if (d.status() == DeliveryStatus.Pending) {
            return "Pending";
        }
        if (d.status() == DeliveryStatus.Delivered) {
            return "HttpSuccess";
        }
        return d.lastHttpCode() != null ? "HttpError" : "Failed";
    }

    private static void nullable(JsonObjectBuilder b, String name, Integer value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}

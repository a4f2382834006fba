package io.chaintill.webhook;

import io.chaintill.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;

/**
 * Builds the JSON body of one delivery (see webhooks/schemas/envelope.json): the envelope fields, in a fixed
 * order, then the event's own fields from the outbox row's data_json, merged as they are so fields the chain
 * tracker adds (payment, paymentMethodId, ...) reach receivers without this class knowing them.
 */
public final class WebhookEnvelope {
    /** Envelope fields an event's data may not overwrite: they identify the delivery. */
    static final Set<String> ENVELOPE_FIELDS = Set.of("deliveryId", "webhookId", "originalDeliveryId", "isRedelivery",
            "type", "timestamp", "storeId", "invoiceId", "metadata");

    private WebhookEnvelope() {
    }

    /**
     * @param originalDeliveryId equal to {@code deliveryId} for a first delivery; the first delivery's id for a redelivery
     * @param happenedAt when the event happened (the body's timestamp; it never changes between attempts)
     */
    public static String body(String deliveryId, String webhookId, String originalDeliveryId, String type,
                              Instant happenedAt, String storeId, String invoiceId, String metadataJson, String dataJson) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("deliveryId", deliveryId)
                .add("webhookId", webhookId)
                .add("originalDeliveryId", originalDeliveryId)
                .add("isRedelivery", !deliveryId.equals(originalDeliveryId))
                .add("type", type)
                .add("timestamp", happenedAt.getEpochSecond())
                .add("storeId", storeId);
        if (invoiceId == null) {
            b.addNull("invoiceId");
        } else {
            b.add("invoiceId", invoiceId);
        }
        b.add("metadata", object(metadataJson));
        object(dataJson).forEach((name, value) -> {
            if (!ENVELOPE_FIELDS.contains(name)) {
                b.add(name, value);
            }
        });
        return b.build().toString();
    }

    /** Stored JSON that should be an object; anything else (never expected) becomes {} rather than a lost event. */
    static JsonObject object(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}

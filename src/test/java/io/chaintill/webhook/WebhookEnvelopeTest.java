package io.chaintill.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.invoice.InvoiceEventType;
import io.chaintill.support.WebhookSchemas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebhookEnvelopeTest {
    static final Instant AT = Instant.parse("2026-01-01T00:20:33.750Z");
    static final String PAYMENT = "{\"afterExpiration\":false,\"paymentMethodId\":\"BTC-CHAIN\",\"payment\":{\"id\":"
            + "\"6f1c2e9b0a4d8e7f3c5b2a1908d7e6f5c4b3a29180f7e6d5c4b3a2918070605f-1\",\"receivedDate\":1767226500,"
            + "\"value\":\"0.00150000\",\"status\":\"Processing\",\"destination\":\"bcrt1qexampleaddress\"}}";

    /** data_json as the outbox holds it for each type (InvoiceRepository writes the domain event's data map). */
    static final Map<InvoiceEventType, String> DATA = Map.of(
            InvoiceEventType.InvoiceCreated, "{}",
            InvoiceEventType.InvoiceReceivedPayment, PAYMENT,
            InvoiceEventType.InvoicePaymentSettled, PAYMENT.replace("Processing", "Settled"),
            InvoiceEventType.InvoiceProcessing, "{\"overPaid\":false}",
            InvoiceEventType.InvoiceExpired, "{\"partiallyPaid\":true}",
            InvoiceEventType.InvoiceSettled, "{\"manuallyMarked\":true,\"overPaid\":false}",
            InvoiceEventType.InvoiceInvalid, "{\"manuallyMarked\":false}",
            InvoiceEventType.InvoicePaymentRemoved, "{\"partiallyPaid\":false}");

    static String body(String deliveryId, String originalId, InvoiceEventType type, String metadata, String data) {
        return WebhookEnvelope.body(deliveryId, "hook1", originalId, type.name(), AT, "store1", "inv1", metadata, data);
    }

    @ParameterizedTest
    @EnumSource(InvoiceEventType.class)
    void everyEventTypeSatisfiesItsSchema(InvoiceEventType type) {
        String json = body("d1", "d1", type, "{\"orderId\":\"WC-1\",\"buyerEmail\":\"a@example.com\"}", DATA.get(type));
        WebhookSchemas.assertValid(type.name(), json);
    }

    @ParameterizedTest
    @EnumSource(InvoiceEventType.class)
    void redeliveriesSatisfyTheSchemaToo(InvoiceEventType type) {
        String json = body("d2", "d1", type, "{}", DATA.get(type));
        WebhookSchemas.assertValid(type.name(), json);
        JsonObject o = parse(json);
        assertTrue(o.getBoolean("isRedelivery"));
        assertEquals("d1", o.getString("originalDeliveryId"));
    }

    @Test
    void envelopeFieldsComeFirstInAFixedOrderThenTheEventsFields() {
        String json = body("d1", "d1", InvoiceEventType.InvoiceSettled, "{\"orderId\":\"WC-1\"}", "{\"manuallyMarked\":false,\"overPaid\":true}");
        assertEquals("{\"deliveryId\":\"d1\",\"webhookId\":\"hook1\",\"originalDeliveryId\":\"d1\",\"isRedelivery\":false,"
                + "\"type\":\"InvoiceSettled\",\"timestamp\":1767226833,\"storeId\":\"store1\",\"invoiceId\":\"inv1\","
                + "\"metadata\":{\"orderId\":\"WC-1\"},\"manuallyMarked\":false,\"overPaid\":true}", json);
    }

    @Test
    void eventDataCannotOverwriteTheEnvelope() {
        JsonObject o = parse(body("d1", "d1", InvoiceEventType.InvoiceCreated, "{}",
                "{\"deliveryId\":\"forged\",\"type\":\"InvoiceSettled\",\"extra\":1}"));
        assertEquals("d1", o.getString("deliveryId"));
        assertEquals("InvoiceCreated", o.getString("type"));
        assertEquals(1, o.getInt("extra"));
    }

    @Test
    void nestedEventDataIsKeptAsIs() {
        JsonObject o = parse(body("d1", "d1", InvoiceEventType.InvoiceReceivedPayment, "{}", PAYMENT));
        assertEquals("0.00150000", o.getJsonObject("payment").getString("value"));
    }

    @Test
    void unreadableStoredJsonBecomesAnEmptyObjectRatherThanALostEvent() {
        for (String bad : List.of("", "not json", "[1,2]", "\"text\"")) {
            JsonObject o = parse(body("d1", "d1", InvoiceEventType.InvoiceCreated, bad, bad));
            assertEquals(JsonObject.EMPTY_JSON_OBJECT, o.getJsonObject("metadata"), bad);
        }
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}

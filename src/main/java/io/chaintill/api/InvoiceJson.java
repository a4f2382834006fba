package io.chaintill.api;

import io.chaintill.application.InvoiceRequest;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.invoice.CheckoutOptions;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.invoice.InvoiceStatus;
import io.chaintill.domain.invoice.ReceiptOptions;
import io.chaintill.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Greenfield's invoice JSON, both directions. */
final class InvoiceJson {
    private InvoiceJson() {
    }

    /**
     * BTCPay's InvoiceData. A top-up invoice's {@code amount} is "0", as BTCPay shows it (typed clients read a
     * non-null decimal string); {@code type} says it is a top-up.
     */
    static JsonObject of(Invoice invoice, String checkoutLink, BigDecimal paidAmount) {
        CheckoutOptions c = invoice.checkout();
        JsonArrayBuilder methods = Json.createArrayBuilder();
        invoice.prompts().forEach(p -> methods.add(p.paymentMethodId().toString()));
        JsonArrayBuilder marking = Json.createArrayBuilder();
        invoice.statusesForManualMarking().stream().map(InvoiceStatus::name).forEach(marking::add);
        JsonObjectBuilder checkout = Json.createObjectBuilder()
                .add("speedPolicy", c.speedPolicy().name())
                .add("paymentMethods", methods)
                .add("expirationMinutes", c.expirationMinutes())
                .add("monitoringMinutes", c.monitoringMinutes())
                .add("paymentTolerance", c.paymentTolerance())
                .add("redirectAutomatically", c.redirectAutomatically());
        nullable(checkout, "defaultPaymentMethod", c.defaultPaymentMethod());
        nullable(checkout, "redirectURL", c.redirectUrl());
        nullable(checkout, "defaultLanguage", c.defaultLanguage());
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", invoice.id())
                .add("storeId", invoice.storeId())
                .add("currency", invoice.currency())
                .add("type", invoice.amount().isPresent() ? "Standard" : "TopUp")
                .add("checkoutLink", checkoutLink)
                .add("createdTime", seconds(invoice.createdAt()))
                .add("expirationTime", seconds(invoice.expiresAt()))
                .add("monitoringExpiration", seconds(invoice.monitoringEndsAt()))
                .add("status", invoice.status().name())
                .add("additionalStatus", invoice.additionalStatus().name())
                .add("archived", invoice.archived())
                .add("metadata", parseObject(invoice.metadataJson()))
                .add("checkout", checkout)
                .add("receipt", receipt(invoice.receipt()))
                .add("availableStatusesForManualMarking", marking)
                .add("amount", decimal(invoice.amount().orElse(BigDecimal.ZERO)))
                .add("paidAmount", decimal(paidAmount));
        return b.build();
    }

    static InvoiceRequest request(JsonInput in) {
        JsonInput checkout = in.object("checkout");
        JsonInput receipt = in.object("receipt");
        Metadata m = metadata(in);
        Integer expiration = checkout.integer("expirationMinutes");
        return new InvoiceRequest(in.decimal("amount"), in.string("currency"), m.json(), m.orderId(), m.searchValues(),
                checkout.strings("paymentMethods"), checkout.string("speedPolicy"), checkout.decimal("paymentTolerance"),
                expiration, checkout.integer("monitoringMinutes"), checkout.string("redirectURL"),
                checkout.bool("redirectAutomatically"), checkout.string("defaultLanguage"),
                checkout.string("defaultPaymentMethod"),
                new ReceiptOptions(receipt.bool("enabled"), receipt.bool("showQR"), receipt.bool("showPayments")));
    }

    private static JsonObjectBuilder receipt(ReceiptOptions r) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        nullable(b, "enabled", r.enabled());
        nullable(b, "showQR", r.showQr());
        nullable(b, "showPayments", r.showPayments());
        return b;
    }

    /** A decimal as Greenfield writes it: a plain string without trailing zeros ("0", "10.5"). */
    static String decimal(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static void nullable(JsonObjectBuilder b, String name, Boolean value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }

    /** The free metadata object, plus what the list filters need from it: orderId and searchable text. */
    static Metadata metadata(JsonInput in) {
        JsonObject metadata = in.rawObject("metadata");
        if (metadata == null) {
            metadata = JsonValue.EMPTY_JSON_OBJECT;
        }
        String orderId = null;
        JsonValue o = metadata.get("orderId");
        if (o instanceof JsonString s) {
            orderId = s.getString();
        } else if (o instanceof JsonNumber n) {
            orderId = n.toString();
        } else if (o != null && o != JsonValue.NULL) {
            throw new InvalidInputException("metadata.orderId", "must be a string");
        }
        List<String> values = new ArrayList<>();
        metadata.values().forEach(v -> {
            if (v instanceof JsonString s) {
                values.add(s.getString());
            } else if (v instanceof JsonNumber n) {
                values.add(n.toString());
            }
        });
        List<String> extra = in.strings("additionalSearchTerms");
        if (extra != null) {
            values.addAll(extra);
        }
        return new Metadata(metadata.toString(), orderId, values);
    }

    record Metadata(String json, String orderId, List<String> searchValues) {
    }

    static JsonObject parseObject(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    static long seconds(Instant t) {
        return t.getEpochSecond();
    }

    static void nullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}

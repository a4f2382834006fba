package io.chaintill.api;

import io.chaintill.domain.invoice.StatusChanges;
import io.chaintill.json.Json;
import io.chaintill.persistence.InvoiceEventRecord;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * One entry of an invoice's history: the event as recorded, its time, and the status it left the invoice in
 * ({@code null} for payment events, which do not move the status).
 */
final class InvoiceEventJson {
    private InvoiceEventJson() {
    }

    static JsonObject of(InvoiceEventRecord e) {
        var b = Json.createObjectBuilder()
                .add("id", e.id())
                .add("type", e.type())
                .add("timestamp", e.createdAt().getEpochSecond());
        InvoiceJson.nullable(b, "status", StatusChanges.statusAfter(e.type()).map(Enum::name).orElse(null));
        try (JsonReader r = Json.createReader(new StringReader(e.dataJson()))) {
            b.add("data", r.readObject());
        }
        return b.build();
    }
}

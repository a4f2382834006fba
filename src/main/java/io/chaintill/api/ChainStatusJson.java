package io.chaintill.api;

import io.chaintill.application.ChainStatus;
import io.chaintill.json.Json;
import jakarta.json.JsonObject;

/** A chain's health entry: status (UP/DOWN/DISABLED/STARTING), node tip, scanned height, lag, last error. */
final class ChainStatusJson {
    private ChainStatusJson() {
    }

    static JsonObject of(ChainStatus.Snapshot s) {
        var b = Json.createObjectBuilder().add("status", s.state().name()).add("watchedDestinations", s.watched());
        nullableInt(b, "tipHeight", s.tipHeight());
        nullableInt(b, "scannedHeight", s.scannedHeight());
        nullableInt(b, "lag", s.lag());
        InvoiceJson.nullable(b, "error", s.error());
        if (s.at() != null) {
            b.add("checkedAt", s.at().getEpochSecond());
        }
        return b.build();
    }

    private static void nullableInt(jakarta.json.JsonObjectBuilder b, String name, Integer value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}

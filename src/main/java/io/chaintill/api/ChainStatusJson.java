package io.chaintill.api;

import io.chaintill.application.ChainHealth;
import io.chaintill.application.ChainStatus;
import io.chaintill.chain.integrity.SourceState;
import io.chaintill.json.Json;
import jakarta.json.JsonObject;

/**
 * A chain's health entry: status (UP/DEGRADED/DOWN/DISABLED/STARTING), node tip, scanned height, lag, last error,
 * the integrity alerts raised on it and each integrity source's tip and lag (names only: no addresses in public).
 */
final class ChainStatusJson {
    private ChainStatusJson() {
    }

    static JsonObject of(ChainHealth.Entry e) {
        ChainStatus.Snapshot s = e.follower();
        var b = Json.createObjectBuilder().add("status", e.level().name()).add("watchedDestinations", s.watched());
        nullableInt(b, "tipHeight", s.tipHeight());
        nullableInt(b, "scannedHeight", s.scannedHeight());
        nullableInt(b, "lag", s.lag());
        InvoiceJson.nullable(b, "error", s.error());
        if (s.at() != null) {
            b.add("checkedAt", s.at().getEpochSecond());
        }
        b.add("alerts", Json.createArrayBuilder(e.alerts()));
        var sources = Json.createArrayBuilder();
        for (SourceState src : e.sources()) {
            var o = Json.createObjectBuilder().add("name", src.name()).add("kind", src.kind())
                    .add("status", src.answered() ? "UP" : "DOWN");
            nullableInt(o, "tipHeight", src.tipHeight());
            nullableInt(o, "lag", src.lag());
            sources.add(o);
        }
        return b.add("sources", sources).build();
    }

    private static void nullableInt(jakarta.json.JsonObjectBuilder b, String name, Integer value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}

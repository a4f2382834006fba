package io.chaintill.application;

import io.chaintill.chain.integrity.AlertKind;
import io.chaintill.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;

/**
 * The data of a ChainAlert webhook (webhooks/schemas/ChainAlert.json) for one raise or one clear of an alert: the
 * schema's chain, severity, message and tipHeight, plus the alert as GET /api/v1/chains/alerts shows it.
 */
public final class ChainAlertEvent {
    private ChainAlertEvent() {
    }

    /** @param tipHeight the best tip any source of the chain reported in that pass, or null */
    public static String data(ChainAlert a, Integer tipHeight) {
        boolean cleared = !a.raised();
        String severity = cleared ? "resolved"
                : AlertKind.ofId(a.kind()).map(AlertKind::critical).orElse(true) ? "critical" : "warning";
        String message = cleared
                ? a.chain() + " " + a.kind() + " cleared after "
                        + Duration.between(a.firstSeen(), a.clearedAt()).toSeconds() + " s: " + a.reason()
                : a.chain() + " " + a.kind() + ": " + a.reason();
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("chain", a.chain())
                .add("severity", severity)
                .add("message", message);
        nullable(b, "tipHeight", tipHeight);
        b.add("alertId", a.id())
                .add("kind", a.kind())
                .add("status", cleared ? "cleared" : "raised")
                .add("sources", Json.createArrayBuilder(a.sources()))
                .add("hashes", Json.createArrayBuilder(a.hashes()));
        nullable(b, "height", a.height());
        b.add("firstSeen", a.firstSeen().getEpochSecond());
        if (cleared) {
            b.add("cleared", a.clearedAt().getEpochSecond());
        } else {
            b.addNull("cleared");
        }
        return b.build().toString();
    }

    /** When the event happened: its raise or its clear. */
    public static Instant at(ChainAlert a) {
        return a.raised() ? a.firstSeen() : a.clearedAt();
    }

    private static void nullable(JsonObjectBuilder b, String name, Integer value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}

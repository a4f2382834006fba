package io.chaintill.fuzz;

import io.chaintill.support.RawHttp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

/**
 * What the store owns, as its listings show it: compared before and after a refused request, which must change
 * nothing. Fields that move with time alone (an invoice expiring) are left out.
 */
final class DataSnapshot {
    private static final Set<String> MOVING = Set.of("status", "additionalStatus");
    private final RawHttp http;
    private final String apiKey;
    private final List<String> listings;

    DataSnapshot(RawHttp http, String apiKey, String storeId) {
        this.http = http;
        this.apiKey = apiKey;
        String s = "/api/v1/stores/" + storeId;
        this.listings = List.of("/api/v1/stores", s, s + "/payment-methods", s + "/webhooks",
                s + "/invoices?includeArchived=true&take=1000");
    }

    String take() {
        StringBuilder b = new StringBuilder();
        for (String path : listings) {
            FuzzRequest r = new FuzzRequest("snapshot", "GET", path).header("Authorization", "token " + apiKey);
            RawHttp.Answer a = r.send(http);
            if (a.status() != 200) {
                throw new AssertionError("snapshot " + path + ": HTTP " + a.status() + " " + a.body());
            }
            try (JsonReader reader = Json.createReader(new StringReader(a.body()))) {
                b.append(path).append(' ').append(stable(reader.readValue())).append('\n');
            }
        }
        return b.toString();
    }

    private static JsonValue stable(JsonValue v) {
        if (v instanceof JsonObject o) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            o.forEach((k, x) -> {
                if (!MOVING.contains(k)) {
                    b.add(k, stable(x));
                }
            });
            return b.build();
        }
        if (v instanceof JsonArray a) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            a.forEach(x -> b.add(stable(x)));
            return b.build();
        }
        return v;
    }

    /** The first line that differs, shortened, for a failure message. */
    static String difference(String before, String after) {
        String[] x = before.split("\n");
        String[] y = after.split("\n");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                int at = 0;
                while (at < Math.min(x[i].length(), y[i].length()) && x[i].charAt(at) == y[i].charAt(at)) {
                    at++;
                }
                return "before: " + AnswerChecks.excerpt(x[i], at) + " / after: " + AnswerChecks.excerpt(y[i], at);
            }
        }
        return "the listings differ in length";
    }
}

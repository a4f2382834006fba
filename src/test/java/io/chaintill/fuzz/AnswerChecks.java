package io.chaintill.fuzz;

import io.chaintill.support.RawHttp;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * What every answer must respect, whatever was sent: no 5xx (but the documented 503s), nothing of the server's
 * insides (stack traces, Java class names), no private key echoed, and on /api paths a JSON body (never the
 * container's HTML error page).
 */
final class AnswerChecks {
    static final List<String> LEAK_MARKERS = List.of("java.", "jakarta.", "org.eclipse", "Exception", "at io.chaintill",
            "org.glassfish", "fish.payara");

    private AnswerChecks() {
    }

    static List<String> problems(FuzzRequest request, RawHttp.Answer answer) {
        List<String> problems = new ArrayList<>();
        int status = answer.status();
        // documented 503s: no rate, no chain node, and every password check busy ("server-busy", docs/security.md)
        boolean documented503 = request.may503 || answer.body().contains("server-busy")
                || request.target.startsWith("/dashboard/login");
        if (status >= 500 && !(status == 503 && documented503)) {
            problems.add("HTTP " + status);
        }
        if (request.mustRefuse && status < 400) {
            problems.add("accepted (HTTP " + status + ") what must be refused");
        }
        String type = answer.contentType();
        boolean binary = type.startsWith("image/") || type.startsWith("font/");
        String body = answer.body();
        String all = answer.headers() + "\n" + (binary ? "" : body);
        boolean ownAsset = status < 300 && request.target.startsWith("/assets/");
        if (!ownAsset) {
            for (String marker : LEAK_MARKERS) {
                if (all.contains(marker)) {
                    problems.add("the answer contains '" + marker + "': " + excerpt(all, all.indexOf(marker)));
                }
            }
        }
        for (String secret : request.secrets) {
            if (!secret.isBlank() && (all.contains(secret) || answer.body().contains(secret))) {
                problems.add("the answer echoes the private key that was sent");
            }
        }
        if (request.target.startsWith("/api/") && !body.isEmpty() && !type.startsWith("text/csv")) {
            if (!type.startsWith("application/json")) {
                problems.add("an /api answer of type '" + type + "': " + excerpt(body, 0));
            } else if (!isJson(body)) {
                problems.add("an /api answer that is not JSON: " + excerpt(body, 0));
            }
        }
        return problems;
    }

    private static boolean isJson(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            r.readValue();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String excerpt(String text, int at) {
        int from = Math.max(0, at - 80);
        return text.substring(from, Math.min(text.length(), at + 160)).replace("\n", "\\n");
    }
}

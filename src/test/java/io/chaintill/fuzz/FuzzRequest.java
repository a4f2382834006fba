package io.chaintill.fuzz;

import io.chaintill.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One generated request and what its answer must respect: {@code secrets} (private keys it carries) must never
 * come back, {@code mustRefuse} asks for a 4xx, {@code write} marks requests that may change data.
 */
final class FuzzRequest {
    final String label;
    String method;
    String target;
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body;
    boolean write;
    boolean mustRefuse;
    boolean may503;
    final Set<String> secrets = new LinkedHashSet<>();

    FuzzRequest(String label, String method, String target) {
        this.label = label;
        this.method = method;
        this.target = target;
    }

    String method() {
        return method;
    }

    String target() {
        return target;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    RawHttp.Answer send(RawHttp http) {
        return http.send(method, target, headers, body);
    }

    FuzzRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    FuzzRequest json(String text) {
        body = text.getBytes(StandardCharsets.UTF_8);
        headers.putIfAbsent("Content-Type", "application/json");
        return this;
    }

    /** A short description for failure messages: the case, the request line, the start of the body. */
    String describe() {
        String b = body == null ? "" : new String(body, 0, Math.min(body.length, 240), StandardCharsets.UTF_8);
        String t = target.length() > 200 ? target.substring(0, 200) + "...(" + target.length() + " chars)" : target;
        Map<String, String> shown = new LinkedHashMap<>(headers);
        shown.computeIfPresent("Authorization", (k, v) -> v.length() > 60 ? v.substring(0, 60) + "..." : v);
        return "[" + label + "] " + method + " " + t + " " + shown + (b.isEmpty() ? "" : " body: " + b
                + (body.length > 240 ? "...(" + body.length + " bytes)" : ""));
    }
}

package io.chaintill.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an endpoint into generated bad requests: bad ids, query values, credentials, fields, bodies, types. */
final class FuzzCases {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /**
     * Fields that hold the caller's own secret (never shown again, or shown once by design, like a new webhook's
     * secret): any string is fine there, so a key sent in them is not checked for echoes.
     */
    private static final Set<String> OWN_SECRETS = Set.of("password", "secret");
    private final FuzzInputs in;
    private final Map<String, String> ids;
    private final String apiKey;

    FuzzCases(FuzzInputs in, Map<String, String> ids, String apiKey) {
        this.in = in;
        this.ids = ids;
        this.apiKey = apiKey;
    }

    FuzzRequest generate(FuzzOp op) {
        List<String> placeholders = placeholders(op.path());
        boolean deleting = op.method().equals("DELETE");
        int kinds = op.body() == null ? 3 : 10;
        int kind = deleting ? 0 : in.random().nextInt(kinds);
        if (kind == 0 && placeholders.isEmpty()) {
            kind = 1;
        }
        String bad = kind == 0 ? in.pick(placeholders) : null;
        FuzzRequest r = new FuzzRequest(kindName(kind), op.method(), fill(op.path(), bad));
        r.write = op.write();
        r.header("Authorization", "token " + apiKey);
        if (op.body() != null) {
            r.json(op.body().valid());
            r.headers.put("Content-Type", op.contentType());
        }
        switch (kind) {
            case 0 -> { }
            case 1 -> r.target += query(op);
            case 2 -> credentials(r);
            case 3, 4, 5 -> field(r, op);
            case 6 -> privateKey(r, op);
            case 7 -> {
                r.json(in.malformedBody(op.body().valid()));
                r.mustRefuse = true;
            }
            case 8 -> contentType(r);
            default -> bytes(r, op);
        }
        r.secrets.addAll(in.drainSecrets());
        return r;
    }

    private static String kindName(int kind) {
        return List.of("bad id", "bad query", "bad credentials", "bad field", "bad field", "bad field",
                "private key in a field", "malformed body", "bad content type", "bad bytes").get(kind);
    }

    private String query(FuzzOp op) {
        StringBuilder q = new StringBuilder("?");
        int n = 1 + in.random().nextInt(3);
        for (int i = 0; i < n; i++) {
            String name = op.query().isEmpty() || in.chance(15) ? in.pick(List.of("x", "%zz", "a%00", "\u0130"))
                    : in.pick(op.query());
            q.append(i == 0 ? "" : "&").append(name).append('=').append(in.queryValue());
        }
        if (in.chance(5)) {
            q.append("&pad=").append("q".repeat(20_000));
        }
        return q.toString();
    }

    private void credentials(FuzzRequest r) {
        String value = switch (in.random().nextInt(10)) {
            case 0 -> "token " + in.secret();
            case 1 -> "token " + "a".repeat(in.pick(List.of(41, 5000)));
            case 2 -> "Basic !!!not-base64";
            case 3 -> "Basic " + b64(in.string() + ":" + in.secret());
            case 4 -> "Bearer " + apiKey;
            case 5 -> "token";
            case 6 -> "token \u0130\u0130";
            case 7 -> "Basic " + b64("nobody@chaintill.test");
            case 8 -> "token " + apiKey + "\u0000";
            default -> "Basic " + b64("a".repeat(3000) + "@x.test:" + "p".repeat(3000));
        };
        r.headers.put("Authorization", value.replace("\n", "").replace("\r", ""));
    }

    private void field(FuzzRequest r, FuzzOp op) {
        JsonTemplate t = op.body();
        List<String> path = t.fields().isEmpty() || in.chance(10) ? List.of(in.pick(List.of("zz", "__proto__", "")))
                : in.pick(t.fields());
        if (path.get(path.size() - 1).equals("url") && in.chance(70)) {
            r.json(t.with(path, FuzzInputs.quote(in.webhookUrl())));
            r.mustRefuse = true;
            return;
        }
        r.json(t.with(path, in.value()));
        forgetIfOwnSecret(path);
    }

    private void forgetIfOwnSecret(List<String> path) {
        if (OWN_SECRETS.contains(path.get(path.size() - 1))) {
            in.drainSecrets();
        }
    }

    private void privateKey(FuzzRequest r, FuzzOp op) {
        JsonTemplate t = op.body();
        List<List<String>> keyFields = t.fields().stream()
                .filter(p -> op.keyFields().contains(String.join(".", p))).toList();
        List<List<String>> candidates = !keyFields.isEmpty() && in.chance(70) ? keyFields
                : t.stringFields().isEmpty() ? t.fields() : t.stringFields();
        if (candidates.isEmpty()) {
            r.json(t.with(List.of("config"), FuzzInputs.quote(in.secret())));
            return;
        }
        List<String> path = in.pick(candidates);
        r.json(t.with(path, FuzzInputs.quote(in.secret())));
        r.mustRefuse = op.keyFields().contains(String.join(".", path));
        forgetIfOwnSecret(path);
    }

    private void contentType(FuzzRequest r) {
        if (in.chance(20)) {
            r.headers.remove("Content-Type");
            return;
        }
        String type = in.contentType();
        r.headers.put("Content-Type", type);
        if (type.contains("utf-16")) {
            r.body = new String(r.body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
        }
    }

    private void bytes(FuzzRequest r, FuzzOp op) {
        byte[] valid = op.body().valid().getBytes(StandardCharsets.UTF_8);
        byte[] junk = in.pick(List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                        (byte) 0x80}, new byte[] {0}, new byte[] {(byte) 0xC0, (byte) 0xAF}));
        int at = in.random().nextInt(valid.length);
        byte[] out = new byte[valid.length + junk.length];
        System.arraycopy(valid, 0, out, 0, at);
        System.arraycopy(junk, 0, out, at, junk.length);
        System.arraycopy(valid, at, out, at + junk.length, valid.length - at);
        r.body = out;
    }

    private String fill(String path, String badPlaceholder) {
        Matcher m = PLACEHOLDER.matcher(path);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals(badPlaceholder) ? in.id() : ids.getOrDefault(name, "unknown-" + name);
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        return m.appendTail(b).toString();
    }

    private static List<String> placeholders(String path) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(path);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}

package io.chaintill.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Generated bad input: strings, JSON values, whole bodies, ids, query values, content types and webhook URLs.
 * Everything comes from the one seeded {@link Random}, so a seed replays the same requests. No generated text
 * contains the markers the answer checks look for (class names, "Exception"), so an echo is never mistaken for a leak.
 */
final class FuzzInputs {
    private static final List<String> NUMBERS = List.of("1e999999", "-1e999999", "1e-999999", "-0", "0", "-1",
            "9223372036854775808", "-9223372036854775809", "18446744073709551616", "2147483648", "-2147483649",
            "0.000000000000000000000000000000000000000000001", "123456789012345678901234567890.123456789",
            "1E+2147483647", "4.9e-324", "1.7976931348623157e309", "100000000000000000000000000000000000000000000");
    private static final List<String> NON_JSON_LITERALS = List.of("NaN", "Infinity", "-Infinity", "undefined",
            "0x10", "+1", ".5", "01", "1.", "True", "nul", "'single'");
    private static final List<String> CONTENT_TYPES = List.of("application/json; charset=bogus",
            "application/json; charset=utf-16", "application/json; charset=\"utf-8", "application/json;;;",
            "application/json; charset=", "text/plain", "application/xml", "text/html; charset=utf-8",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz", "multipart/form-data", "*/*",
            "application/*", "image/png", "application/json\u0000", "application", "/", "application/jsonx",
            "application/json; charset=ISO-8859-1", "application/json; charset=x-unknown-42", "");
    private static final List<String> WEBHOOK_URLS = List.of("http://127.0.0.1/hook", "http://127.0.0.1:8080/",
            "http://10.0.0.1/hook", "http://172.16.5.4/", "http://192.168.1.1/", "http://100.64.0.1/",
            "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://[64:ff9b::a00:1]/",
            "http://[2002:7f00:1::]/", "http://0.0.0.0/", "http://224.0.0.1/", "http://240.0.0.1/",
            "file:///etc/passwd", "file://127.0.0.1/etc/passwd", "javascript:alert(1)", "JAVASCRIPT:alert(1)",
            "data:text/html,<script>alert(1)</script>", "ftp://127.0.0.1/", "gopher://127.0.0.1:6379/_INFO",
            "jar:http://127.0.0.1!/x", "http://shop.example.com@127.0.0.1/", "http://shop.example.com:443@10.0.0.1/",
            "http://user:pass@192.168.0.1/", "http://127.0.0.1#@shop.example.com/", "http://127.0.0.1\\@shop.example.com/",
            "http://127.0.0.1:99999/", "http://127.0.0.1:-1/", "http:///hook", "http://", "//127.0.0.1/", "/hook",
            "hook", "http:\\\\127.0.0.1\\", "http://[::1", "http://127.0.0.1/\u0000", "http://127.0.0.1/\r\nX: y",
            "http://10.0.0.1/%zz", " http://10.0.0.1/ ", "http://10.0.0.1/" + "a".repeat(5000),
            "http://192.168.1.1/" + "x/".repeat(30000), "http://[::]/", "http://0177.0.0.1/", "http://127.000.000.001/");

    private final Random random;
    private final FuzzKeys keys;
    private final java.util.Set<String> secretsSent = new java.util.LinkedHashSet<>();

    FuzzInputs(Random random, FuzzKeys keys) {
        this.random = random;
        this.keys = keys;
    }

    Random random() {
        return random;
    }

    /** A pasted private key; the key is remembered until {@link #drainSecrets} hands it to the request. */
    String secret() {
        FuzzKeys.Pasted p = keys.pick(random);
        secretsSent.add(p.key());
        return p.text();
    }

    java.util.Set<String> drainSecrets() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(secretsSent);
        secretsSent.clear();
        return out;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** A bad string value (not yet JSON-escaped). */
    String string() {
        return switch (random.nextInt(16)) {
            case 0 -> "a".repeat(pick(List.of(201, 256, 501, 1025, 4001, 65537, 300_000)));
            case 1 -> "e\u0301\u0302\u0303\u0304\u0305".repeat(1 + random.nextInt(400));
            case 2 -> "\u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \u0627\u0644\u0633\u0644\u0627\u0645";
            case 3 -> "\uD83D\uDCB8\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67".repeat(1 + random.nextInt(100));
            case 4 -> "\u0130".repeat(pick(List.of(60, 101, 150, 201, 255, 1000)));
            case 5 -> "x\u0000y\u0001\u0007\u001b[31m\u007f\u0085\u2028\u2029";
            case 6 -> pick(List.of("../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f", "%zz", "%00"));
            case 7 -> pick(List.of("' OR 1=1 --", "\"; DROP TABLE store; --", "${jndi:ldap://127.0.0.1/a}",
                    "#{7*7}", "%s%s%s%n", "{{7*7}}", "<script>alert(1)</script>", "\\u0000"));
            case 8 -> pick(List.of("", " ", "\t\n", "null", "true", "0", "-0", "NaN", "Infinity", "1e999999"));
            case 9 -> "\uFFFE\uFEFF\uFFFD";
            case 10 -> "\uD800x";
            case 11 -> "İstanbul@ÖRNEK.COM.TR";
            case 12 -> secret();
            case 13 -> "\u0000".repeat(1 + random.nextInt(50));
            case 14 -> "a\r\nSet-Cookie: x=y";
            default -> "Ǆ" + "ß".repeat(100) + "ﬃ".repeat(100);
        };
    }

    /** A bad JSON value as JSON text (may be invalid JSON on purpose). */
    String value() {
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> quote(string());
            case 3 -> pick(NUMBERS);
            case 4 -> quote(pick(NUMBERS));
            case 5 -> pick(NON_JSON_LITERALS);
            case 6 -> quote(pick(NON_JSON_LITERALS));
            case 7 -> pick(List.of("null", "false", "[]", "{}", "[null]", "[1,\"a\",{}]", "{\"a\":{\"b\":[]}}",
                    "{\"a\":1,\"a\":2,\"a\":{\"a\":[1e999999]}}"));
            case 8 -> nested(pick(List.of(50, 600, 3000, 20_000)));
            case 9 -> "[" + "1,".repeat(pick(List.of(1000, 50_000))) + "1]";
            case 10 -> bigObject(pick(List.of(100, 5000)));
            default -> quote(secret());
        };
    }

    /** A whole body that is not one acceptable JSON object. */
    String malformedBody(String valid) {
        return switch (random.nextInt(14)) {
            case 0 -> valid.substring(0, random.nextInt(Math.max(1, valid.length())));
            case 1 -> "{".repeat(pick(List.of(100, 5000, 100_000)));
            case 2 -> nested(pick(List.of(1000, 10_000, 200_000)));
            case 3 -> "[" + valid + "]";
            case 4 -> quote(valid);
            case 5 -> pick(List.of("null", "true", "42", "\"text\"", "[]", "-0", "1e999999"));
            case 6 -> valid + "}";
            case 7 -> valid + valid;
            case 8 -> "\uFEFF" + valid;
            case 9 -> "email=a&password=b";
            case 10 -> "<?xml version=\"1.0\"?><a/>";
            case 11 -> valid.replace("\"", "'");
            case 12 -> "{\"a\":" + "\"" + "b".repeat(1_100_000) + "\"}";
            default -> valid.replace(":", "=");
        };
    }

    String contentType() {
        return pick(CONTENT_TYPES);
    }

    String webhookUrl() {
        return pick(WEBHOOK_URLS);
    }

    /**
     * A bad path segment, already in the form it goes on the request line. Broken percent-encoding and a final
     * dot-dot segment are left to {@link #BROKEN_ESCAPES}, whose answer is always the same 400 (RequestTargetProbe,
     * docs/security.md), so they are checked for that answer on their own.
     */
    String id() {
        return switch (random.nextInt(14)) {
            case 0 -> "%2F%2F";
            case 1 -> pick(List.of("..%2F..%2Fetc%2Fpasswd", "..;", "%252e%252e"));
            case 2 -> "a".repeat(pick(List.of(65, 300, 5000, 7000)));
            case 3 -> "%00";
            case 4 -> pick(List.of("-1", "0", "99999999999999999999999", "1e999999", "NaN", "null", "undefined"));
            case 5 -> "%C4%B0%C4%B0%C4%B0";
            case 6 -> "\u0130\u0130";
            case 7 -> "%E2%80%AEevil";
            case 8 -> "x;jsessionid=1";
            case 9 -> "%ff%fe";
            case 10 -> pick(List.of("%20", "+", "*", "%2A", "'", "%22", "%3Cscript%3E", "a%0d%0aX:%20y"));
            case 11 -> encode(secret().strip());
            case 12 -> "%F0%9F%92%B8";
            default -> "%25zz";
        };
    }

    static final List<String> BROKEN_ESCAPES = List.of("%zz", "%u0130", "%", "%4", "%G0", "a%zzb", "%%", "%e2%8",
            "..", "%2e%2e", ".%2e");

    /** A bad query value, in request-line form. */
    String queryValue() {
        return switch (random.nextInt(10)) {
            case 0 -> "%zz";
            case 1 -> pick(List.of("abc", "-1", "-0", "1e999999", "9223372036854775808", "NaN", "0x10", "1.5", ""));
            case 2 -> "a".repeat(pick(List.of(300, 5000)));
            case 3 -> "%00";
            case 4 -> "%C4%B0".repeat(100);
            case 5 -> pick(List.of("99999999999999", "-99999999999999", "253402300800", "-62135596801", "2147483648"));
            case 6 -> encode(secret().strip());
            case 7 -> pick(List.of("true%00", "TRUE", "yes", "1", "on"));
            case 8 -> "%ff";
            default -> pick(List.of("%3Cscript%3E", "..%2F..", "%0d%0a"));
        };
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || (Character.isSurrogate(c))) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String bigObject(int keys) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < keys; i++) {
            b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return b.append('}').toString();
    }
}
